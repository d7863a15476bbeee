"""A read-only OData v4 service with InforMEA's entity names (Meetings, Decisions,
Contacts), for InforMEA's harvesters. Entities are built as plain dicts by
`entities.py`; `query.py` applies $filter/$orderby/$top/$skip to them."""
