"""The WTO chapter's words: every sentence the chapter writes from its model, in English and
Russian, with ordinals and ranks in words (Russian cases and plurals: `russian`). The alt text of
its charts is in `alt`, the tables for readers in `tables`, the words drawn on charts in
`chartwords`.

Each function reads the model only (`WtoAccession`), so prose and charts state the same
numbers; values from the data are escaped before they enter Markdown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belarus_ip_report.chapters.language import RU, Text, full_stop
from belarus_ip_report.chapters.prose import count_of, escape, in_words
from belarus_ip_report.chapters.wto_accession.russian import (
    YEAR,
    forms,
    ru_count,
    ru_decimal,
    ru_name,
    ru_since,
    ru_years,
)
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wto_accession.model import WtoAccession


def ordinal(number: int) -> str:
    """1 → '1st', 12 → '12th', 22 → '22nd'."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


#: Ranks 2 to 5 in Russian words, neuter (agreeing with «присоединение»).
RANKS_RU = {2: "второе", 3: "третье", 4: "четвертое", 5: "пятое"}


def rank_words(rank: int, superlative: str = "longest", lang: str = "en") -> str:
    """1 → 'longest', 2 → 'second-longest', 11 → '11th-longest': a rank as prose. In Russian,
    of an accession: 'самое продолжительное', 'второе по продолжительности', '11-е по …'."""
    if rank < 1:
        raise ValueError(f"a rank starts at 1, not {rank}")
    if lang == "ru":
        if rank == 1:
            return "самое продолжительное"
        return f"{RANKS_RU.get(rank, RU.ordinal(rank))} по продолжительности"
    if rank == 1:
        return superlative
    words = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}
    return f"{words.get(rank, ordinal(rank))}-{superlative}"


# --- Paragraphs -----------------------------------------------------------------------------

def headline(m: WtoAccession) -> Text:
    head = m.headline
    last_ru = RU.date(head["last_meeting_date"])
    english = (
        f"As of {format_for_people(m.as_of)}, Belarus has been seeking membership for "
        f"**{head['years_since_application']} years**, since "
        f"{format_for_people(head['application_date'])}. Its working party has held "
        f"**{head['meetings_held']} numbered meetings**, the last on "
        f"{format_for_people(head['last_meeting_date'])}. The Foreign Ministry reports bilateral "
        f"market-access talks concluded with **{head['bilateral_concluded']} WTO members**, "
        f"{head['bilateral_since_2017']} of them since 2017. Of the {head['of']} accessions "
        f"completed since {head['since_year']} or still open, with a known application date, "
        f"Belarus's is the **{rank_words(head['rank'])}**; "
        + ("no completed accession took as long as Belarus has waited so far."
           if head["completed_longer"] == 0 else
           f"{head['completed_longer']} completed accessions took longer than Belarus has "
           "waited.")
    )
    longer = head["completed_longer"]
    russian = (
        f"По состоянию на {RU.date(m.as_of)} Беларусь добивается членства в ВТО уже "
        f"**{RU.count(head['years_since_application'], 'year')}** — с момента подачи заявки "
        f"({RU.date(head['application_date'])}). Рабочая группа по присоединению Республики "
        f"Беларусь к ВТО провела **"
        + ru_count(head["meetings_held"], "формальное заседание", "формальных заседания",
                   "формальных заседаний")
        + f"**, последнее — {last_ru}{full_stop(last_ru)} По данным "
        f"МИД, двусторонние переговоры о доступе к рынкам товаров и услуг "
        f"завершены с **{RU.number(head['bilateral_concluded'])} "
        f"{forms(head['bilateral_concluded'], 'членом', 'членами', 'членами')} ВТО**, в том "
        f"числе с {RU.number(head['bilateral_since_2017'])} — начиная с 2017{YEAR} Среди "
        f"{RU.number(head['of'])} "
        f"{forms(head['of'], 'присоединения', 'присоединений', 'присоединений')} с известной "
        f"датой заявки, завершенных с {head['since_year']}{YEAR} или еще не "
        f"завершенных, присоединение Беларуси — **{rank_words(head['rank'], lang='ru')}**; "
        + ("ни одно завершенное присоединение не длилось так долго, как Беларусь ждет до сих пор."
           if longer == 0 else
           ru_count(longer, "завершенное присоединение", "завершенных присоединения",
                    "завершенных присоединений")
           + f" {forms(longer, 'длилось', 'длились', 'длились')} дольше, чем Беларусь ждет до "
           "сих пор.")
    )
    return Text(english, russian)


