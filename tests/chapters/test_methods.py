"""The methods chapter in both languages: every passage and table the notebook shows has its
Russian, states the same numbers, counts nouns right, and leaves no English word in the Russian
except names and the data's own identifiers; the data dictionary's Russian covers every column."""

import re
from dataclasses import replace

import pandas as pd
import pytest

from belarus_ip_report.chapters.language import RU, Table, Text
from belarus_ip_report.chapters.methods import model, words
from belarus_ip_report.curated import dictionary, labels_ru, tables, vocabularies
from belarus_ip_report.curated.dictionary_ru import COLUMNS_RU, TABLES_RU
from belarus_ip_report.curated.schemas import TABLES

PASSAGES = ("cleaning_paragraph", "sources_paragraph", "support_paragraph",
            "single_source_sentence", "same_facts_sentence")
TABLE_WORDS = ("quality", "holdings", "tier", "support", "unverified", "single", "discrepancy",
               "dictionary")

#: Latin-script words a Russian passage may hold: names with no Russian form.
NAMES = {"WIPO", "Lex", "ISO"}


@pytest.fixture(scope="module")
def methods() -> model.Methods:
    return model.build(tables.load_clean_tables())


def latin_words(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """The Latin-script words of a Russian text, leaving out code (`...`), paths and file
    names, escaped characters (&#46;), Roman numerals (статья XII), names and the data's
    identifiers."""
    text = re.sub(r"`[^`]*`|&#\d+;|\S*[/._]\S*", " ", text)
    return [w for w in re.findall(r"[A-Za-z]+", text)
            if w not in NAMES | allowed and not re.fullmatch(r"[IVXLC]+", w)]


def digits(text: str) -> str:
    return "".join(re.findall(r"\d", text))


def identifiers() -> set[str]:
    """Table and column names and category values: the data's own words, kept in Russian."""
    names = {spec.name for spec in TABLES} | {c for spec in TABLES for c in spec.columns}
    values = {v for spec in TABLES for column in spec.columns.values()
              for rule in column.rules if rule.kind == "isin" for v in rule.value}
    return {part for word in names | values | set(dictionary.PRECISIONS)
            for part in re.split(r"[_ ]", word)}


@pytest.mark.parametrize("name", PASSAGES)
def test_every_passage_has_russian_with_the_same_numbers(methods, name):
    text = getattr(words, name)(methods)
    assert isinstance(text, Text)
    assert re.search(r"[а-яё]", text.ru)
    assert digits(text.en) == digits(text.ru)
    assert latin_words(text.ru) == []


@pytest.mark.parametrize("name", TABLE_WORDS)
def test_every_table_has_russian_headers_and_a_caption_in_both(methods, name):
    table = getattr(words, f"{name}_table")(methods)
    caption = getattr(words, f"{name}_caption")()
    assert isinstance(table, Table) and isinstance(caption, Text)
    assert table.ru.shape == table.en.shape
    assert latin_words(caption.ru) == []
    for header in table.ru.columns:
        assert re.search(r"[а-я]", header) and latin_words(header) == []
    numbers = [c for c in table.en.columns if table.en[c].dtype.kind in "iu"]
    for column in numbers:  # counts stay numbers, in the same places
        assert table.ru[table.ru.columns[list(table.en.columns).index(column)]].tolist() == \
            table.en[column].tolist()


def test_category_cells_are_in_russian(methods):
    for table, column in [(words.tier_table(methods), "уровень"),
                          (words.support_table(methods), "лучший источник"),
                          (words.single_table(methods), "лучший уровень")]:
        assert all(re.search(r"[а-яА-Я]", cell) for cell in table.ru[column])
    dictionary_ru = words.dictionary_table(methods).ru
    assert set(dictionary_ru["обязательный"]) == {"да", "нет"}
    assert set(dictionary_ru["тип"]) <= set(dictionary.TYPES_RU.values())
    assert set(words.quality_table(methods).ru["изменения"]) == {"нет"}


def test_the_english_tables_are_the_model_as_before(methods):
    assert words.quality_table(methods).en is methods.quality
    assert words.holdings_table(methods).en is methods.holdings
    assert words.support_table(methods).en is methods.by_tier
    assert words.dictionary_table(methods).en is methods.dictionary


def test_a_value_shows_its_russian_where_its_table_holds_one(methods):
    single = words.single_table(methods)
    titles = single.en["column"].isin(["title", "parties", "description"])
    assert titles.any()
    assert all(re.search(r"[а-я]", v) for v in single.ru.loc[titles, "значение"])
    dates = single.en["column"] == "date"
    assert (single.ru.loc[dates, "значение"] == single.en.loc[dates, "value"]).all()


@pytest.mark.parametrize(("count", "fact", "verb"), [
    (1, "1 факт", "объявлен"), (2, "2 факта", "объявлены"), (5, "5 фактов", "объявлены"),
    (21, "21 факт", "объявлен")])
def test_counted_facts_agree_in_russian(methods, count, fact, verb):
    text = words.same_facts_sentence(replace(methods, same_facts=count,
                                             shared_memberships=count))
    assert text.ru.startswith(f"{fact} {verb} ")
    assert {1: "дата членства содержится", 2: "даты членства содержатся",
            5: "дат членства содержатся", 21: "дата членства содержится"}[count] in text.ru


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 значение подтверждено"), (2, "2 значения подтверждены"),
    (5, "5 значений подтверждены"), (21, "21 значение подтверждено")])
