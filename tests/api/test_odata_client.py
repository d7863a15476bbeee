"""The OData service driven by a real OData v4 client (python-odata, from PyPI) over HTTP.

Several hundred generated contacts; every `$filter` must return exactly the rows a
database query (or, for string functions, Python's own string semantics) selects, and
server-driven paging must hand over every row once.
"""

import random
from datetime import UTC, datetime, timedelta

import pytest
from odata import ODataService

from api.selectors.directory import focal_points_directory
from cms.models import Party
from notifications.models import FocalPoint, FocalPointChange

pytestmark = pytest.mark.django_db(transaction=True)

COUNTRIES = ["FR", "MX", "BR", "CN", "KE", "EG", "RU", "ES"]
FIRST = ["Anne", "Ahmed", "Élodie", "Li", "María", "Olga", "Ana", "Zoe", "Pierre", "Jane"]
LAST = ["Martin", "Garcia", "Wang", "Ivanova", "Mansour", "martinez", "Dupont", "van Dam"]
INSTITUTIONS = ["Ministry of Environment and Forests", "Agency for Nature", ""]
ROWS = 420


@pytest.fixture
def contacts(db):
    """ROWS active focal points (plus a few retired ones that must never appear)."""
    for code in COUNTRIES:
        Party.objects.get_or_create(code=code, defaults={"names": {"en": code}, "region": "weog"})
    parties = {party.code: party for party in Party.objects.filter(code__in=COUNTRIES)}
    generator = random.Random(17)  # noqa: S311 (test data)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    focal_points = []
    for index in range(ROWS + 5):
        categories = generator.sample(["CBD-FP1", "CHM-FP", "ABS-FP", "CPB-FP1"], k=2)
        focal_points.append(
            FocalPoint(
                party=parties[generator.choice(COUNTRIES)],
                categories=categories,
                title=generator.choice(["", "Dr", "Ms", "Mr"]),
                first_name=generator.choice(FIRST),
                last_name=generator.choice(LAST),
                organisation=generator.choice(INSTITUTIONS),
                designation=generator.choice(["", "Director", "Officer"]),
                emails=[f"person{index}@example.org"],
                status=FocalPoint.Status.ACTIVE if index < ROWS else FocalPoint.Status.RETIRED,
                activated_at=start + timedelta(hours=generator.randrange(0, 24 * 700)),
            )
        )
    FocalPoint.objects.bulk_create(focal_points)
    changed = generator.sample(list(FocalPoint.objects.all()), k=60)
    FocalPointChange.objects.bulk_create(
        [FocalPointChange(focal_point=fp, action="edit") for fp in changed]
    )
    # `at` is auto_now_add: spread the changes over time afterwards.
    for change in FocalPointChange.objects.all():
        FocalPointChange.objects.filter(pk=change.pk).update(
            at=start + timedelta(hours=generator.randrange(0, 24 * 800))
        )
    # Bulk writes skip the models' save(): set `updated_at` as they would have.
    for focal_point in FocalPoint.objects.all():
        moments = [focal_point.activated_at, *focal_point.changes.values_list("at", flat=True)]
        focal_point.updated_at = max(moments)
        focal_point.save(update_fields=["updated_at"])
    return focal_points_directory()


@pytest.fixture
def service(live_server, settings, contacts):
    settings.API_RATE_LIMIT_IP = 100_000
    settings.ALLOWED_HOSTS = ["*"]
    # Next-page links are absolute from SITE_URL, as the deployed service gives them out.
    settings.SITE_URL = live_server.url
    return ODataService(f"{live_server.url}/odata/", reflect_entities=True, quiet_progress=True)


def harvested(service, expression: str | None = None) -> list[str]:
    Contact = service.entities["Contacts"]
    query = service.query(Contact)
    if expression:
        query = query.filter(expression)
    return [contact.id for contact in query]


def ids(queryset) -> set[str]:
    return {str(pk) for pk in queryset.values_list("pk", flat=True)}


