"""The WIPO chapter's words about Belarus's own path: how it came into the treaty system, the
treaties it continued and joined, and how long each took, in English and Russian (`Text`).
Each function reads the model only; data text is escaped before it enters Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from belarus_ip_report.chapters.language import RU, Text, plural
from belarus_ip_report.chapters.prose import count_of, escape, in_words
from belarus_ip_report.chapters.wipo_treaties import belarus, system
from belarus_ip_report.chapters.wipo_treaties.names import treaty_names
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties

TREATY_GENITIVE = ("договора", "договоров", "договоров")
TREATY_DATIVE = ("договору", "договорам", "договорам")


def years_ru(value: float) -> str:
    """'6,9 года': a number of years with one decimal takes the genitive singular in Russian,
    whatever its last digit. Rounded as the English rounds it, so both state the same digits."""
    return f"{value:.1f}".replace(".", ",") + " года"


def participation_paragraph(m: WipoTreaties) -> Text:
    parties = m.belarus_parties
    undated_rows = parties[parties["belarus_in_force"].isna()]
    undated = undated_rows["short_name"].tolist()
    end = m.participation.iloc[-1]
    counted = int(end["in_force_for_belarus"])
    joining = joining_paragraph(m)
    english = (
        joining.en + f" The line counts {counted} treaties "
        "whose date of entry into force for Belarus the sources give"
        + (f"; for {count_of(len(undated), 'more')} ({in_words([escape(t) for t in undated])}) "
           "the sources confirm Belarus is a party but give no date, so they appear only in "
           "the total." if undated else ", which is every treaty Belarus is a party to.")
    )
    russian = (
        joining.ru + f" Линия учитывает {RU.count(counted, 'treaty')}, для которых источники "
        "указывают дату вступления в силу для Беларуси"
        + (f"; еще по {len(undated)} "
           f"({RU.words([escape(t) for t in undated_rows['short_name_ru']])}) источники "
           "подтверждают участие Беларуси, но не дают даты, поэтому они учтены только в итоге."
           if undated else ": это все договоры, в которых участвует Беларусь.")
    )
    return Text(english, russian)


def joining_paragraph(m: WipoTreaties) -> Text:
    """How Belarus came into the treaty system: WIPO membership, the treaties continued from
    the USSR, then those it joined itself, counted per decade."""
    convention = system.founding_convention(m.treaties)
    moments = belarus.participation_moments(m.treaties)
    joined = belarus.joined_per_decade(m.treaties)
    membership_year, _, convention_name = moments["membership"]
    _, _, continued = moments["continued"]
    newest_year, _, newest_name = moments["newest"]
    russian_name = treaty_names(m, "ru")
    continued_count = int((m.belarus_parties["belarus_instrument"]
                           == "continued_application").sum())
    from_start = convention["belarus_in_force"] == convention["in_force"]
    entry = (f"when the {escape(convention_name)} came into force with the Byelorussian SSR "
             f"among its first members" if from_start
             else f"when the Byelorussian SSR joined the {escape(convention_name)}")
    entry_ru = (f"когда вступила в силу {escape(russian_name[convention_name])} и Белорусская "
                "ССР оказалась среди первых членов организации" if from_start
                else "когда Белорусская ССР стала участницей учредительной конвенции "
                     f"({escape(russian_name[convention_name])})")
    waves = in_words([f"{number} in the {decade}s" for decade, number in joined.items()])
    waves_ru = RU.words([f"в {decade}-х — {number}" for decade, number in joined.items()])
    total = int(joined.sum())
    return Text(
        f"Belarus entered the system in {membership_year}, {entry}. After independence it "
        f"declared that it continued to apply {continued} the Soviet Union had joined, then "
        f"joined {count_of(total, 'more treaty', 'more treaties')} in waves: "
        f"{waves}; the latest, the {escape(newest_name)}, in {newest_year}.",
        f"Беларусь вошла в систему в {membership_year}\u202fг., {entry_ru}. После обретения "
        "независимости она заявила о продолжении применения "
        f"{RU.number(continued_count)} {plural(continued_count, ('', ''), TREATY_GENITIVE, 'ru')}"
        ", участником которых был Советский Союз, а затем присоединилась еще к "
        f"{RU.number(total)} {plural(total, ('', ''), TREATY_DATIVE, 'ru')} — волнами: "
        f"{waves_ru}; последнее присоединение — {escape(russian_name[newest_name])}, "
        f"{newest_year}\u202fг.",
    )


def lag_intro(m: WipoTreaties) -> Text:
    continuity = belarus.continuity_date(m.treaties)
    return Text(
        "For each treaty Belarus is party to (and whose date for Belarus is known), the bar in "
        "[the chart](#figure-01-accession-lag) measures the years from when Belarus could "
        "first have joined to when the treaty entered into force for it. The clock starts at "
        "the treaty's own entry into force, or on "
        f"{format_for_people(continuity)} for older treaties, the "
        "date from which WIPO records Belarus's continued application of Soviet-era "
        "commitments.",
        "Для каждого договора, в котором участвует Беларусь (если известна дата вступления "
        "его в силу для нее), полоса на [рисунке](#figure-01-accession-lag) показывает, "
        "сколько лет прошло с того момента, когда Беларусь впервые могла присоединиться, до "
        "вступления договора в силу для нее. Отсчет ведется от вступления в силу самого "
        f"договора, а для более старых договоров — от {RU.date(continuity)}: с этой даты ВОИС "
        "фиксирует продолжение применения Беларусью обязательств советского периода.",
    )


def lag_paragraph(m: WipoTreaties) -> Text:
    lags = m.lags
    russian_name = treaty_names(m, "ru")
    quick = lags[lags["from_the_start"]]["treaty"].tolist()
    slowest = lags.iloc[-1]
    median = lags.loc[~lags["from_the_start"], "lag_years"].median()
    return Text(
        f"Belarus applied {len(quick)} treaties from the start "
        f"({', '.join(escape(t) for t in quick)}). The median wait for the others was "
        f"{median:.1f} years; the longest was "
        f"the {escape(slowest['treaty'])}, {slowest['lag_years']:.1f} years.",
        f"С самого начала Беларусь применяла {RU.count(len(quick), 'treaty')} "
        f"({', '.join(escape(russian_name[t]) for t in quick)}). По остальным медианный срок "
        f"ожидания составил {years_ru(median)}; самый долгий — "
        f"{years_ru(slowest['lag_years'])} ({escape(russian_name[slowest['treaty']])}).",
    )
