"""The overview's key findings, in English and Russian: every number a field of a chapter's
model, the same numbers in the same order in both languages (a test compares them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from belarus_ip_report.chapters.language import RU, Text, plural
from belarus_ip_report.chapters.prose import escape
from belarus_ip_report.chapters.wto_accession.milestones import JOINT_STATEMENTS
from belarus_ip_report.chapters.wto_accession.words import ordinal
from belarus_ip_report.foundation.dates import PartialDate, format_for_people, years_of

if TYPE_CHECKING:
    from belarus_ip_report.chapters.overview.model import Overview


def key_findings(o: Overview, label: Callable[[str, str], str]) -> Text:
    """The overview's findings as a Markdown list; `label(stem, lang)` names the chapter that
    backs a finding (`chapters.label`), linked as `[name](stem.ipynb)` in each language."""
    def link(stem: str) -> str:
        return f"[{label(stem)}]({stem}.ipynb)"

    def link_ru(stem: str) -> str:
        return f"[{label(stem, 'ru')}]({stem}.ipynb)"

    w, a, ip = o.wipo, o.wto, o.ip
    head, wto_head = w.headline, a.headline
    outside = w.reach.loc[~w.reach["belarus_party"], "parties_count"]
    longer = a.durations.loc[a.durations["years"] > a.own_duration, "government"].tolist()
    longer_note = (f"only {', '.join(escape(g) for g in longer)} has taken longer"
                   if len(longer) == 1 else f"{len(longer)} have taken longer" if longer
                   else "none has taken longer")
    pause = a.pause
    statements = a.spans[a.spans["milestone_id"].isin(JOINT_STATEMENTS)]
    recent = ip.items[years_of(ip.items["date"]) >= ip.pace.offices_from]
    latest_agreement = ip.steps["signed"]
    english = f"""
- **Belarus is party to {head['belarus_parties']} of the {head['administered']} treaties
  WIPO administers** ({head['share']:.0%}); the newest for Belarus is the
  {escape(head['newest_name'])}, in force since {format_for_people(head['newest_date'])}. The
  Foreign Ministry's pages give other counts; {link('01_wipo_treaties')} explains them.
- **The treaties Belarus has not joined are the narrow ones**: it belongs to every WIPO treaty
  with more than {int(outside.max())} contracting parties. {link('01_wipo_treaties')}
- **Belarus applied to join the GATT, the WTO's predecessor, in
  {format_for_people(wto_head['application_date'])}: {wto_head['years_since_application']} years
  ago.** Of {wto_head['of']} accessions since {wto_head['since_year']}, finished or still open,
  {longer_note}. {link('02_wto_accession')}
- **Its working party met {wto_head['meetings_held']} times**, the last on
  {format_for_people(wto_head['last_meeting_date'])}, after a gap of {pause['years']:.1f} years
  between the {ordinal(int(pause['from_meeting']))} and {ordinal(int(pause['to_meeting']))}
  meetings. The Foreign Ministry reports bilateral market-access talks concluded with
  {wto_head['bilateral_concluded']} members, {wto_head['bilateral_since_2017']} of them since
  2017. {link('02_wto_accession')}
- **Work on the accession stopped after {format_for_people(a.story['halt_date'])}**; in
  {format_for_people(statements['date'].min().to_precision('month'))}, {len(statements)} joint
  statements by groups of members declared it suspended. {link('02_wto_accession')}
- **The WTO itself grew from {a.members_first_day} members on its first day to
  {a.members_now}** on {format_for_people(o.as_of)}; {a.acceding_now} governments are still
  acceding. {link('02_wto_accession')}
- **Belarus–Russia IP cooperation is recent**: {len(recent)} of the {len(ip.items)} IP
  instruments since {ip.items['date'].min().year} date from {ip.pace.offices_from} or later,
  ending with an intergovernmental IP agreement in {latest_agreement['date'].year}.
  {link('03_belarus_russia_ip')}
- **Every value is sourced**: {len(o.sources)} sources back the data, each value with the place
  in its source where it stands, and {o.discrepancies['discrepancy_id'].nunique()} points on which
  sources disagree are recorded with the value used. {link('04_clean_tables')}
"""
    treaties = w.treaties.set_index("short_name")
    newest_ru = treaties.at[head["newest_name"], "short_name_ru"]
    names_ru = a.accessions.set_index("government")["government_ru"]
    longer_ru = [escape(names_ru.get(g, g)) for g in longer]
    longer_note_ru = (f"больше времени занял лишь один ({longer_ru[0]})" if len(longer) == 1
                      else f"больше времени заняли {len(longer)}" if longer
                      else "ни один не занял больше времени")
    months = statements["date"].min().to_precision("month")
    statements_count = len(statements)
    recent_verb = plural(len(recent), ("", ""), ("приходится", "приходятся", "приходятся"), "ru")
    acceding = plural(a.acceding_now, ("", ""), ("продолжает", "продолжают", "продолжают"), "ru")
    members_with = plural(wto_head["bilateral_concluded"], ("", ""),
                          ("членом", "членами", "членами"), "ru")
    of_members = genitive(a.members_first_day, "члена", "членов")
    disagreements = o.discrepancies["discrepancy_id"].nunique()
    russian = f"""
