"""The fact tables: treaties, events, milestones, members, accessions, instruments, context and
key figures. Every value of their evidence columns is backed by rows of `evidence`."""

from __future__ import annotations

from belarus_ip_report.curated.columns import (
    SOURCE_ID,
    Rule,
    category,
    count,
    foreign_key,
    later_or_equal,
    notes,
    partial_date,
    reader_text,
    row_rule,
    source_id,
    source_ids,
    table,
    text,
)
from belarus_ip_report.curated.vocabularies import (
    ACCESSION_STATUSES,
    BELARUS_INSTRUMENTS,
    BELARUS_STATUSES,
    BRIP_KINDS,
    FIELDS,
    IP_INSTRUMENT_KINDS,
    IP_LEVELS,
    MEMBERSHIP_ROUTES,
    ORGANISATIONS,
    PARTY_INSTRUMENTS,
    STATED_QUANTITIES,
    WIPO_EVENT_CATEGORIES,
    WIPO_GROUPS,
    WTO_CATEGORIES,
)


def _only_parties_have_belarus_dates() -> Rule:
    return row_rule(
        lambda df: (df["belarus_status"] == "party") | df["belarus_in_force"].isna(),
        "belarus_in_force: only a treaty Belarus is party to can be in force for Belarus",
    )

WIPO_TREATIES = table(
    "wipo_treaties",
    "Every treaty administered by WIPO, with its dates and Belarus's status (its contracting "
    "parties are in `treaty_parties`; every count is computed from those dated rows).",
    key=("treaty_id",),
    sort_by=("adopted", "treaty_id"),
    columns={
        "treaty_id": text("Short stable id of the treaty.", pattern=SOURCE_ID.pattern),
        "short_name": reader_text("Name the report uses."),
        "full_name": reader_text("Official name."),
        "field": category(FIELDS, "Area of IP law."),
        "wipo_group": category(WIPO_GROUPS, "WIPO's own grouping of the treaties it administers."),
        "adopted": partial_date("Date the treaty was adopted; empty where no source gives it.",
                                nullable=True, precisions=("day",), evidence=True),
        "in_force": partial_date("Date it entered into force; empty if not yet.",
                                 nullable=True, precisions=("day",), evidence=True),
        "belarus_status": category(
            BELARUS_STATUSES,
            "Belarus's relation to the treaty ('unverified': no source seen lists Belarus as a "
            "party, but none lists the parties in full either).", evidence=True),
        "belarus_instrument": category(BELARUS_INSTRUMENTS, "Kind of instrument Belarus used.",
                                       nullable=True, evidence=True),
        "belarus_deposited": partial_date("Date Belarus deposited its instrument.",
                                          nullable=True, evidence=True),
        "belarus_in_force": partial_date("Date the treaty entered into force for Belarus.",
                                         nullable=True, evidence=True),
        "source_ids": source_ids(),
        "notes": notes(),
    },
    checks=[later_or_equal("adopted", "in_force"), _only_parties_have_belarus_dates()],
)


TREATY_PARTIES = table(
    "treaty_parties",
    "Every contracting party of every treaty WIPO administers, one row per treaty and party, "
    "with its instrument and dates as the depositary's record gives them. Imported by a script "
    "from a dated copy of WIPO Lex (data/snapshots/wipo_lex.json names the copy, its date and "
    "checksums), never typed by hand; the snapshot's sources back the whole table.",
    key=("treaty_id", "party"),
    sort_by=("treaty_id", "party"),
    columns={
        "treaty_id": foreign_key("wipo_treaties", "treaty_id",
                                 "The treaty (an id from `wipo_treaties`)."),
        "party": reader_text("The contracting party, as WIPO Lex names it.", kind="name",
                             russian="The import takes it from data/raw/party_names_ru.csv."),
        "signed": partial_date("Date the party signed the treaty, where it did.",
                               nullable=True, precisions=("day",)),
        "instrument": category(PARTY_INSTRUMENTS, "Instrument by which the party joined, as the "
                               "record names it; empty for a signature only, or where the record "
                               "gives an entry into force without an instrument.", nullable=True),
        "deposited": partial_date("Date the instrument was deposited (or the declaration made).",
                                  nullable=True, precisions=("day",)),
        "in_force": partial_date("Date the treaty entered into force for the party; empty if it "
                                 "has not (a signature only).", nullable=True, precisions=("day",)),
        "withdrawal_deposited": partial_date("Date the party notified its denunciation, where it "
                                             "did.", nullable=True, precisions=("day",)),
        "withdrawal_effective": partial_date("Date the denunciation took effect.",
                                             nullable=True, precisions=("day",)),
        "source_id": source_id("The record the row was read from (an id from `sources`)."),
        "notes": notes(),
    },
    checks=[later_or_equal("in_force", "withdrawal_effective")],
)


