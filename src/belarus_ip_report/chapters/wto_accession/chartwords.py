"""The words drawn on the WTO chapter's charts, in English and Russian: titles, axis labels,
legends and the templates of annotations (their numbers and dates filled in by the charts)."""

from __future__ import annotations

from belarus_ip_report.chapters.language import RU, Speaker
from belarus_ip_report.chapters.wto_accession.russian import forms, ru_decimal, ru_years

#: Fixed words and templates; `{…}` are filled with values already written in the language.
WORDS = {
    "en": {
        "year": "Year",
        # The working party's rhythm
        "rhythm_title": "Belarus's working party: meetings per year and the gaps between them",
        "numbered": "Numbered (formal) meetings",
        "informal": "Informal rounds",
        "meetings": "Meetings",
        "months_between": "Months between meetings",
        "months_range": "Possible range (a meeting known only to the month)",
        "between_numbered": "Between numbered meetings",
        "months": "Months",
        # WTO membership
        "membership_title": "WTO membership since {year}",
        "dated_members": "Members with a known date (wto_members)",
        "stated_day": "Count stated by a source",
        "stated_year": "Count stated for a year (bar: the year)",
        "ministry_count": "{value} in {date}:\nthe Foreign Ministry page's count",
        "latest_count": "{value} from\n{date}",
        "first_day_count": "{value} on the first day,\n{date}",
        "members": "Members",
        # Accession durations
        "durations_title": "How long WTO accessions take: application to membership",
        "durations_axis": "Years from application (open accessions: to {date})",
        "became_member": "Became a member",
        "still_acceding": "Still acceding (open bar)",
        "duration_range": "Possible range (date known only to the month or year)",
        # The timeline
        "timeline_title": "Belarus's WTO accession, step by step",
        "zoom_title": "The same milestones from {year}: the push and the halt",
        "as_of": "as of\n{date}",
        "enlarged": "enlarged below",
        "pause": "{years} years without a formal meeting\n(between meetings {a} and {b})",
        "last_meeting": "Meeting {number}, the last one:\n{date}",
        "known_day": "Known day",
        "several_days": "Several days (bar, widened to be seen)",
        "partial": "Month or year only (bar: possible period)",
        "how_drawn": "How each date is drawn",
    },
    "ru": {
        "year": "Год",
        "rhythm_title": "Рабочая группа по присоединению Беларуси: заседания по годам\n"
                        "и промежутки между ними",
        "numbered": "Формальные (нумерованные) заседания",
        "informal": "Неформальные раунды",
        "meetings": "Заседания",
        "months_between": "Месяцев между заседаниями",
        "months_range": "Возможный диапазон (дата заседания известна\n"
                        "лишь с точностью до месяца)",
        "between_numbered": "Между формальными заседаниями (по номерам)",
        "months": "Месяцы",
        "membership_title": "Членство в ВТО с {year}\u202fг.",
        "dated_members": "Члены с известной датой вступления",
        "stated_day": "Число, приводимое источником",
        "stated_year": "Число, приводимое за год (полоса: год)",
        "ministry_count": "{value} ({date}):\nчисло на странице МИД",
        "latest_count": "{value} на\n{date}",
        "first_day_count": "{value} в первый день,\n{date}",
        "members": "Число членов",
        "durations_title": "Присоединение к ВТО: от заявки до членства",
        "durations_axis": "Лет от подачи заявки (незавершенные — по {date})",
        "became_member": "Вступили в ВТО",
        "still_acceding": "Еще не вступили (полоса без заливки)",
        "duration_range": "Возможный диапазон (известны лишь месяц или год)",
        "timeline_title": "Присоединение Беларуси к ВТО шаг за шагом",
        "zoom_title": "Те же этапы с {year}\u202fг.: рывок и остановка",
        "as_of": "по состоянию на\n{date}",
        "enlarged": "ниже — в увеличенном\nмасштабе",
        "pause": "{years} без формальных заседаний\n(между заседаниями {a} и {b})",
        "last_meeting": "{number}-е заседание, последнее:\n{date}",
        "known_day": "Известен день",
        "several_days": "Несколько дней (полоса расширена)",
        "partial": "Месяц или год (полоса: весь период)",
        "how_drawn": "Как показана дата",
    },
}


def decimal(value: float, digits: int, lang: str) -> str:
    """A number as the English writes it (f'{value:.1f}'), in `lang`."""
    return f"{value:.{digits}f}" if lang == "en" else ru_decimal(value, digits)


def number(value: int, lang: str) -> str:
    return str(value) if lang == "en" else RU.number(value)


def undated_members(count: int, lang: str) -> str:
    """The legend of the line that adds the members no source dates."""
    if lang == "en":
        return f"Adding the {count} members with no date in the sources"
    return (f"С учетом {RU.number(count)} {forms(count, 'члена', 'членов', 'членов')}, "
            "для которых в источниках нет даты")


def still_counting(name: str, years: float, lang: str) -> str:
    """The label beside the highlighted government's open bar."""
    if lang == "en":
        return f"{name}: {years:.1f} years and counting"
    # The bar's axis label already names it (in bold): the Russian, longer, says only the time.
    return f"уже {ru_years(years)}"


def pause_label(years: float, first: int, second: int, lang: str) -> str:
    written = f"{years:.1f}" if lang == "en" else ru_years(years)
    return WORDS[lang]["pause"].format(years=written, a=first, b=second)


def chart_note(when: object, note: str, lang: str) -> str:
    """A milestone's note on the timeline: its date, then the note on two lines (in Russian,
    whose words run longer, the date on a line of its own)."""
    return f"{Speaker(lang).date(when)}:{' ' if lang == 'en' else chr(10)}{two_lines(note)}"


def two_lines(note: str) -> str:
    """A note broken after its first colon or comma, else near its middle."""
    for mark in (": ", ", "):
        if mark in note:
            head, tail = note.split(mark, 1)
            return f"{head}{mark.strip()}\n{tail}"
    words = note.split()
    middle = len(words) // 2
    return " ".join(words[:middle]) + "\n" + " ".join(words[middle:])


def joint_statements(when: object, count: int, lang: str) -> str:
    """'June 2022: 2 joint statements\\nby WTO members halt the accession'."""
    month = Speaker(lang).date(when)
    if lang == "en":
        return f"{month}: {count} joint statements\nby WTO members halt the accession"
    statements = forms(count, "совместное заявление", "совместных заявления",
                       "совместных заявлений")
    halt = forms(count, "останавливает", "останавливают", "останавливают")
    return f"{month}: {RU.number(count)} {statements}\nчленов ВТО {halt} присоединение"
