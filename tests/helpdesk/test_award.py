"""The national CHM award: entries, jury scores, results in six languages."""

import datetime

import pytest
from django.utils import timezone

from cms.models import Party
from helpdesk.errors import HelpdeskError
from helpdesk.models import AwardCall, AwardEntry
from helpdesk.services.award import (
    award_criterion_add,
    award_entry_submit,
    award_judging_start,
    award_results_compute,
    award_scores_save,
)

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
        titles=TITLES, deadline=timezone.now() + datetime.timedelta(days=10)
    )
    award_criterion_add(call=call, names={"en": "Content"}, max_score=10)
    award_criterion_add(call=call, names={"en": "Languages"}, max_score=5)
    return call


def enter(user, call, category="existing"):
    return award_entry_submit(
        call=call,
        user=user,
        category=category,
        site_url="https://chm.example",
        description="Our CHM",
        audience="Everyone",
        languages=["en"],
    )


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
    jurors = [make_user(username="juror1"), make_user(username="juror2")]
    outsider = make_user(username="outsider")
    call.jury.add(*jurors)
    award_judging_start(call=call)
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
    award_results_compute(call=call)
    levels = {e.party.code: e.level for e in call.entries.select_related("party")}
    assert levels == {"FR": "gold", "KE": "silver", "BR": "silver", "JP": "bronze", "CA": "gold"}
    call.refresh_from_db()
    assert call.status == "published" and call.published_at is not None
    with pytest.raises(HelpdeskError):
        award_scores_save(call=call, juror=jurors[0], scores={})


def test_results_need_a_title_in_six_languages(call):
    call.titles = {"en": "Only English"}
    call.save()
    award_judging_start(call=call)
    with pytest.raises(HelpdeskError, match="ar, es, fr, ru, zh-hans"):
        award_results_compute(call=call)
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
    client, call, french_user, language, title, gold, party
):
    enter(french_user, call)
    juror = french_user  # any user can be a juror; a Party user here keeps the test short
    call.jury.add(juror)
    award_judging_start(call=call)
    entry = call.entries.get()
    award_scores_save(
        call=call, juror=juror, scores={(entry.pk, c.pk): 3 for c in call.criteria.all()}
    )
    award_results_compute(call=call)
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
