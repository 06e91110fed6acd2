"""The methods chapter's words: every sentence it writes from its model and its tables with
their captions, in English and Russian."""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.chapters.language import RU, Table, Text, plural
from belarus_ip_report.chapters.methods.model import Methods
from belarus_ip_report.chapters.prose import escape, translated
from belarus_ip_report.curated.labels_ru import READ_AS_RU, TIERS_RU, VERDICTS_RU


def agree(count: int, one: str, many: str) -> str:
    """A Russian verb or participle agreeing with a number: 'подтверждено' after 1, 21, 101
    (CLDR's 'one'), 'подтверждены' after the rest."""
    return plural(count, (one, many), (one, many, many), "ru")


def cleaning_paragraph(m: Methods) -> Text:
    rows_in, rows_out = int(m.quality["rows in"].sum()), int(m.quality["rows out"].sum())
    changed = m.quality.loc[m.quality["changes made"] != "none", "table"].tolist()
    en = (
        f"All {len(m.quality)} tables passed their checks: {rows_in} rows went in and "
        f"{rows_out} came out, so no row was dropped. "
        + (f"Cleaning changed something in {', '.join(escape(t) for t in changed)}, as listed "
           "above." if changed else "Cleaning changed nothing: the raw tables were already tidy.")
    )
    ru = (
        f"Все {RU.count(len(m.quality), 'table')} прошли проверки: на входе — "
        f"{RU.count(rows_in, 'row')}, на выходе — {RU.number(rows_out)}, так что ни одна строка "
        "не потеряна. "
        + (f"Очистка внесла изменения в таблицы {', '.join(escape(t) for t in changed)}; они "
           "перечислены выше." if changed
           else "Очистка ничего не изменила: исходные таблицы уже были в порядке.")
    )
    return Text(en, ru)


def sources_paragraph(m: Methods) -> Text:
    copies = int(m.tiers["third_party_copy"].sum())
    primary_copies = int(m.tiers.loc["primary", "third_party_copy"])
    total = len(m.sources)
    en = (
        f"The evidence cites {m.cited} of the {total} registered sources. "
        f"{copies} sources were read only through a third party's copy (a scrape, a mirror, a "
        f"reprint), {primary_copies} of them primary records: the record is the depositary's or "
        "the organisation's own, but the project saw it in someone else's copy, named in the "
        "references. "
        + (f"Registered but cited by no evidence, disagreement or imported row: "
           f"{', '.join(escape(s) for s in m.uncited)}." if m.uncited
           else "Every registered source backs at least one value, a recorded disagreement or "
                "an imported row.")
    )
    registered = plural(total, ("", ""), ("зарегистрированного источника",
                                          "зарегистрированных источников",
                                          "зарегистрированных источников"), "ru")
    records = plural(primary_copies, ("", ""), ("первичная запись", "первичные записи",
                                                "первичных записей"), "ru")
    ru = (
        f"Подтверждения ссылаются на {RU.number(m.cited)} из {RU.number(total)} {registered}. "
        f"{RU.count(copies, 'source')} {agree(copies, 'прочитан', 'прочитаны')} только в копии "
        f"третьей стороны (выгрузке, зеркале, перепечатке), в том числе "
        f"{RU.number(primary_copies)} {records}: сама запись принадлежит депозитарию или "
        "организации, но проект видел ее в чужой копии, которая указана в списке источников. "
        + (f"Зарегистрированы, но не упоминаются ни в подтверждениях, ни в расхождениях, ни в "
           f"импортированных строках: {', '.join(escape(s) for s in m.uncited)}." if m.uncited
           else "Каждый зарегистрированный источник подкрепляет хотя бы одно значение, "
                "записанное расхождение или импортированную строку.")
    )
    return Text(en, ru)


