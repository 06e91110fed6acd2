"""The allowed values of every category column, and the bounds of counts: what the schemas
(`schemas`) accept, what the data dictionary lists, and what analysis and text code compare
with, declared once.
"""

from __future__ import annotations

FIELDS = ("industrial_property", "copyright_and_related_rights", "wipo_convention")


WIPO_GROUPS = ("ip_protection", "global_protection_system", "classification", "wipo_convention")


BELARUS_STATUSES = ("party", "signatory", "not_party", "unverified")


BELARUS_INSTRUMENTS = ("accession", "ratification", "continued_application", "signature")


#: The instruments a party joins a treaty by, as WIPO Lex names them (see `treaty_parties`).
PARTY_INSTRUMENTS = ("ratification", "accession", "continued_application", "succession",
                     "acceptance", "approval", "declaration", "other")


#: Counts the tables hold as dated rows: a key figure naming one of these is a dated claim,
#: compared with the count computed on its date (`claims.QUANTITIES` computes each).
STATED_QUANTITIES = ("wipo_member_states", "wipo_treaties_administered", "belarus_wipo_treaties",
                     "belarus_wipo_treaties_without_convention", "wto_members",
                     "wto_acceding_governments")


WIPO_EVENT_CATEGORIES = ("membership", "treaty_instrument", "agreement", "memorandum", "visit",
                         "statement")


WTO_CATEGORIES = (
    "application_and_working_party",
    "working_party_meeting",
    "bilateral_market_access",
    "observer_and_plurilateral",
    "high_level_meeting",
    "seminar_training",
)


BRIP_KINDS = (
    "integration_treaty",
    "intergovernmental_agreement",
    "agency_agreement",
    "memorandum",
    "government_decision",
)


SOURCE_KINDS = ("source_document", "official_page", "treaty_text", "legal_act", "document",
                "news", "reference", "copy")


#: How far a source can be trusted, best first: the depositary's or organisation's own record,
#: a government or agency page, the press, a reference work, a copy of another page.
SOURCE_TIERS = ("primary", "official", "press", "reference", "copy")


#: How the project read a source, apart from what it is (its tier): at the original address,
#: in a web archive's copy of it, or only through a third party's copy (a scrape, a mirror, a
#: reprint), named in copy_url.
READ_AS = ("original", "web_archive", "third_party_copy")


EVIDENCE_VERDICTS = ("confirmed", "partial", "unverified")


ACCESSION_STATUSES = ("member", "acceding")


MEMBERSHIP_ROUTES = ("original", "accession")


ORGANISATIONS = ("WIPO", "WTO", "GATT", "BIRPI", "EAEU", "CIS", "EAPO", "Union State")


IP_LEVELS = ("national", "eurasian", "bilateral")


IP_INSTRUMENT_KINDS = ("law", "decree", "resolution", "treaty", "protocol", "agreement")
