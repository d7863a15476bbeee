"""The Parties to the Convention, grouped by UN regional group.

Names are not typed here: they are the UN's official names (`cms.party_names`). The
grouping used by the
Secretariat for elections and regional work is listed here by ISO 3166-1 code.
The Convention has 196 Parties: 195 States and the European Union (the United States and the
Holy See are not Parties).
"""

AFRICA = "africa"
ASIA_PACIFIC = "asia-pacific"
EASTERN_EUROPE = "eastern-europe"
LATIN_AMERICA_CARIBBEAN = "grulac"
WESTERN_EUROPE_OTHERS = "weog"
REIO = "reio"

PARTIES_BY_REGION: dict[str, tuple[str, ...]] = {
    AFRICA: (
        "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR "
        "LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW"
    ).split(),
    ASIA_PACIFIC: (
        "AF BH BD BT BN KH CN CY FJ IN ID IR IQ JP JO KZ KI KW KG LA LB MY MV MH FM MN MM NR "
        "NP KP OM PK PW PG PH QA KR WS SA SG SB LK SY TJ TH TL TO TM TV AE UZ VU VN YE CK NU PS"
    ).split(),
    EASTERN_EUROPE: (
        "AL AM AZ BY BA BG HR CZ EE GE HU LV LT ME MK MD PL RO RU RS SK SI UA"
    ).split(),
    LATIN_AMERICA_CARIBBEAN: (
        "AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC "
        "VC SR TT UY VE"
    ).split(),
    WESTERN_EUROPE_OTHERS: (
        "AD AU AT BE CA DK FI FR DE GR IS IE IL IT LI LU MT MC NL NZ NO PT SM ES SE CH TR GB"
    ).split(),
    REIO: ("EU",),
}
