"""The CSDL document ($metadata) describing the entity sets (OData v4, XML)."""

from xml.sax.saxutils import quoteattr

from api.odata.registry import ENTITY_SETS

NAMESPACE = "informea"
COMPLEX_TYPES = {
    "LocalizableString": (("language", "Edm.String", False), ("value", "Edm.String", True)),
    "File": (
        ("url", "Edm.String", False),
        ("language", "Edm.String", True),
        ("filename", "Edm.String", True),
    ),
}


def metadata_xml() -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
        "<edmx:DataServices>",
        f'<Schema Namespace="{NAMESPACE}" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
    ]
    for name, fields in COMPLEX_TYPES.items():
        lines.append(f'<ComplexType Name="{name}">')
        for field, edm, nullable in fields:
            lines.append(
                f'<Property Name="{field}" Type="{edm}" Nullable="{str(nullable).lower()}"/>'
            )
        lines.append("</ComplexType>")
    for entity_set in ENTITY_SETS.values():
        lines.append(f'<EntityType Name="{entity_set.entity_type}">')
        lines.append('<Key><PropertyRef Name="id"/></Key>')
        for prop in entity_set.props:
            attributes = f"Name={quoteattr(prop.name)} Type={quoteattr(prop.edm)}"
            if not prop.edm.startswith("Collection("):
                attributes += f' Nullable="{str(prop.nullable).lower()}"'
            lines.append(f"<Property {attributes}/>")
        lines.append("</EntityType>")
    lines.append('<EntityContainer Name="InforMEA">')
    for entity_set in ENTITY_SETS.values():
        lines.append(
            f'<EntitySet Name="{entity_set.name}" '
            f'EntityType="{NAMESPACE}.{entity_set.entity_type}"/>'
        )
    lines += ["</EntityContainer>", "</Schema>", "</edmx:DataServices>", "</edmx:Edmx>", ""]
    return "\n".join(lines)