BELARUS_WIPO_EVENTS = table(
    "belarus_wipo_events",
    "Milestones of Belarus's cooperation with WIPO.",
    key=("event_id",),
    sort_by=("date", "event_id"),
    columns={
        "event_id": text("Short stable id of the event.", pattern=SOURCE_ID.pattern),
        "date": partial_date("Date of the event (first day where it spans several).",
                             evidence=True, earliest=1967),
        "date_end": partial_date("Last day, for events that span several days.", nullable=True,
                                 evidence=True, earliest=1967),
        "category": category(WIPO_EVENT_CATEGORIES, "Kind of event."),
        "description": reader_text("What happened, in the project's words."),
        "source_ids": source_ids(),
    },
    checks=[later_or_equal("date", "date_end")],
)


WTO_ACCESSION_MILESTONES = table(
    "wto_accession_milestones",
    "Dated steps of Belarus's accession to the WTO (and, before 1995, to the GATT).",
    key=("milestone_id",),
    sort_by=("date", "milestone_id"),
    columns={
        "milestone_id": text("Short stable id of the milestone.", pattern=SOURCE_ID.pattern),
        "date": partial_date("Date of the milestone (first day where it spans several).",
                             evidence=True, earliest=1947),
        "date_end": partial_date("Last day, for milestones that span several days.",
                                 nullable=True, evidence=True, earliest=1947),
        "category": category(WTO_CATEGORIES, "Lane of the accession story."),
        "meeting_number": count("Number of the working-party meeting, for meetings.",
                                nullable=True, minimum=1, maximum=100, evidence=True),
        "description": reader_text("What happened, in the project's words."),
        "chart_note": reader_text("A few words the accession timeline writes beside the "
                                  "milestone (empty for most).", nullable=True),
        "source_ids": source_ids(),
    },
    checks=[
        later_or_equal("date", "date_end"),
        row_rule(
            lambda df: ~df["meeting_number"].duplicated() | df["meeting_number"].isna(),
            "meeting_number: this working-party meeting number appears twice",
        ),
    ],
)


WTO_MEMBERS = table(
    "wto_members",
    "Every WTO member and the date it became one.",
    key=("member",),
    sort_by=("membership_date", "member"),
    columns={
        "member": reader_text("Member's name as the WTO lists it.", kind="name"),
        "membership_date": partial_date(
            "Date of WTO membership; empty where no source the project saw gives it.",
            nullable=True, evidence=True, earliest=1947),
        "route": category(MEMBERSHIP_ROUTES,
                          "Original member, or joined by accession (Article XII); checked "
                          "against wto_accessions: 'accession' exactly for the governments that "
                          "table lists as members."),
        "source_ids": source_ids(),
        "notes": notes(),
    },
)


WTO_ACCESSIONS = table(
    "wto_accessions",
    "Accessions to the WTO since 1995 and those still open: application to membership.",
    key=("government",),
    sort_by=("application_date", "government"),
    columns={
        "government": reader_text("Acceding government.", kind="name"),
        "application_date": partial_date(
            "Date the application for accession was made; empty where no source gives it.",
            nullable=True, evidence=True, earliest=1947),
        "working_party_established": partial_date("Date the working party was set up.",
                                                  nullable=True, evidence=True, earliest=1947),
        "membership_date": partial_date("Date of WTO membership; empty while still acceding.",
                                        nullable=True, evidence=True, earliest=1947),
        "status": category(ACCESSION_STATUSES, "Whether the accession is complete.",
                           evidence=True),
        "source_ids": source_ids(),
    },
    checks=[
        later_or_equal("application_date", "working_party_established"),
        later_or_equal("working_party_established", "membership_date"),
        later_or_equal("application_date", "membership_date"),
        row_rule(
            lambda df: (df["status"] == "member") == df["membership_date"].notna(),
            "membership_date: status 'member' needs one, 'acceding' must have none",
        ),
    ],
)


