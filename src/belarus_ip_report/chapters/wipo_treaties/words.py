"""The WIPO chapter's words about the treaty system: the headline, how the system grew, how far
the treaties reach, what changes next, the counts the Foreign Ministry gives, and the captions
of the chapter's tables, each in English and Russian (`Text`). Each function reads the model
only, so prose, charts and tables state the same numbers; data text is escaped before it
enters Markdown. Belarus's own path is in `words_belarus`, the charts' alt text in `alt_text`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belarus_ip_report.chapters.language import RU, Text, plural
from belarus_ip_report.chapters.prose import count_of, escape, in_words
from belarus_ip_report.chapters.wipo_treaties import system
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties

#: Russian case forms of the chapter's counted nouns (one, few, many), where a count stands
#: after a preposition or a verb that governs a case other than the nominative.
TREATY_GENITIVE = ("договора", "договоров", "договоров")
TREATY_PREPOSITIONAL = ("договоре", "договорах", "договорах")
PARTY_GENITIVE = ("участника", "участников", "участников")
SIDES = ("сторона", "стороны", "сторон")
CONVENTION_GENITIVE = ("конвенции", "конвенций", "конвенций")


def ru_plural(count: int, forms: tuple[str, str, str]) -> str:
    """'19 договорах': the count and the Russian form for it."""
    return f"{RU.number(count)} {plural(count, ('', ''), forms, 'ru')}"


def headline(m: WipoTreaties) -> Text:
    head = m.headline
    newest_ru = dict(zip(m.treaties["short_name"], m.treaties["short_name_ru"],
                         strict=True))[head["newest_name"]]
    return Text(
        f"As of {format_for_people(m.as_of)}, WIPO administers **{head['administered']} "
        f"treaties**, {head['in_force']} of them in force. Belarus is a party to "
        f"**{head['belarus_parties']}**, or {head['share']:.0%} of them. The most recent to "
        f"enter into force for Belarus is the {escape(head['newest_name'])}, on "
        f"{format_for_people(head['newest_date'])}.",
        f"По состоянию на {RU.date(m.as_of)} ВОИС выполняет административные функции в "
        f"отношении **{RU.count(head['administered'], 'treaty')}**, из них "
        f"{plural(head['in_force'], ('', ''), ('действует', 'действуют', 'действуют'), 'ru')} "
        f"{head['in_force']}. Беларусь участвует в **{head['belarus_parties']}** из них "
        f"({RU.percent(head['share'])}). Последний по времени договор, вступивший в силу для "
        f"Беларуси, — {escape(newest_ru)} ({RU.date(head['newest_date'])}).",
    )


def growth_paragraph(m: WipoTreaties) -> Text:
    growth, ministry = m.growth, m.ministry
    document_count = ministry["administered"]
    held = system.years_count_held(growth, document_count)
    convention = system.founding_convention(m.treaties)
    founded = convention["adopted"].year
    first = int(growth["year"].min())
    last = growth.iloc[-1]
    undated = system.undated_treaties(m.treaties)
    undated_ru = m.treaties.loc[m.treaties["adopted"].isna(), "short_name_ru"].tolist()
    before = int(growth.loc[growth["year"] == founded - 1, "adopted_total"].iloc[0])
    text = (f"The system grew slowly for {founded - first} years and then quickly: {before} "
            f"treaties existed before WIPO's founding convention of {founded}, and "
            f"{int(last['adopted_total'])} by {m.as_of.year}. ")
    ru = (f"Первые {RU.count(founded - first, 'year')} система росла медленно, затем — "
          f"быстро: до учредительной конвенции ВОИС {founded}\u202fг. число договоров составляло "
          f"{before}, к {m.as_of.year}\u202fг. — {int(last['adopted_total'])}. ")
    if held:
        later = system.adopted_after(m.treaties, held[1])
        not_in_force = int(later["in_force"].isna().sum())
        text += (f"The total stood at {document_count} from {held[0]} until {held[1]}, the "
                 f"period the Foreign Ministry page describes ({ministry['industrial_property']} "
                 f"industrial property, {ministry['copyright']} copyright, and the convention). ")
        ru += (f"С {held[0]} по {held[1]}\u202fг. их было {document_count}: этот период и "
               "описывает страница МИД "
               f"({RU.count(ministry['industrial_property'], 'treaty')} в области "
               f"промышленной собственности, {ministry['copyright']} — в области авторского "
               "права, а также сама конвенция). ")
        if len(later):
            text += (f"{count_of(len(later), 'treaty', 'treaties').capitalize()} adopted since "
                     f"({in_words([escape(t) for t in later['short_name']])}) raised it; "
                     + ("none of them is in force yet." if not_in_force == len(later)
                        else f"{not_in_force} of them not yet in force."))
            adopted = plural(len(later), ("", ""), ("принят", "приняты", "принято"), "ru")
            ru += (f"Затем число выросло: {adopted} еще "
                   f"{RU.count(len(later), 'treaty')} "
                   f"({RU.words([escape(t) for t in later['short_name_ru']])}); "
                   + ("ни один из них пока не вступил в силу." if not_in_force == len(later)
                      else f"не вступивших в силу среди них — {not_in_force}."))
    if undated:
        text += (f" No adoption date was found for {in_words([escape(t) for t in undated])}: "
                 "they are counted only once in force.")
        ru += (f" Для {RU.words([escape(t) for t in undated_ru])} дата принятия не найдена: "
               "такие договоры учтены лишь с момента вступления в силу.")
    return Text(text, ru.rstrip())


def reach_paragraph(m: WipoTreaties) -> Text:
    counts = m.treaties.set_index("treaty_id")["parties_count"]
    names_ru = m.treaties.set_index("treaty_id")["short_name_ru"]
    russian = dict(zip(m.treaties["short_name"], m.treaties["short_name_ru"], strict=True))
    pending = m.reach[~m.reach["in_force"]]
    outside = m.reach.loc[~m.reach["belarus_party"], "parties_count"]
    text = (f"Counted from WIPO's contracting-party tables, on {format_for_people(m.as_of)} the "
            f"founding conventions bind nearly every state: {counts['paris']} for Paris and "
            f"{counts['berne']} for Berne. Specialised treaties reach far fewer")
    ru = (f"Подсчет по таблицам Договаривающихся сторон ВОИС показывает, что на "
          f"{RU.date(m.as_of)} основополагающие конвенции связывают почти все государства: "
          f"{escape(names_ru['paris'])} — {ru_plural(counts['paris'], SIDES)}, "
          f"{escape(names_ru['berne'])} — {ru_plural(counts['berne'], SIDES)}. "
          "Специализированные договоры охватывают гораздо меньше стран")
    if len(pending):
        text += (f", and the {count_of(len(pending), 'treaty', 'treaties')} not yet in force "
                 f"({in_words([escape(n) for n in pending['treaty']])}) have "
                 f"{in_words([str(n) for n in pending['instruments_deposited']])} "
                 "instruments deposited so far")
        ru += (f", а у {ru_plural(len(pending), TREATY_GENITIVE)}, еще не вступивших в силу "
               f"({RU.words([escape(russian[n]) for n in pending['treaty']])}), число сданных "
               "на хранение документов о ратификации или присоединении пока составляет "
               + ("соответственно " if len(pending) > 1 else "")
               + RU.words([str(n) for n in pending["instruments_deposited"]]))
    text += "."
    ru += "."
    if len(outside):
        text += f" Belarus belongs to every treaty with more than {int(outside.max())} parties."
        ru += (" Беларусь участвует во всех договорах, у которых больше "
               f"{ru_plural(int(outside.max()), PARTY_GENITIVE)}.")
    return Text(text, ru)


def ministry_paragraph(m: WipoTreaties) -> Text:
    """Why the Foreign Ministry's pages give other counts of Belarus's treaties than the dated
    rows: the one explanation, used by the chapter and the overview."""
    ministry, head = m.ministry, m.headline
    today = head["belarus_parties"]
    newest_ru = dict(zip(m.treaties["short_name"], m.treaties["short_name_ru"],
                         strict=True))[head["newest_name"]]
    readings, readings_ru = [], []
    if m.before_newest == ministry["belarus"]:
        newest = format_for_people(head["newest_date"])
        readings.append(f"the count on the day before the {escape(head['newest_name'])} "
                        f"entered into force for Belarus ({newest})")
        readings_ru.append(f"число договоров накануне последнего присоединения "
                           f"({escape(newest_ru)}, дата вступления в силу для Беларуси — "
                           f"{RU.date(head['newest_date'])})")
    if today - 1 == ministry["belarus"]:
        readings.append("today's count without the WIPO Convention itself")
        readings_ru.append("нынешнее число без самой Конвенции ВОИС")
    stated = ministry["belarus"]
    if len(readings) == 2:
        explained = (f"{stated} is both {readings[0]} and {readings[1]}; the page "
                     "is undated, so the report cannot tell which it meant")
        explained_ru = (f"{stated} — это и {readings_ru[0]}, и {readings_ru[1]}; страница не "
                        "датирована, поэтому нельзя установить, что имелось в виду")
    elif readings:
        explained = f"{stated} is {readings[0]}"
        explained_ru = f"{stated} — это {readings_ru[0]}"
    else:
        explained = f"no count from the dated rows gives {stated}"
        explained_ru = f"ни один подсчет по датированным записям не дает {stated}"
    geneva = ministry["belarus_geneva"]
    return Text(
        f"The dated rows give **{today}** WIPO-administered treaties in force for Belarus on "
        f"{format_for_people(m.as_of)}, the WIPO Convention included. The Foreign Ministry's "
        f"WIPO page says Belarus is party to {stated} conventions: {explained}. "
        f"The newer page of the mission in Geneva says {geneva}"
        + (", the count since that accession." if geneva == today else "."),
        f"Согласно датированным записям, на {RU.date(m.as_of)} Беларусь участвует в "
        f"**{today}** {plural(today, ('', ''), TREATY_PREPOSITIONAL, 'ru')}, административные "
        "функции которых выполняет ВОИС, включая саму Конвенцию ВОИС. На странице МИД о "
        f"сотрудничестве с ВОИС сказано, что Беларусь — участница "
        f"{ru_plural(stated, CONVENTION_GENITIVE)}: {explained_ru}. На более новой странице "
        f"Постоянного представительства Беларуси в Женеве указано {geneva}"
        + (" — столько договоров у Беларуси с момента этого присоединения." if geneva == today
           else "."),
    )


def coming_paragraph(m: WipoTreaties) -> Text:
    coming = m.coming
    if coming.empty:
        return Text(f"None known: no instrument deposited by {format_for_people(m.as_of)} takes "
                    "effect after it.",
                    f"Таких изменений не известно: ни один документ, сданный на хранение до "
                    f"{RU.date(m.as_of)} включительно, не начинает действовать позже этой даты.")
    first, n = coming.iloc[0], len(coming)
    deposited = plural(n, ("", ""), ("сданный", "сданных", "сданных"), "ru")
    begin = plural(n, ("", ""), ("начинает", "начинают", "начинают"), "ru")
    return Text(f"{count_of(len(coming), 'instrument')} deposited by "
                f"{format_for_people(m.as_of)} take effect after it, the first on "
                f"{format_for_people(first['effective'])}.",
                f"{RU.count(n, 'instrument')}, {deposited} на хранение до {RU.date(m.as_of)} "
                f"включительно, {begin} действовать позже этой даты; первый — "
                f"{RU.date(first['effective'])}".removesuffix(".") + ".")


# --- Table captions ------------------------------------------------------------------------

def status_caption(party: bool) -> Text:
    if party:
        return Text("WIPO-administered treaties to which Belarus is a party, by field and date",
                    "Договоры, административные функции которых выполняет ВОИС, с участием "
                    "Беларуси: по областям и датам")
    return Text("WIPO-administered treaties to which Belarus is not a party",
                "Договоры, административные функции которых выполняет ВОИС, в которых "
                "Беларусь не участвует")


def peer_caption() -> Text:
    return Text("WIPO-administered treaties in force for Belarus and its peers",
                "Договоры, административные функции которых выполняет ВОИС, действующие для "
                "Беларуси и стран сравнения")


def matrix_caption() -> Text:
    return Text("The year each treaty entered into force for Belarus and for each peer",
                "Год вступления каждого договора в силу для Беларуси и для каждой из стран "
                "сравнения")


def coming_caption() -> Text:
    return Text("Deposited instruments that take effect after the report's date",
                "Сданные на хранение документы, которые начинают действовать после даты "
                "доклада")


def claims_caption() -> Text:
    return Text("Counts the sources state, against the count from the dated rows on the "
                "same day",
                "Числа, которые приводят источники, и подсчет по датированным записям на ту же "
                "дату")