def timeline_paragraph(m: WtoAccession) -> Text:
    story, pause = m.story, m.pause
    english = (
        f"The table holds {story['milestones']} dated milestones; {story['partial']} of them "
        f"are known only to the month or year, and {story['ranges']} span several days. The "
        f"first {pause['from_meeting']} meetings of the working party fell between "
        f"{story['first_meeting_year']} and {story['pause_from_year']}. Then "
        f"{pause['years']:.1f} years went by without a formal meeting, broken only by "
        f"{story['informal_during_pause']} informal rounds, until the "
        f"{ordinal(pause['to_meeting'])} meeting on {format_for_people(pause['to_date'])}. "
        f"The next {story['resumed_meetings']} meetings, from "
        f"{format_for_people(story['resumed_first'])} to "
        f"{format_for_people(story['resumed_last'])}, came with seminars, bilateral rounds and "
        f"new observer roles. After {format_for_people(story['halt_date'])} the table has "
        f"{story['after_halt']} further milestones; the latest, from "
        f"{format_for_people(story['last_date'])}, reads: {escape(story['last_description'])}."
    )
    last = m.milestones.set_index("milestone_id").at[m.spans["milestone_id"].iloc[-1],
                                                    "description_ru"]
    russian = (
        "В таблице "
        + ru_count(story["milestones"], "датированный этап", "датированных этапа",
                   "датированных этапов")
        + f"; {RU.number(story['partial'])} из них "
        f"{forms(story['partial'], 'известен', 'известны', 'известны')} лишь с точностью до "
        f"месяца или года, а {RU.number(story['ranges'])} "
        f"{forms(story['ranges'], 'охватывает', 'охватывают', 'охватывают')} несколько дней. "
        f"Первые {RU.count(int(pause['from_meeting']), 'meeting')} Рабочей группы прошли с "
        f"{story['first_meeting_year']} по {story['pause_from_year']}{YEAR} Затем "
        f"{ru_years(pause['years'])} не было ни одного формального заседания — лишь "
        + ru_count(story["informal_during_pause"], "неформальный раунд", "неформальных раунда",
                   "неформальных раундов")
        + f" — вплоть до {pause['to_meeting']}-го заседания ({RU.date(pause['to_date'])}). "
        f"Следующие {RU.count(story['resumed_meetings'], 'meeting')}, с "
        f"{ru_since(story['resumed_first'])} по {RU.date(story['resumed_last'])}, "
        "сопровождались семинарами, раундами двусторонних переговоров и новыми ролями Беларуси "
        f"в качестве наблюдателя. После {ru_since(story['halt_date'])} в таблице еще "
        f"{RU.count(story['after_halt'], 'milestone')}; последний из них "
        f"({RU.date(story['last_date'])}) описан так: «{escape(last)}»."
    )
    return Text(english, russian)


