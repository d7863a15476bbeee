"""The entity sets the OData service publishes, by name (in the service document's order)."""

from api.odata.entities.base import EntitySet
from api.odata.entities.contacts import Contacts
from api.odata.entities.documents import Decisions, Meetings
from api.odata.entities.reports import CountryReports, NationalPlans

ENTITY_SETS: dict[str, EntitySet] = {
    entity.name: entity
    for entity in (
        Meetings(),
        Decisions(),
        Contacts(),
        CountryReports(),
        NationalPlans(),
    )
}