- **Беларусь участвует в {head['belarus_parties']} из {head['administered']}
  {genitive(head['administered'], 'договора', 'договоров')}, административные функции которых
  выполняет ВОИС** ({RU.percent(head['share'])}); самый новый для нее договор —
  {escape(newest_ru)} (действует для Беларуси с {RU.date(head['newest_date'])}). На
  страницах МИД Беларуси приводятся другие цифры; откуда расхождение, объясняет
  [{label('01_wipo_treaties', 'ru').lower()}](01_wipo_treaties.ipynb).
- **Договоры, к которым Беларусь не присоединилась, — узкие по охвату**: она участвует во всех
  договорах ВОИС, у которых более {int(outside.max())} Договаривающихся сторон.
  {link_ru('01_wipo_treaties')}
- **С подачи заявки Беларуси на присоединение к ГАТТ, предшественнику ВТО
  ({RU.date(wto_head['application_date'])}), прошло
  {RU.count(wto_head['years_since_application'], 'year')}.** Из {wto_head['of']}
  {genitive(wto_head['of'], 'процесса', 'процессов')} присоединения к ВТО начиная с
  {wto_head['since_year']}\u202fг., завершенных и еще открытых, {longer_note_ru}.
  {link_ru('02_wto_accession')}
- **Рабочая группа по присоединению Республики Беларусь к ВТО провела
  {RU.count(wto_head['meetings_held'], 'meeting')}**, последнее —
  {RU.date(wto_head['last_meeting_date'])}; перерыв в {RU.number(pause['years'], 1)} года
  пришелся на время между {int(pause['from_meeting'])}-м и {int(pause['to_meeting'])}-м
  заседаниями.
  По данным МИД Беларуси, двусторонние переговоры о доступе к рынкам товаров и услуг завершены
  с {wto_head['bilateral_concluded']} {members_with} ВТО, из них с
  {wto_head['bilateral_since_2017']} — начиная с 2017\u202fг. {link_ru('02_wto_accession')}
- **Работа над присоединением остановилась (последний шаг — {RU.date(a.story['halt_date'])})**;
  {in_month_ru(months)} группы членов ВТО {in_statements_ru(statements_count)} объявили
  процесс приостановленным. {link_ru('02_wto_accession')}
- **Сама ВТО выросла с {a.members_first_day} {of_members} в первый день существования до
  {a.members_now}** (по состоянию на {RU.date(o.as_of)}); еще
  {RU.count(a.acceding_now, 'government')} {acceding} переговоры о присоединении.
  {link_ru('02_wto_accession')}
- **Сотрудничество Беларуси и России в сфере ИС — недавнее**: {len(recent)} из
  {len(ip.items)} {genitive(len(ip.items), 'документа', 'документов')} в сфере ИС, заключенных
  начиная с {ip.items['date'].min().year}\u202fг., {recent_verb} на
  {ip.pace.offices_from}\u202fг. и последующие годы; последний из них — межправительственное
  соглашение в сфере ИС
  {latest_agreement['date'].year}\u202fг. {link_ru('03_belarus_russia_ip')}
- **Каждое значение подкреплено источником**: данные опираются на
  {RU.count(len(o.sources), 'source')}, и для каждого значения указано место в источнике, где
  оно приводится; зафиксировано {disagreements}
  {plural(disagreements, ('', ''), ('расхождение', 'расхождения', 'расхождений'), 'ru')} между
  источниками, для каждого указано принятое значение. {link_ru('04_clean_tables')}
"""
    return Text(english, russian)


def genitive(count: int, one: str, other: str) -> str:
    """A noun after 'из N' (out of N): genitive singular after 1, 21, 31...; plural else."""
    return plural(count, ("", ""), (one, other, other), "ru")


#: Months in the prepositional case ('в марте'), which CLDR does not give.
MONTHS_IN_RU = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
                "сентябре", "октябре", "ноябре", "декабре")


def in_month_ru(month: PartialDate) -> str:
    """'в марте 2022 г.'"""
    first = month.first
    return f"в {MONTHS_IN_RU[first.month - 1]} {first.year}\u202fг."


def in_statements_ru(count: int) -> str:
    """'в совместном заявлении', 'в 2 совместных заявлениях'."""
    return "в совместном заявлении" if count == 1 else f"в {count} совместных заявлениях"