def test_single_source_values_are_counted_in_russian(methods, count, expected):
    single = pd.concat([methods.single] * 30).head(count)
    text = words.single_source_sentence(replace(methods, single=single))
    assert text.ru.startswith(expected)
    assert text.en.startswith(f"{count} values")


@pytest.mark.parametrize(("copies", "expected"), [
    (1, "1 источник прочитан"), (2, "2 источника прочитаны"), (5, "5 источников прочитаны"),
    (21, "21 источник прочитан")])
def test_sources_read_through_copies_are_counted_in_russian(methods, copies, expected):
    tiers = methods.tiers.copy()
    tiers["third_party_copy"] = 0
    tiers.loc["primary", "third_party_copy"] = copies
    text = words.sources_paragraph(replace(methods, tiers=tiers))
    assert expected in text.ru
    assert digits(text.en) == digits(text.ru)


def test_a_percentage_keeps_its_decimals_in_russian():
    assert RU.percent(0.68) == "68\u00a0%"
    assert RU.percent(0.0059, 1) == "0,6\u00a0%"


def test_the_data_dictionary_has_a_russian_line_for_every_english_line():
    english, russian = dictionary.data_dictionary(), dictionary.data_dictionary("ru")
    assert [(r["table"], r["column"]) for r in english] == [
        (r["table"], r["column"]) for r in russian]
    allowed = identifiers() | {"earliest", "latest", "precision", "ru", "raw"}
    for line in russian:
        assert re.search(r"[а-я]", line["definition"]), line
        assert latin_words(line["definition"], allowed) == [], line
    assert all(dictionary.table_description(spec, "ru") for spec in TABLES)


def test_no_russian_wording_is_left_without_its_english():
    used = {spec.description for spec in TABLES}
    assert set(TABLES_RU) == used
    english = {re.sub(r" One of: .*\.$| ISO 8601 date.*$", "", column.description)
               for spec in TABLES for column in spec.columns.values()}
    extra = {"The import takes it from data/raw/party_names_ru.csv."}
    assert set(COLUMNS_RU) - english - extra == set()


def test_a_changed_english_wording_stops_the_russian_dictionary():
    column = replace(TABLES[0].columns["title"], description="A wording nobody translated.")
    with pytest.raises(ValueError, match="dictionary_ru.py"):
        dictionary.definition(column, "ru")


def test_the_labels_cover_every_value_of_their_vocabulary():
    assert tuple(labels_ru.TIERS_RU) == vocabularies.SOURCE_TIERS
    assert tuple(labels_ru.READ_AS_RU) == vocabularies.READ_AS
    assert tuple(labels_ru.READ_WORDS_RU) == vocabularies.READ_AS
    assert tuple(labels_ru.VERDICTS_RU) == vocabularies.EVIDENCE_VERDICTS
    for labels in (labels_ru.TIERS_RU, labels_ru.READ_AS_RU, labels_ru.READ_WORDS_RU,
                   labels_ru.VERDICTS_RU):
        assert all(latin_words(label) == [] for label in labels.values())


def test_cleaning_says_each_change_in_both_languages(raw):
    members = raw / "wto_members.csv"
    lines = members.read_text(encoding="utf-8").splitlines()
    members.write_bytes(b"\xef\xbb\xbf" + "\n".join([*lines[:5], "", *lines[5:]]).encode()
                        + b"\n")
    table = tables.load_clean_tables(raw)["wto_members"]
    assert table.changes == ["removed a UTF-8 byte-order mark at the start of the file",
                             "skipped 1 blank line(s)"]
    assert table.changes_ru == ["удалена метка порядка байтов UTF-8 в начале файла",
                                "пропущено пустых строк: 1"]
    built = model.build(tables.load_clean_tables(raw))
    quality = words.quality_table(built)
    row = list(built.quality["table"]).index("wto_members")
    assert quality.ru.iloc[row]["изменения"] == "; ".join(table.changes_ru)
    assert quality.en.iloc[row]["changes made"] == "; ".join(table.changes)