def rhythm_paragraph(m: WtoAccession) -> Text:
    pause, intervals, story = m.pause, m.intervals, m.story
    early = intervals[intervals["to_meeting"] <= pause["from_meeting"]]
    late = intervals[intervals["from_meeting"] >= pause["to_meeting"]]
    others = intervals.drop(pause.name)["months"].max()
    times = int(pause["months"] // others)
    pause_months = int(f"{pause['months']:.0f}")
    english = (
        f"Before the long pause, consecutive meetings were {early['months'].min():.0f} to "
        f"{early['months'].max():.0f} months apart. After it they were "
        f"{late['months'].min():.0f} to {late['months'].max():.0f} months apart, a steadier "
        f"pace that ended with the {ordinal(story['last_number'])} meeting. The "
        f"{pause['months']:.0f} months between meetings {pause['from_meeting']} and "
        f"{pause['to_meeting']} are more than {times} times any other "
        f"gap. No numbered meeting is recorded after "
        f"{format_for_people(story['resumed_last'])}."
    )

    def months(low: float, high: float) -> str:
        top = int(f"{high:.0f}")
        return (f"от {ru_decimal(low, 0)} до {ru_decimal(high, 0)} "
                f"{forms(top, 'месяца', 'месяцев', 'месяцев')}")

    russian = (
        f"До долгого перерыва между соседними формальными заседаниями проходило "
        f"{months(early['months'].min(), early['months'].max())}. После него — "
        f"{months(late['months'].min(), late['months'].max())}: ритм стал ровнее и оборвался "
        f"на {story['last_number']}-м заседании. Промежуток между заседаниями "
        f"{pause['from_meeting']} и {pause['to_meeting']} — "
        f"{RU.count(pause_months, 'month')} — более чем в {times} "
        f"{forms(times, 'раз', 'раза', 'раз')} длиннее любого другого. После "
        f"{ru_since(story['resumed_last'])} ни одного формального заседания не зафиксировано."
    )
    return Text(english, russian)


def membership_paragraph(m: WtoAccession, source_document_figure: str) -> Text:
    reported, steps, growth = m.reported, m.steps, m.growth
    first, latest = reported.iloc[0], reported.iloc[-1]
    stated = reported.set_index("figure_id").loc[source_document_figure]
    on_first_day = int(steps.loc[steps["date"] == m.wto_start, "dated_members"].sum())
    since_start = growth[growth["year"] > m.wto_start.year]
    joined_later = int(since_start["joined"].sum())
    listed = len(m.members)
    undated = m.undated_members
    english = (
        f"The WTO opened on {format_for_people(m.wto_start)} with {first['value']} members "
        f"according to the sources, and the members table dates {on_first_day} to that day. "
        f"By the end of {m.wto_start.year} it dates {growth['dated_members'].iloc[0]}, and "
        f"{joined_later} more joined after that. The Foreign Ministry's "
        f"count of {stated['value']} refers to {format_for_people(stated['as_of'])}; the latest "
        f"stated count is {latest['value']}, from {format_for_people(latest['as_of'])}, and the "
        f"members table lists {listed} members, "
        f"{'the same number' if listed == latest['value'] else 'a different number'}. "
        + (f"For {count_of(len(undated), 'member')} no source gives a date of membership "
           f"({in_words([escape(name) for name in undated])}); the chart does not guess one."
           if undated else "Every one of them has its date of membership in the table.")
    )
    dated_by_year_end = int(growth["dated_members"].iloc[0])
    russian = (
        f"ВТО начала работу {RU.date(m.wto_start)}; число ее членов в тот день, по данным "
        f"источников, — {RU.number(first['value'])}, и таблица членов датирует этим днем "
        f"вступление {RU.number(on_first_day)} "
        f"{forms(on_first_day, 'члена', 'членов', 'членов')}. К концу {m.wto_start.year}{YEAR} "
        f"таблица датирует вступление {RU.number(dated_by_year_end)} "
        f"{forms(dated_by_year_end, 'члена', 'членов', 'членов')}, а позже "
        f"{forms(joined_later, 'вступил', 'вступили', 'вступили')} еще "
        f"{RU.number(joined_later)}. МИД приводит число {RU.number(stated['value'])} по "
        f"состоянию на {RU.date(stated['as_of'])}; последнее из приводимых источниками значений "
        f"— {RU.number(latest['value'])} по состоянию на {RU.date(latest['as_of'])}, а в "
        f"таблице членов их {RU.number(listed)} — "
        f"{'столько же' if listed == latest['value'] else 'число иное'}. "
        + (f"Для {RU.number(len(undated))} {forms(len(undated), 'члена', 'членов', 'членов')} "
           "ни один источник не указывает дату вступления ("
           + RU.words([escape(ru_name(m, name)) for name in undated])
           + "); график ее не домысливает."
           if undated else "У каждого из них в таблице есть дата вступления.")
    )
    return Text(english, russian)


def durations_paragraph(m: WtoAccession) -> Text:
    durations, head = m.durations, m.headline
    completed = durations[~durations["still_acceding"]]
    still_open = durations[durations["still_acceding"]]
    longer = durations.iloc[: head["rank"] - 1]
    english = (
        f"The {len(completed)} completed accessions took between "
        f"{completed['years'].min():.1f} and {completed['years'].max():.1f} years, "
        f"{completed['years'].median():.1f} at the median. {m.acceding_now} governments are "
        f"still acceding; the chart draws the {len(still_open)} of them whose application date "
        f"is known. Belarus, at {m.own_duration:.1f} years, ranks "
        f"{head['rank']} of {head['of']}"
        + (f", behind only {', '.join(escape(g) for g in longer['government'])}"
           if len(longer) else "")
        + f". Left out for lack of an application date: "
        f"{', '.join(escape(g) for g in m.excluded)} ({len(m.excluded)} in all)."
    )
    russian = (
        ru_count(len(completed), "завершенное присоединение", "завершенных присоединения",
                 "завершенных присоединений")
        + f" {forms(len(completed), 'заняло', 'заняли', 'заняли')} от "
        f"{ru_decimal(completed['years'].min())} до {ru_years(completed['years'].max())}, "
        f"медиана — {ru_years(completed['years'].median())}. "
        f"{RU.count(m.acceding_now, 'government')} "
        f"{forms(m.acceding_now, 'продолжает', 'продолжают', 'продолжают')} переговоры о "
        f"присоединении; на графике — {RU.number(len(still_open))} из них, для которых "
        f"известна дата заявки. Беларусь ({ru_years(m.own_duration)}) занимает "
        f"{RU.ordinal(head['rank'])} место из {RU.number(head['of'])}"
        + (f"; дольше — только {', '.join(escape(ru_name(m, g)) for g in longer['government'])}"
           if len(longer) else "")
        + ". Из-за отсутствия даты заявки не учтены: "
        f"{', '.join(escape(ru_name(m, g)) for g in m.excluded)} "
        f"(всего {RU.number(len(m.excluded))})."
    )
    return Text(english, russian)
