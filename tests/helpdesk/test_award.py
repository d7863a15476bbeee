"""The national CHM award: entries, jury scores, results in six languages."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cms.models import Party
from helpdesk.errors import HelpdeskError
from helpdesk.models import AwardCall, AwardEntry
from helpdesk.models.award import AWARD_JURORS_GROUP
from helpdesk.selectors.award import award_jury_candidates
from helpdesk.services.award import (
    award_answers_translate,
    award_answers_translation_request,
    award_criterion_add,
    award_entry_submit,
    award_judging_start,
    award_publish_blockers,
    award_results_compute,
    award_scores_save,
)
from tests.translation.builders import mt_models  # noqa: F401
from tests.translation.conftest import demo_archives, demo_packages_dir  # noqa: F401

pytestmark = pytest.mark.django_db

TITLES = {
    "ar": "جائزة أفضل آلية وطنية لتبادل المعلومات 2026",
    "en": "Best national CHM award 2026",
    "es": "Premio al mejor mecanismo nacional de facilitación 2026",
    "fr": "Prix du meilleur CHM national 2026",
    "ru": "Премия за лучший национальный МПП 2026",
    "zh-hans": "2026 年最佳国家信息交换所机制奖",
}


@pytest.fixture
def call(db):
    call = AwardCall.objects.create(
        **{f"title_{code.replace('-', '_')}": title for code, title in TITLES.items()},
        deadline=timezone.now() + datetime.timedelta(days=10),
    )
    award_criterion_add(call=call, names={"en": "Content"}, max_score=10)
    award_criterion_add(call=call, names={"en": "Languages"}, max_score=5)
    return call


def enter(user, call, category="existing", language="en", description="Our CHM"):
    return award_entry_submit(
        call=call,
        user=user,
        language=language,
        category=category,
        site_url="https://chm.example",
        description=description,
        audience="Everyone",
        languages=["en"],
    )


def expert(make_user, name):
    """An invited expert: no Party, in the "Award jurors" group."""
    user = make_user(username=name)
    user.groups.add(Group.objects.get(name=AWARD_JURORS_GROUP))
    return user


def test_parties_enter_until_the_deadline(call, french_user, kenyan_user, make_user):
    entry = enter(french_user, call)
    assert entry.party.code == "FR"
    enter(french_user, call)  # an update, not a second entry
    assert AwardEntry.objects.filter(call=call).count() == 1
    with pytest.raises(HelpdeskError):
        enter(make_user(), call)  # no Party
    call.deadline = timezone.now() - datetime.timedelta(minutes=1)
    call.save()
    with pytest.raises(HelpdeskError):
        enter(kenyan_user, call)


def test_jury_scores_and_levels_per_category(call, make_user, staff_user):
    parties = ["FR", "KE", "BR", "JP", "CA"]
    users = {code: make_user(code) for code in parties}
    for code in parties:
        enter(users[code], call, category="new" if code == "CA" else "existing")
    jurors = [expert(make_user, "juror1"), staff_user]
    outsider = expert(make_user, "outsider")
    call.jury.add(*jurors)
    award_judging_start(call=call, actor=staff_user)
    content, languages = call.criteria.all()
    entries = {e.party.code: e for e in call.entries.select_related("party")}
    points = {"FR": (10, 5), "KE": (8, 4), "BR": (8, 4), "JP": (3, 1), "CA": (6, 2)}
    for juror in jurors:
        award_scores_save(
            call=call,
            juror=juror,
            scores={(entries[c].pk, content.pk): p[0] for c, p in points.items()}
            | {(entries[c].pk, languages.pk): p[1] for c, p in points.items()},
        )
    with pytest.raises(HelpdeskError):
        award_scores_save(call=call, juror=outsider, scores={(entries["FR"].pk, content.pk): 1})
    with pytest.raises(HelpdeskError):
        award_scores_save(call=call, juror=jurors[0], scores={(entries["FR"].pk, languages.pk): 6})
    award_results_compute(call=call, actor=staff_user)
    levels = {e.party.code: e.level for e in call.entries.select_related("party")}
    assert levels == {"FR": "gold", "KE": "silver", "BR": "silver", "JP": "bronze", "CA": "gold"}
    call.refresh_from_db()
    assert call.status == "published" and call.published_at is not None
    with pytest.raises(HelpdeskError):
        award_scores_save(call=call, juror=jurors[0], scores={})


def test_results_need_a_title_in_six_languages(call, staff_user):
    for code in ("ar", "es", "fr", "ru", "zh_hans"):
        setattr(call, f"title_{code}", "")
    call.save()
    award_judging_start(call=call, actor=staff_user)
    with pytest.raises(HelpdeskError, match="ar, es, fr, ru, zh-hans"):
        award_results_compute(call=call, actor=staff_user)
    call.refresh_from_db()
    assert call.status == "judging"


@pytest.mark.parametrize(
    ("language", "title", "gold", "party"),
    [
        ("fr", TITLES["fr"], "Or", "France"),
        ("ar", TITLES["ar"], "ذهبية", "فرنسا"),
        ("zh-hans", TITLES["zh-hans"], "金奖", "法国"),
        ("ru", TITLES["ru"], "Золото", "Франция"),
        ("es", TITLES["es"], "Oro", "Francia"),
        ("en", TITLES["en"], "Gold", "France"),
    ],
)
def test_published_results_in_six_languages(
    client, call, french_user, staff_user, language, title, gold, party
):
    enter(french_user, call)
    juror = staff_user
    call.jury.add(juror)
    award_judging_start(call=call, actor=staff_user)
    entry = call.entries.get()
    award_scores_save(
        call=call, juror=juror, scores={(entry.pk, c.pk): 3 for c in call.criteria.all()}
    )
    award_results_compute(call=call, actor=staff_user)
    html = client.get(f"/{language}/helpdesk/award/{call.pk}/results/").content.decode()
    assert title in html and gold in html and party in html


def test_results_are_not_public_before_publication(client, call):
    assert client.get(f"/en/helpdesk/award/{call.pk}/results/").status_code == 404


def test_entry_form_on_the_portal(client, call, french_user):
    client.force_login(french_user)
    response = client.post(
        f"/fr/helpdesk/award/{call.pk}/enter/",
        {
            "category": "new",
            "site_url": "https://chm.fr.example",
            "description": "Nouveau",
            "audience": "Public",
            "languages": ["fr", "en"],
        },
    )
    assert response.status_code == 302
    entry = AwardEntry.objects.get(call=call, party=Party.objects.get(code="FR"))
    assert entry.languages == ["fr", "en"] and entry.category == "new"


def test_only_staff_and_invited_experts_can_sit_on_a_jury(call, french_user, staff_user, make_user):
    invited = expert(make_user, "expert")
    party_expert = make_user("KE", username="party-expert")
    party_expert.groups.add(Group.objects.get(name=AWARD_JURORS_GROUP))
    plain = make_user(username="plain")
    candidates = set(award_jury_candidates())
    assert invited in candidates and staff_user in candidates
    assert not {french_user, party_expert, plain} & candidates
    # A Party user slipped onto the jury (say, by a script) still cannot score.
    enter(french_user, call)
    call.jury.add(party_expert)
    award_judging_start(call=call, actor=staff_user)
    entry = call.entries.get()
    criterion = call.criteria.first()
    with pytest.raises(HelpdeskError, match="Only members of the jury"):
        award_scores_save(call=call, juror=party_expert, scores={(entry.pk, criterion.pk): 1})
    with pytest.raises(HelpdeskError):
        award_judging_start(call=call, actor=invited)  # jurors do not run the call


def test_publishing_waits_for_every_jurors_scores_and_changes_nothing(
    call, french_user, kenyan_user, staff_user, make_user
):
    enter(french_user, call)
    enter(kenyan_user, call)
    juror = expert(make_user, "juror")
    call.jury.add(juror, staff_user)
    award_judging_start(call=call, actor=staff_user)
    cells = [(e.pk, c.pk) for e in call.entries.all() for c in call.criteria.all()]
    award_scores_save(call=call, juror=juror, scores=dict.fromkeys(cells, 4))
    award_scores_save(call=call, juror=staff_user, scores=dict.fromkeys(cells[:3], 4))
    blockers = [str(b) for b in award_publish_blockers(call)]
    assert blockers == ["Agent has given 3 of 4 scores."]
    with pytest.raises(HelpdeskError, match="Agent has given 3 of 4 scores"):
        award_results_compute(call=call, actor=staff_user)
    call.refresh_from_db()
    assert call.status == "judging" and not call.entries.exclude(level="").exists()
    with pytest.raises(HelpdeskError, match="Only helpdesk staff"):
        award_results_compute(call=call, actor=juror)
    award_scores_save(call=call, juror=staff_user, scores=dict.fromkeys(cells, 4))
    assert award_publish_blockers(call) == []
    award_results_compute(call=call, actor=staff_user)
    call.refresh_from_db()
    assert call.status == "published"


@pytest.mark.usefixtures("mt_models")
def test_a_juror_gets_the_answers_machine_translated_on_request(
    call, french_user, staff_user, make_user, django_capture_on_commit_callbacks
):
    entry = enter(french_user, call, language="fr", description="Le site national.")
    juror = expert(make_user, "juror")
    call.jury.add(juror)
    award_judging_start(call=call, actor=staff_user)
    with pytest.raises(HelpdeskError):
        award_answers_translation_request(entry=entry, user=juror, language="fr")
    with pytest.raises(HelpdeskError):
        award_answers_translation_request(entry=entry, user=french_user, language="en")
    with django_capture_on_commit_callbacks(execute=True):  # the task runs inline
        award_answers_translation_request(entry=entry, user=juror, language="en")
    entry.refresh_from_db()
    translation = entry.answer_translations["en"]
    assert translation["status"] == "done"
    assert translation["description"] and translation["description"] != "Le site national."
    assert entry.description == "Le site national."  # the Party's words are kept
    assert award_answers_translate(entry_id=entry.pk, language="en") == "skipped"


def test_each_title_box_is_marked_with_its_language_and_direction(client, call, staff_user):
    staff_user.is_superuser = True
    staff_user.save()
    client.force_login(staff_user)
    html = client.get(f"/admin/snippets/helpdesk/awardcall/edit/{call.pk}/").content.decode()
    arabic = re.search(r'<input[^>]*name="title_ar"[^>]*>', html).group(0)
    assert 'dir="rtl"' in arabic and 'lang="ar"' in arabic
    chinese = re.search(r'<input[^>]*name="title_zh_hans"[^>]*>', html).group(0)
    assert 'dir="ltr"' in chinese and 'lang="zh-hans"' in chinese
