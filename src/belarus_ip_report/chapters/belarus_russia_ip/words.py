"""The Belarus–Russia chapter's words: every sentence the chapter writes from its model and the
alt text of its chart, each in English and Russian (`language.Text`) from the same numbers. Each
function reads the model only; the tables are in `tables`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.language import RU, Text, full_stop, plural
from belarus_ip_report.chapters.prose import escape
from belarus_ip_report.curated.columns import SOURCE_SEPARATOR
from belarus_ip_report.foundation.dates import PartialDate, format_for_people, years_of

if TYPE_CHECKING:
    from belarus_ip_report.chapters.belarus_russia_ip.model import BelarusRussiaIp


def ru_forms(count: int, one: str, few: str, many: str) -> str:
    """The Russian word that agrees with `count` (a verb, or an adjective and noun)."""
    return plural(count, ("", ""), (one, few, many), "ru")


def pace_paragraph(m: BelarusRussiaIp) -> Text:
    """How the instruments are spread over time, in a paragraph (Markdown, numbers only)."""
    pace = m.pace
    english = (
        f"The {pace.count} IP instruments span {pace.last_year - pace.first_year} years, but "
        f"they are bunched at the end: after the {pace.first_year} agreement on industrial "
        f"property, the next instrument came {pace.longest_gap} years later, and "
        f"{pace.since_offices} of the {pace.count} date from {pace.offices_from} or later. The "
        f"integration treaties of {pace.integration_from}–{pace.integration_to} created the "
        f"{escape(pace.integration_name)} but no IP instrument of their own; the IP offices "
        f"filled the gap with agreements and memoranda from {pace.offices_from}, and the "
        + (f"governments concluded their next instrument only in {pace.governments_again}."
           if pace.governments_again else "governments have concluded none since.")
    )
    russian = (
        f"Документы в сфере ИС (всего {pace.count}) охватывают период в "
        f"{RU.count(pace.last_year - pace.first_year, 'year')}, но большая их часть приходится "
        "на последние годы: после соглашения о промышленной собственности "
        f"{pace.first_year}\u202fг. "
        f"следующий документ появился лишь через {RU.count(pace.longest_gap, 'year')}, а "
        f"{pace.since_offices} из {pace.count} "
        f"{ru_forms(pace.since_offices, 'приходится', 'приходятся', 'приходятся')} на "
        f"{pace.offices_from}\u202fг. и последующие годы. Интеграционные договоры "
        f"{pace.integration_from}–{pace.integration_to}\u202fгг. создали "
        f"{escape(pace.integration_name_ru)}, но собственных документов в сфере ИС не "
        f"содержали; этот пробел с {pace.offices_from}\u202fг. заполнили соглашения и меморандумы "
        f"ведомств по ИС, "
        + (f"а правительства заключили следующий документ только в {pace.governments_again}\u202fг."
           if pace.governments_again else "а правительства с тех пор не заключили ни одного.")
    )
    return Text(english, russian)


def agreement_paragraph(m: BelarusRussiaIp) -> Text:
    """How the dates of the latest agreement fit together, and what is not shown."""
    draft, signed, approved = m.steps["draft"], m.steps["signed"], m.steps["approved"]
    as_of = m.as_of
    english = (
        f"The dates come from different sources and fit together as steps: Belarus's government "
        f"approved a draft as the basis for negotiations on {format_for_people(draft['date'])} "
        f"[{cite(draft)}]; the agreement itself is dated {format_for_people(signed['date'])} "
        f"[{cite(signed)}]; and its approval is reported for "
        f"{format_for_people(approved['date'])} [{cite(approved)}], which no official page "
        f"among the stored sources confirms. As of {format_for_people(as_of)}, no act approving "
        f"the agreement, no notification between the two governments and no notice of its entry "
        f"into force is among the sources in reach, so this report treats it as signed but not "
        f"shown to be in force."
    )
    russian = (
        f"Даты взяты из разных источников и складываются в последовательность шагов: "
        f"правительство Беларуси одобрило проект как основу для переговоров "
        f"{RU.date(draft['date'])} [{cite(draft)}]; само соглашение датировано "
        f"{RU.date(signed['date'])} [{cite(signed)}]; дата его утверждения, по сообщениям, — "
        f"{RU.date(approved['date'])} [{cite(approved)}], но ни одна официальная страница среди "
        f"сохраненных источников этого не подтверждает. По состоянию на {RU.date(as_of)} среди "
        f"доступных источников нет ни акта об утверждении соглашения, ни уведомления между "
        f"двумя правительствами, ни сообщения о его вступлении в силу, поэтому в докладе оно "
        f"считается подписанным, но его вступление в силу не подтверждено."
    )
    return Text(english, russian)


def frames_paragraph(m: BelarusRussiaIp) -> Text:
    """The regional frames' dates, and the forum where a memorandum was signed."""
    patent_signed, patent_in_force = m.frames["patent_signed"], m.frames["patent_in_force"]
    trademark_signed = m.frames["trademark_signed"]
    trademark_in_force, forum = m.frames["trademark_in_force"], m.forum
    english = (
        f"Both frames have firm dates. The Eurasian Patent Convention, a regional patent system "
        f"that Belarus and Russia both belong to, was signed on "
        f"{format_for_people(patent_signed['date'])} and entered into force on "
        f"{format_for_people(patent_in_force['date'])} [{cite(patent_in_force)}]. The EAEU "
        f"treaty on trademarks and appellations of origin was signed on "
        f"{format_for_people(trademark_signed['date'])} and entered into force on "
        f"{format_for_people(trademark_in_force['date'])} [{cite(trademark_in_force)}]. The "
        f"memorandum on information systems was one of the documents of a forum "
        f"({format_for_people(forum['as_of'])}): {escape(forum['description'])} "
        f"[{cite(forum)}]."
    )
    russian = (
        f"Даты обеих региональных систем установлены точно. Евразийская патентная конвенция, "
        f"основа региональной патентной системы, в которой участвуют и Беларусь, и Россия, "
        "подписана "
        f"{RU.date(patent_signed['date'])} и вступила в силу {RU.date(patent_in_force['date'])} "
        f"[{cite(patent_in_force)}]. Договор ЕАЭС о товарных знаках и наименованиях мест "
        f"происхождения товаров подписан {RU.date(trademark_signed['date'])} и вступил в силу "
        f"{RU.date(trademark_in_force['date'])} [{cite(trademark_in_force)}]. Меморандум об "
        f"информационных системах был одним из документов форума ({RU.date(forum['as_of'])}). "
        f"{escape(forum['description_ru'])} [{cite(forum)}]."
    )
    return Text(english, russian)