def where(contacts, predicate) -> set[str]:
    """Python's own semantics, for OData's case-sensitive string functions."""
    return {str(fp.pk) for fp in contacts if predicate(fp)}


MIDDLE = datetime(2024, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (
            "country eq 'FR' or country eq 'MX'",
            lambda qs: ids(qs.filter(party__code__in=["FR", "MX"])),
        ),
        ("not (country eq 'FR')", lambda qs: ids(qs.exclude(party__code="FR"))),
        (
            "(country eq 'FR' or country eq 'BR') and primary eq true",
            lambda qs: where(
                qs, lambda fp: fp.party.code in ("FR", "BR") and "CBD-FP1" in fp.categories
            ),
        ),
        (
            "country in ('FR','MX','CN')",
            lambda qs: ids(qs.filter(party__code__in=["FR", "MX", "CN"])),
        ),
        ("lastName ne 'nobody' or country eq 'XX'", lambda qs: ids(qs)),
        ("contains(lastName,'an')", lambda qs: where(qs, lambda fp: "an" in fp.last_name)),
        (
            "startswith(tolower(lastName),'ma')",
            lambda qs: where(qs, lambda fp: fp.last_name.lower().startswith("ma")),
        ),
        (
            "endswith(firstName,'e') and not startswith(firstName,'A')",
            lambda qs: where(
                qs, lambda fp: fp.first_name.endswith("e") and not fp.first_name.startswith("A")
            ),
        ),
        (f"updated gt {MIDDLE:%Y-%m-%dT%H:%M:%SZ}", lambda qs: ids(qs.filter(updated__gt=MIDDLE))),
        ("updated le 2024-03-01", lambda qs: ids(qs.filter(updated__lte=MIDDLE))),
        ("year(updated) eq 2024", lambda qs: ids(qs.filter(updated__year=2024))),
        ("position eq null", lambda qs: ids(qs.filter(designation=""))),
        (
            "prefix ne null and lastName ge 'M'",
            lambda qs: ids(qs.exclude(title="").filter(last_name__gte="M")),
        ),
        (
            "institution eq 'Ministry of Environment and Forests'",
            lambda qs: ids(qs.filter(organisation="Ministry of Environment and Forests")),
        ),
        ("primary", lambda qs: where(qs, lambda fp: "CBD-FP1" in fp.categories)),
        (
            "not primary and length(lastName) gt 6",
            lambda qs: where(
                qs, lambda fp: "CBD-FP1" not in fp.categories and len(fp.last_name) > 6
            ),
        ),
    ],
)
def test_filters_return_exactly_what_the_database_selects(service, contacts, expression, expected):
    rows = harvested(service, expression)
    assert len(rows) == len(set(rows)), "a row came twice"
    assert set(rows) == expected(contacts)


def test_paging_hands_over_every_row_once_in_order(service, contacts):
    Contact = service.entities["Contacts"]
    rows = [
        (contact.updated, contact.id)
        for contact in service.query(Contact).order_by(Contact.updated.desc())
    ]
    assert len(rows) == ROWS  # three server pages of at most 200
    assert {row_id for _updated, row_id in rows} == ids(contacts)
    moments = [updated for updated, _id in rows]
    assert moments == sorted(moments, reverse=True)


def test_select_top_skip_and_count(service, contacts):
    Contact = service.entities["Contacts"]
    # The service breaks ties by key, so consecutive pages never overlap.
    first = service.query(Contact).order_by(Contact.lastName.asc()).limit(10)
    second = service.query(Contact).order_by(Contact.lastName.asc()).offset(10).limit(10)
    rows = [c.id for c in first] + [c.id for c in second]
    expected = contacts.order_by("last_name", "pk").values_list("pk", flat=True)[:20]
    assert rows == [str(pk) for pk in expected]
    assert (
        service.query(Contact).filter("country eq 'FR'").count()
        == contacts.filter(party__code="FR").count()
    )
    selected = list(service.query(Contact).select(Contact.lastName, Contact.country).limit(3))
    assert all(set(row) == {"lastName", "country"} for row in selected)