BELARUS_RUSSIA_IP = table(
    "belarus_russia_ip",
    "Belarus–Russia instruments on intellectual property, with the integration treaties as "
    "context.",
    key=("instrument_id",),
    sort_by=("date", "instrument_id"),
    columns={
        "instrument_id": text("Short stable id of the instrument.", pattern=SOURCE_ID.pattern),
        "date": partial_date("Date signed (or approved, where that is all the source gives).",
                             evidence=True, earliest=1991),
        "title": reader_text("Name of the instrument, in English."),
        "short_name": reader_text("The instrument in a few words, as the chart labels it."),
        "parties": reader_text("Who concluded it.", kind="name"),
        "kind": category(BRIP_KINDS, "Kind of instrument."),
        "subject": reader_text("What it is about, in the project's words."),
        "source_ids": source_ids(),
        "notes": notes(),
    },
)


BELARUS_IP_INSTRUMENTS = table(
    "belarus_ip_instruments",
    "Belarus's own IP legislation since 2022 and the regional (Eurasian) IP instruments it "
    "joined.",
    key=("instrument_id",),
    sort_by=("date", "instrument_id"),
    columns={
        "instrument_id": text("Short stable id of the instrument.", pattern=SOURCE_ID.pattern),
        "date": partial_date("Date adopted or signed.", evidence=True, earliest=1991),
        "in_force": partial_date("Date it took effect for Belarus, where a source gives it.",
                                 nullable=True, evidence=True, earliest=1991),
        "title": reader_text("Name of the instrument, in English."),
        "level": category(IP_LEVELS, "Whose instrument it is."),
        "kind": category(IP_INSTRUMENT_KINDS, "Kind of instrument."),
        "subject": reader_text("What it does, in the project's words."),
        "source_ids": source_ids(),
        "notes": notes(),
    },
    checks=[later_or_equal("date", "in_force")],
)


CONTEXT_EVENTS = table(
    "context_events",
    "Dated facts about the organisations themselves that the chapters use as context.",
    key=("event_id",),
    sort_by=("date", "event_id"),
    columns={
        "event_id": text("Short stable id of the event.", pattern=SOURCE_ID.pattern),
        "date": partial_date("Date of the event.", evidence=True),
        "organisation": category(ORGANISATIONS, "Organisation concerned."),
        "description": reader_text("What happened, in the project's words."),
        "source_ids": source_ids(),
    },
)


KEY_FIGURES = table(
    "key_figures",
    "Counted facts that the sources state (members, treaties, meetings...), as of their date.",
    key=("figure_id",),
    sort_by=("figure_id",),
    columns={
        "figure_id": text("Short stable id of the figure.", pattern=SOURCE_ID.pattern),
        "value": count("The number the source states.", evidence=True),
        "qualifier": category(("exactly", "more_than", "around"),
                              "Whether the source gives the number exactly or as a bound."),
        "unit": reader_text("What is counted."),
        "as_of": partial_date("Date the figure refers to.", nullable=True, evidence=True),
        "description": reader_text("The figure in a sentence, in the project's words."),
        "quantity": category(STATED_QUANTITIES, "What the figure counts, where the tables hold "
                             "it as dated rows: the report then compares the stated figure with "
                             "the count computed on its date, and never states it in its own "
                             "voice.", nullable=True),
        "source_ids": source_ids(),
    },
)

#: The fact tables: every value of their evidence columns is backed by `evidence` rows.
FACT_TABLES = (WIPO_TREATIES, BELARUS_WIPO_EVENTS, WTO_ACCESSION_MILESTONES, WTO_MEMBERS,
               WTO_ACCESSIONS, BELARUS_RUSSIA_IP, BELARUS_IP_INSTRUMENTS, CONTEXT_EVENTS,
               KEY_FIGURES)


FACT_TABLE_NAMES = tuple(spec.name for spec in FACT_TABLES)