def support_paragraph(m: Methods) -> Text:
    s = m.shares
    en = (
        f"The tables hold {s['facts']} dated, counted or status values with evidence rows. "
        f"{s['primary']} of them ({s['primary_share']:.0%}) are confirmed by a primary record; "
        f"{s['primary_through_copies']} of those rest on primary records read only through "
        f"third-party copies. {s['weak_only']} ({s['weak_only_share']:.1%}) rest only on "
        f"reference works or copies; {s['unverified']} ({s['unverified_share']:.1%}) are "
        "unverified. The contracting parties of every treaty are backed as a whole by the dated "
        "WIPO Lex copy they were imported from (data/snapshots/wipo_lex.json)."
    )
    primary, through = s["primary"], s["primary_through_copies"]
    weak, unverified = s["weak_only"], s["unverified"]
    ru = (
        f"Таблицы содержат {RU.count(s['facts'], 'value')} с подтверждениями — даты, числа и "
        f"статусы. {RU.count(primary, 'value')} ({RU.percent(s['primary_share'])}) "
        f"{agree(primary, 'подтверждено', 'подтверждены')} первичной записью; из них "
        f"{RU.number(through)} {agree(through, 'опирается', 'опираются')} на первичные записи, "
        f"прочитанные только в копиях третьих сторон. {RU.count(weak, 'value')} "
        f"({RU.percent(s['weak_only_share'], 1)}) {agree(weak, 'опирается', 'опираются')} "
        f"только на справочные издания или копии; {RU.count(unverified, 'value')} "
        f"({RU.percent(s['unverified_share'], 1)}) не "
        f"{agree(unverified, 'подтверждено', 'подтверждены')}. Договаривающиеся стороны "
        "каждого договора подтверждены целиком датированной копией WIPO Lex, из которой они "
        "импортированы (data/snapshots/wipo_lex.json)."
    )
    return Text(en, ru)


def single_source_sentence(m: Methods) -> Text:
    if not len(m.single):
        return Text("Every confirmed value rests on a primary record or on two sources.",
                    "Каждое подтвержденное значение опирается на первичную запись или на два "
                    "источника.")
    n = len(m.single)
    return Text(
        f"{n} values are confirmed by a single source that is not a primary "
        "record; they are listed below, so that a reader knows which facts rest on one "
        "official page, one news report or one reference work.",
        f"{RU.count(n, 'value')} {agree(n, 'подтверждено', 'подтверждены')} единственным "
        "источником, который не является первичной записью; их список приведен ниже, чтобы "
        "читатель знал, какие факты держатся на одной официальной странице, одном сообщении "
        "СМИ или одном справочном издании.")


def same_facts_sentence(m: Methods) -> Text:
    facts = plural(m.same_facts, ("", ""), ("факт", "факта", "фактов"), "ru")
    dates = plural(m.shared_memberships, ("", ""), ("дата членства", "даты членства",
                                                    "дат членства"), "ru")
    return Text(
        f"{m.same_facts} facts are declared in two places in `same_facts`, and "
        f"{m.shared_memberships} membership dates are shared by the two WTO tables; all of "
        "them agree.",
        f"{RU.number(m.same_facts)} {facts} {agree(m.same_facts, 'объявлен', 'объявлены')} в "
        f"`same_facts` как записанные в двух местах, а еще {RU.number(m.shared_memberships)} "
        f"{dates} {agree(m.shared_memberships, 'содержится', 'содержатся')} в обеих таблицах "
        "ВТО; все они совпадают.")


# --- the chapter's tables: the English as it has always been, the Russian beside it ----------

#: Column headers of the tables the chapter shows, in Russian.
HEADERS_RU = {
    "table": "таблица", "rows in": "строк на входе", "rows out": "строк на выходе",
    "changes made": "изменения", "rows": "строк", "what it holds": "что содержит",
    "tier": "уровень", "sources": "источников", "best source": "лучший источник",
    "facts": "значений", "row_key": "ключ строки", "column": "столбец", "value": "значение",
    "reason": "причина", "best_tier": "лучший уровень", "type": "тип",
    "required": "обязательный", "definition": "определение",
    "Topic": "Тема", "Where in the data": "Где в данных",
    "What the sources say": "Что говорят источники", "Value used": "Принятое значение",
    "Why": "Почему",
    **{label.replace("_", " "): russian for label, russian in READ_AS_RU.items()},
}