def law_paragraph(m: BelarusRussiaIp) -> Text:
    """What the table of Belarus's IP law holds, first and last."""
    regional, national = m.law["eurasian"], m.law["national"]
    first = national.iloc[0]
    last_ru = RU.date(national.iloc[-1]["date"])
    took_effect = (f" and took effect on {format_for_people(first['in_force'])}"
                   if isinstance(first["in_force"], PartialDate) else "")
    english = (
        f"The table holds {len(regional)} regional instruments, from the "
        f"{escape(regional.iloc[0]['title'])} of {regional.iloc[0]['date'].year} to the "
        f"{escape(regional.iloc[-1]['title'])} of {regional.iloc[-1]['date'].year}, and "
        f"{len(national)} Belarusian acts. The first of them, {escape(first['title'])}, is dated "
        f"{format_for_people(first['date'])}{took_effect} [{cite(first)}]; the latest is dated "
        f"{format_for_people(national.iloc[-1]['date'])}."
    )
    in_force_ru = (f"; вступление в силу — {RU.date(first['in_force'])}"
                   if isinstance(first["in_force"], PartialDate) else "")
    russian = (
        f"В таблице {len(regional)} "
        f"{ru_forms(len(regional), 'региональный документ', 'региональных документа', 'региональных документов')} "  # noqa: E501
        f"(первый — {escape(regional.iloc[0]['title_ru'])}, "
        f"{regional.iloc[0]['date'].year}\u202fг.; "
        f"последний — {escape(regional.iloc[-1]['title_ru'])}, "
        f"{regional.iloc[-1]['date'].year}\u202fг.) и {len(national)} "
        f"{ru_forms(len(national), 'белорусский акт', 'белорусских акта', 'белорусских актов')}. "
        f"Первый из актов — {escape(first['title_ru'])} ({RU.date(first['date'])}"
        f"{in_force_ru}) [{cite(first)}]; последний датирован "
        + last_ru + full_stop(last_ru)
    )
    return Text(english, russian)


#: A source id as the schema allows it.
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


def cite(row: pd.Series) -> str:
    """The row's sources, each a link to its reference (an id the schema keeps to letters,
    digits, dots and hyphens, so nothing in it can become Markdown)."""
    ids = str(row["source_ids"]).split(SOURCE_SEPARATOR)
    if not all(SAFE_ID.fullmatch(i) for i in ids):
        return escape(row["source_ids"])
    return "; ".join(f"[`{i}`](#source-{i})" for i in ids)


def timeline_alt(m: BelarusRussiaIp) -> Text:
    from belarus_ip_report.chapters.belarus_russia_ip.model import integration_span

    items = m.items
    start, end = integration_span(m.table)
    years = years_of(items["date"])
    recent = years >= years.iloc[len(years) // 2]
    count, since = len(items), int(recent.sum())
    english = (
        f"Timeline from {years.min()} to {years.max()} of {len(items)} Belarus–Russia IP "
        f"instruments in two lanes, governments and IP offices, with the "
        f"{start.first.year}–{end.last.year} integration treaties as a shaded band; "
        f"{int(recent.sum())} of the {len(items)} instruments date from "
        f"{years.iloc[len(years) // 2]} onwards.")
    russian = (
        f"Временная шкала с {years.min()} по {years.max()}\u202fг.: "
        f"{RU.count(count, 'instrument')} "
        f"Беларуси и России в сфере ИС в два ряда, правительства и ведомства по ИС; "
        f"интеграционные договоры {start.first.year}–{end.last.year}\u202fгг. показаны затененной "
        f"полосой; {since} из {count} "
        f"{ru_forms(since, 'приходится', 'приходятся', 'приходятся')} на "
        f"{years.iloc[len(years) // 2]}\u202fг. и последующие годы.")
    return Text(english, russian)
