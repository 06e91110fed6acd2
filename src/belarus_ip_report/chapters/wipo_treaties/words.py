"""The WIPO chapter's words: every sentence the chapter writes from its model, the alt text of
its charts and its tables for readers. Each function reads the model only, so prose, charts and
tables state the same numbers; data text is escaped before it enters Markdown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belarus_ip_report.chapters.prose import count_of, escape, in_words
from belarus_ip_report.chapters.wipo_treaties import belarus, system
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties




# --- Paragraphs -----------------------------------------------------------------------------

def headline(m: WipoTreaties) -> str:
    head = m.headline
    return (
        f"As of {format_for_people(m.as_of)}, WIPO administers **{head['administered']} "
        f"treaties**, {head['in_force']} of them in force. Belarus is a party to "
        f"**{head['belarus_parties']}**, or {head['share']:.0%} of them. The most recent to "
        f"enter into force for Belarus is the {escape(head['newest_name'])}, on "
        f"{format_for_people(head['newest_date'])}."
    )


def growth_paragraph(m: WipoTreaties) -> str:
    growth, ministry = m.growth, m.ministry
    document_count = ministry["administered"]
    held = system.years_count_held(growth, document_count)
    convention = system.founding_convention(m.treaties)
    founded = convention["adopted"].year
    first = int(growth["year"].min())
    last = growth.iloc[-1]
    undated = system.undated_treaties(m.treaties)
    before = int(growth.loc[growth["year"] == founded - 1, "adopted_total"].iloc[0])
    text = (f"The system grew slowly for {founded - first} years and then quickly: {before} "
            f"treaties existed before WIPO's founding convention of {founded}, and "
            f"{int(last['adopted_total'])} by {m.as_of.year}. ")
    if held:
        later = system.adopted_after(m.treaties, held[1])
        not_in_force = int(later["in_force"].isna().sum())
        text += (f"The total stood at {document_count} from {held[0]} until {held[1]}, the "
                 f"period the Foreign Ministry page describes ({ministry['industrial_property']} "
                 f"industrial property, {ministry['copyright']} copyright, and the convention). ")
        if len(later):
            text += (f"{count_of(len(later), 'treaty', 'treaties').capitalize()} adopted since "
                     f"({in_words([escape(t) for t in later['short_name']])}) raised it; "
                     + ("none of them is in force yet." if not_in_force == len(later)
                        else f"{not_in_force} of them not yet in force."))
    if undated:
        text += (f" No adoption date was found for {in_words([escape(t) for t in undated])}: "
                 "they are counted only once in force.")
    return text


def participation_paragraph(m: WipoTreaties) -> str:
    parties = m.belarus_parties
    undated = parties.loc[parties["belarus_in_force"].isna(), "short_name"].tolist()
    end = m.participation.iloc[-1]
    return (
        joining_paragraph(m) + f" The line counts {int(end['in_force_for_belarus'])} treaties "
        "whose date of entry into force for Belarus the sources give"
        + (f"; for {count_of(len(undated), 'more')} ({in_words([escape(t) for t in undated])}) "
           "the sources confirm Belarus is a party but give no date, so they appear only in "
           "the total." if undated else ", which is every treaty Belarus is a party to.")
    )


def joining_paragraph(m: WipoTreaties) -> str:
    """How Belarus came into the treaty system: WIPO membership, the treaties continued from
    the USSR, then those it joined itself, counted per decade."""
    convention = system.founding_convention(m.treaties)
    moments = belarus.participation_moments(m.treaties)
    joined = belarus.joined_per_decade(m.treaties)
    membership_year, _, convention_name = moments["membership"]
    _, _, continued = moments["continued"]
    newest_year, _, newest_name = moments["newest"]
    from_start = convention["belarus_in_force"] == convention["in_force"]
    entry = (f"when the {escape(convention_name)} came into force with the Byelorussian SSR "
             f"among its first members" if from_start
             else f"when the Byelorussian SSR joined the {escape(convention_name)}")
    waves = in_words([f"{number} in the {decade}s" for decade, number in joined.items()])
    return (
        f"Belarus entered the system in {membership_year}, {entry}. After independence it "
        f"declared that it continued to apply {continued} the Soviet Union had joined, then "
        f"joined {count_of(int(joined.sum()), 'more treaty', 'more treaties')} in waves: "
        f"{waves}; the latest, the {escape(newest_name)}, in {newest_year}."
    )


def lag_intro(m: WipoTreaties) -> str:
    return (
        "For each treaty Belarus is party to (and whose date for Belarus is known), the bar in "
        "[the chart](#figure-01-accession-lag) measures the years from when Belarus could "
        "first have joined to when the treaty entered into force for it. The clock starts at "
        "the treaty's own entry into force, or on "
        f"{format_for_people(belarus.continuity_date(m.treaties))} for older treaties, the "
        "date from which WIPO records Belarus's continued application of Soviet-era "
        "commitments."
    )


def lag_paragraph(m: WipoTreaties) -> str:
    lags = m.lags
    quick = lags[lags["from_the_start"]]["treaty"].tolist()
    slowest = lags.iloc[-1]
    return (
        f"Belarus applied {len(quick)} treaties from the start "
        f"({', '.join(escape(t) for t in quick)}). The median wait for the others was "
        f"{lags.loc[~lags['from_the_start'], 'lag_years'].median():.1f} years; the longest was "
        f"the {escape(slowest['treaty'])}, {slowest['lag_years']:.1f} years."
    )


def reach_paragraph(m: WipoTreaties) -> str:
    counts = m.treaties.set_index("treaty_id")["parties_count"]
    pending = m.reach[~m.reach["in_force"]]
    outside = m.reach.loc[~m.reach["belarus_party"], "parties_count"]
    text = (f"Counted from WIPO's contracting-party tables, on {format_for_people(m.as_of)} the "
            f"founding conventions bind nearly every state: {counts['paris']} for Paris and "
            f"{counts['berne']} for Berne. Specialised treaties reach far fewer")
    if len(pending):
        text += (f", and the {count_of(len(pending), 'treaty', 'treaties')} not yet in force "
                 f"({in_words([escape(n) for n in pending['treaty']])}) have "
                 f"{in_words([str(n) for n in pending['instruments_deposited']])} "
                 "instruments deposited so far")
    text += "."
    if len(outside):
        text += f" Belarus belongs to every treaty with more than {int(outside.max())} parties."
    return text


def ministry_paragraph(m: WipoTreaties) -> str:
    """Why the Foreign Ministry's pages give other counts of Belarus's treaties than the dated
    rows: the one explanation, used by the chapter and the overview."""
    ministry, head = m.ministry, m.headline
    today = head["belarus_parties"]
    readings = []
    if m.before_newest == ministry["belarus"]:
        newest = format_for_people(head["newest_date"])
        readings.append(f"the count on the day before the {escape(head['newest_name'])} "
                        f"entered into force for Belarus ({newest})")
    if today - 1 == ministry["belarus"]:
        readings.append("today's count without the WIPO Convention itself")
    if len(readings) == 2:
        explained = (f"{ministry['belarus']} is both {readings[0]} and {readings[1]}; the page "
                     "is undated, so the report cannot tell which it meant")
    elif readings:
        explained = f"{ministry['belarus']} is {readings[0]}"
    else:
        explained = f"no count from the dated rows gives {ministry['belarus']}"
    return (
        f"The dated rows give **{today}** WIPO-administered treaties in force for Belarus on "
        f"{format_for_people(m.as_of)}, the WIPO Convention included. The Foreign Ministry's "
        f"WIPO page says Belarus is party to {ministry['belarus']} conventions: {explained}. "
        f"The newer page of the mission in Geneva says {ministry['belarus_geneva']}"
        + (", the count since that accession." if ministry["belarus_geneva"] == today else ".")
    )


# --- Alt text ------------------------------------------------------------------------------

def growth_alt(m: WipoTreaties) -> str:
    growth, count = m.growth, m.ministry["administered"]
    held = system.years_count_held(growth, count)
    last = growth.iloc[-1]
    held_text = f"; the total stood at {count} from {held[0]} to {held[1]}" if held else ""
    return (f"Stacked step chart of WIPO-administered treaties by year of adoption, "
            f"{growth['year'].min()} to {m.as_of.year}: the total rises from 1 to "
            f"{int(last['adopted_total'])}, of which {int(last['in_force_total'])} are in "
            f"force{held_text}.")


def participation_alt(m: WipoTreaties) -> str:
    start, end = m.participation.iloc[0], m.participation.iloc[-1]
    return (f"Step chart from {start['year']} to {m.as_of.year}: WIPO treaties in force "
            f"worldwide rise to {int(end['in_force_worldwide'])}; those in force for Belarus "
            f"with a known date rise from {int(start['in_force_for_belarus'])} in "
            f"{start['year']} to {int(end['in_force_for_belarus'])}; Belarus is a party to "
            f"{len(m.belarus_parties)} in all.")


def lag_alt(m: WipoTreaties) -> str:
    lags = m.lags
    slowest = lags.iloc[-1]
    return (f"Horizontal bar chart of {len(lags)} treaties: "
            f"{int(lags['from_the_start'].sum())} applied by Belarus from the start, the "
            f"longest wait {slowest['lag_years']:.1f} years for the {slowest['treaty']}.")


def reach_alt(m: WipoTreaties) -> str:
    reach = m.reach
    widest = reach.sort_values("parties_count", ascending=False).iloc[0]
    pending = reach[~reach["in_force"]]
    return (f"Horizontal bar chart of contracting parties on {format_for_people(m.as_of)} for "
            f"{len(reach)} WIPO treaties, grouped by field; the {widest['treaty']} has "
            f"{widest['parties_count']}"
            + (f", and {len(pending)} treaties not yet in force are drawn hollow"
               if len(pending) else "")
            + "; Belarus's treaties are marked.")


def party_growth_alt(m: WipoTreaties) -> str:
    data = m.party_growth
    last = data.iloc[-1]
    names = [c for c in data.columns if c != "year"]
    return (f"Step lines of contracting parties at the end of each year, {data['year'].min()} "
            f"to {m.as_of.year}, for {len(names)} treaties: "
            + "; ".join(f"{name} {int(last[name])}" for name in names) + ".")


def cooperation_alt(m: WipoTreaties) -> str:
    recent = belarus.cooperation_events(m.events)
    kinds = recent["category"].str.replace("_", " ").value_counts()
    return (f"Timeline of {len(recent)} Belarus-WIPO events from {recent['date'].min().year} "
            f"to {recent['date'].max().year}, one row each, labelled with its date and what "
            "happened: " + in_words([f"{count_of(n, kind)}" for kind, n in kinds.items()])
            + ".")


def coming_paragraph(m: WipoTreaties) -> str:
    coming = m.coming
    if coming.empty:
        return (f"None known: no instrument deposited by {format_for_people(m.as_of)} takes "
                "effect after it.")
    first = coming.iloc[0]
    return (f"{count_of(len(coming), 'instrument')} deposited by "
            f"{format_for_people(m.as_of)} take effect after it, the first on "
            f"{format_for_people(first['effective'])}.")