def _russian(english: pd.DataFrame, columns: dict[str, object]) -> Table:
    """The table in both languages: the Russian frame has the English frame's rows and
    columns, its headers from HEADERS_RU, its cells as given (else the English cells)."""
    russian = pd.DataFrame({HEADERS_RU[c]: columns.get(c, english[c]) for c in english.columns})
    return translated(english, russian.set_axis(english.index))


def quality_table(m: Methods) -> Table:
    return _russian(m.quality, {"changes made": [change or "нет" for change in m.changes_ru]})


def quality_caption() -> Text:
    return Text("Rows in and out of cleaning, per table",
                "Строки до и после очистки, по таблицам")


def holdings_table(m: Methods) -> Table:
    return _russian(m.holdings, {"what it holds": m.holdings_ru})


def holdings_caption() -> Text:
    return Text("The clean tables in data/processed/", "Очищенные таблицы в data/processed/")


def tier_table(m: Methods) -> Table:
    """Sources by what they are (tier) and how the project read them."""
    out = m.tiers.copy()
    out.columns = [c.replace("_", " ") for c in out.columns]
    out.insert(0, "sources", m.tiers.sum(axis=1))
    out = out.rename_axis("tier").reset_index()
    return _russian(out, {"tier": out["tier"].map(TIERS_RU)})


def tier_caption() -> Text:
    return Text("Sources by tier and by how they were read",
                "Источники по уровню и по тому, как они прочитаны")


def support_table(m: Methods) -> Table:
    """Values by the best tier that confirms them; the unverified apart."""
    labels = {**TIERS_RU, "unverified": VERDICTS_RU["unverified"]}
    return _russian(m.by_tier, {"best source": m.by_tier["best source"].map(labels)})


def support_caption() -> Text:
    return Text("Values by the best tier of source that confirms them, and how it was read",
                "Значения по лучшему уровню подтверждающего источника и по тому, как он "
                "прочитан")


def unverified_table(m: Methods) -> Table:
    """Values no source in reach confirms: the value in Russian where its table holds one;
    the reason is the evidence's note, kept as the data has it."""
    return _russian(m.unverified, {"value": m.unverified_values_ru})


def unverified_caption() -> Text:
    return Text("Values no source in reach confirms, and why they stay",
                "Значения, которые не подтверждает ни один доступный источник, и почему они "
                "остаются")


def single_table(m: Methods) -> Table:
    return _russian(m.single, {"value": m.single_values_ru,
                               "best_tier": m.single["best_tier"].map(TIERS_RU)})


def single_caption() -> Text:
    return Text("Values confirmed by one source that is not a primary record",
                "Значения, подтвержденные одним источником, который не является первичной "
                "записью")


def discrepancy_table(m: Methods) -> Table:
    """One line per disagreement for readers: where it sits, each source's claim, the decision.
    A claim is what its source says, in the source's words, in both editions."""
    claims = m.discrepancies
    rows = []
    for _, group in claims.groupby("discrepancy_id", sort=True):
        first = group.iloc[0]
        rows.append({
            "Topic": first["topic"],
            "Where in the data": f"{first['table']} › {first['row_key']} › {first['column']}",
            "What the sources say": "; ".join(
                f"{claim} [{source}]" for claim, source in zip(group["claim"], group["source_id"],
                                                               strict=True)),
            "Value used": first["value_used"],
            "Why": first["reason"],
            "topic_ru": first["topic_ru"], "reason_ru": first["reason_ru"],
        })
    both = pd.DataFrame(rows, columns=["Topic", "Where in the data", "What the sources say",
                                       "Value used", "Why", "topic_ru", "reason_ru"])
    english = both.drop(columns=["topic_ru", "reason_ru"])
    return _russian(english, {"Topic": both["topic_ru"], "Why": both["reason_ru"]})


def discrepancy_caption() -> Text:
    return Text("Where sources disagree, and the value this report uses",
                "Расхождения источников и значение, принятое в докладе")


def dictionary_table(m: Methods) -> Table:
    return _russian(m.dictionary, {c: m.dictionary_ru[c] for c in m.dictionary.columns})


def dictionary_caption() -> Text:
    return Text("Data dictionary", "Словарь данных")
