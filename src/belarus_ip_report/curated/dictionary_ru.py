"""The data dictionary's Russian: each table's and each column's wording beside its English.

The English is declared once in `schemas` (and composed there by the column builders of
`columns`: a category's allowed values, a date's ISO note, a Russian companion's sentence);
here each English wording has its Russian, keyed by that English, so that an English wording
changed without its Russian stops the build (`dictionary.definition(column, "ru")` says which)
instead of showing an old translation. The data files (data/README.md, datapackage.json) stay
in English; the Russian edition's methods chapter shows these.
"""

from __future__ import annotations

#: Each table's description (`TableSpec.description`), in Russian.
TABLES_RU = {
    "Every source the data cites: the five source documents and the public records used to "
    "check and complete them, each with its tier.":
        "Все источники, на которые ссылаются данные: пять исходных документов и открытые "
        "записи, по которым их проверяли и дополняли; у каждого указан уровень.",
    "Every treaty administered by WIPO, with its dates and Belarus's status (its contracting "
    "parties are in `treaty_parties`; every count is computed from those dated rows).":
        "Все договоры, административные функции которых выполняет ВОИС, с их датами и "
        "статусом Беларуси (Договаривающиеся стороны — в `treaty_parties`; все подсчеты "
        "ведутся по этим датированным строкам).",
    "Milestones of Belarus's cooperation with WIPO.":
        "Вехи сотрудничества Беларуси с ВОИС.",
    "Dated steps of Belarus's accession to the WTO (and, before 1995, to the GATT).":
        "Датированные этапы присоединения Беларуси к ВТО (а до 1995\u202fг. — к ГАТТ).",
    "Every WTO member and the date it became one.":
        "Все члены ВТО и даты вступления каждого из них.",
    "Accessions to the WTO since 1995 and those still open: application to membership.":
        "Присоединения к ВТО с 1995\u202fг., завершенные и незавершенные: от заявки до членства.",
    "Belarus–Russia instruments on intellectual property, with the integration treaties as "
    "context.":
        "Документы Беларуси и России в сфере интеллектуальной собственности; интеграционные "
        "договоры — как контекст.",
    "Belarus's own IP legislation since 2022 and the regional (Eurasian) IP instruments it "
    "joined.":
        "Законодательство Беларуси об интеллектуальной собственности с 2022\u202fг. и региональные "
        "(евразийские) документы в этой сфере, к которым она присоединилась.",
    "Dated facts about the organisations themselves that the chapters use as context.":
        "Датированные факты о самих организациях, которые главы приводят как контекст.",
    "Counted facts that the sources state (members, treaties, meetings...), as of their date.":
        "Числа, которые называют источники (члены, договоры, заседания…), на указанную в "
        "них дату.",
    "Every contracting party of every treaty WIPO administers, one row per treaty and party, "
    "with its instrument and dates as the depositary's record gives them. Imported by a script "
    "from a dated copy of WIPO Lex (data/snapshots/wipo_lex.json names the copy, its date and "
    "checksums), never typed by hand; the snapshot's sources back the whole table.":
        "Все Договаривающиеся стороны каждого договора, административные функции которого "
        "выполняет ВОИС, по строке на договор и сторону, с документом и датами, как их дает "
        "запись депозитария. Импортируется скриптом из датированной копии WIPO Lex "
        "(data/snapshots/wipo_lex.json называет копию, ее дату и контрольные суммы) и никогда "
        "не вводится вручную; источники этой копии подтверждают всю таблицу.",
    "One row per value and source: which table, row and column, which source states the "
    "value, and where in the source it stands.":
        "По строке на значение и источник: какая таблица, строка и столбец, какой источник "
        "называет значение и где именно в источнике оно стоит.",
    "Where sources disagree: one row per claim, naming the table, row and column concerned, "
    "with the value the report uses and why.":
        "Расхождения источников: по строке на утверждение, с таблицей, строкой и столбцом, "
        "к которым оно относится, значением, принятым в докладе, и причиной выбора.",
    "The official Russian names of the treaties, bodies and terms the report uses, each with "
    "the sources that state it; a name no source in reach states is marked as the usual "
    "rendering. The Russian names of `wipo_treaties` agree with the rows "
    "'treaty:<treaty_id>'.":
        "Официальные русские названия договоров, органов и терминов, которые использует "
        "доклад, с источниками, где они приводятся; название, которого нет ни в одном "
        "доступном источнике, помечено как обычный вариант перевода. Русские названия в "
        "`wipo_treaties` совпадают со строками «treaty:<treaty_id>».",
    "Facts that stand in two tables: the build checks that both places hold the same value.":
        "Факты, записанные в двух таблицах: сборка проверяет, что в обоих местах значение "
        "одно и то же.",
}

#: Each column's wording as declared (before the builders add allowed values or a date's
#: ISO note), in Russian.
COLUMNS_RU = {
    # russian_terms
    "Stable id of the term: its kind (treaty, body, wto, wipo, field, group) and a short id; "
    "'treaty:<treaty_id>' for a treaty of `wipo_treaties`.":
        "Постоянный идентификатор термина: его вид и краткий идентификатор через двоеточие; "
        "для договора из `wipo_treaties` — «treaty:<treaty_id>».",
    "The term in English, as the report writes it.":
        "Термин на английском, как его пишет доклад.",
    "The official Russian name or term, in the nominative (the full name of a treaty or body).":
        "Официальное русское название или термин в именительном падеже (полное название "
        "договора или органа).",
    "Its short form or abbreviation in Russian, where it has one.":
        "Его краткая форма или сокращение на русском, если они есть.",
    "The sources that state the Russian: ids from the `sources` table, separated by ';', "
    "exactly those of the term's rows in `evidence`; empty where no record was found.":
        "Источники, где приводится русское название: идентификаторы из таблицы `sources` "
        "через ';', ровно те же, что в строках термина в `evidence`; пусто, если запись не "
        "найдена.",
    # sources
    "Readable stable id that fact and evidence rows cite.":
        "Читаемый постоянный идентификатор, на который ссылаются строки фактов и "
        "подтверждений.",
    "Title of the page or document, as it stands there.":
        "Заглавие страницы или документа в том виде, в каком оно там дано.",
    "Organisation that published the original.": "Организация, опубликовавшая оригинал.",
    "Publication date, where the source shows one.":
        "Дата публикации, если источник ее указывает.",
    "Address of the original, where known.": "Адрес оригинала, если он известен.",
    "Address of the copy the project read, where the original could not be read itself.":
        "Адрес копии, по которой проект читал источник, если сам оригинал прочитать не удалось.",
    "Date of that copy (its snapshot or crawl date).":
        "Дата этой копии (дата снимка или обхода).",
    "How the project read it, apart from what it is: at the original address, in a web "
    "archive's copy of the original, or only through a third party's copy (a scrape, a mirror, "
    "a reprint); copy_url names the copy.":
        "Как проект прочитал источник (независимо от того, что он собой представляет): по "
        "адресу оригинала, в копии веб-архива или только в копии третьей стороны (выгрузка, "
        "зеркало, перепечатка); copy_url указывает копию.",
    "Date the project read it.": "Дата, когда проект прочитал источник.",
    "How far the source can be trusted, best first: primary (the depositary's or "
    "organisation's own record), official (a government or agency page), press, reference "
    "(encyclopaedias, databases), copy (a mirror or scrape of another page).":
        "Насколько можно доверять источнику, от лучшего: primary (собственная запись "
        "депозитария или организации), official (страница правительства или ведомства), "
        "press (СМИ), reference (энциклопедии, базы данных), copy (зеркало или выгрузка "
        "другой страницы).",
    "What sort of document it is.": "Вид документа.",
    "Free-text remarks: caveats, how a value was derived.":
        "Примечания в свободной форме: оговорки, как получено значение.",
    # wipo_treaties
    "Short stable id of the treaty.": "Краткий постоянный идентификатор договора.",
    "Name the report uses.": "Название, которое использует доклад.",
    "Official name.": "Официальное название.",
    "Area of IP law.": "Область права интеллектуальной собственности.",
    "WIPO's own grouping of the treaties it administers.":
        "Группа, к которой ВОИС сама относит договор.",
    "Date the treaty was adopted; empty where no source gives it.":
        "Дата принятия договора; пусто, если ни один источник ее не дает.",
    "Date it entered into force; empty if not yet.":
        "Дата вступления в силу; пусто, если договор еще не вступил в силу.",
    "Belarus's relation to the treaty ('unverified': no source seen lists Belarus as a party, "
    "but none lists the parties in full either).":
        "Отношение Беларуси к договору ('unverified': ни один просмотренный источник не "
        "называет Беларусь участником, но и полного списка участников ни один не дает).",
    "Kind of instrument Belarus used.": "Вид документа, которым воспользовалась Беларусь.",
    "Date Belarus deposited its instrument.":
        "Дата сдачи Беларусью своего документа на хранение.",
    "Date the treaty entered into force for Belarus.":
        "Дата вступления договора в силу для Беларуси.",
    "The source(s) of the row: ids from the `sources` table, separated by ';'.":
        "Источник (или источники) строки: идентификаторы из таблицы `sources` через ';'.",
    # belarus_wipo_events
    "Short stable id of the event.": "Краткий постоянный идентификатор события.",
    "Date of the event (first day where it spans several).":
        "Дата события (первый день, если оно длилось несколько дней).",
    "Last day, for events that span several days.":
        "Последний день, для событий длительностью в несколько дней.",
    "Kind of event.": "Вид события.",
    "What happened, in the project's words.": "Что произошло, в изложении авторов доклада.",
    # wto_accession_milestones
    "Short stable id of the milestone.": "Краткий постоянный идентификатор этапа.",
    "Date of the milestone (first day where it spans several).":
        "Дата этапа (первый день, если он длился несколько дней).",
    "Last day, for milestones that span several days.":
        "Последний день, для этапов длительностью в несколько дней.",
    "Lane of the accession story.":
        "Категория этапа: ряд, в котором он показан на хронологии присоединения.",
    "Number of the working-party meeting, for meetings.":
        "Номер заседания Рабочей группы (для заседаний).",
    "A few words the accession timeline writes beside the milestone (empty for most).":
        "Краткая подпись к этапу на хронологии присоединения (у большинства этапов "
        "пусто).",
    # wto_members, wto_accessions
    "Member's name as the WTO lists it.": "Название члена, как его дает список ВТО.",
    "Date of WTO membership; empty where no source the project saw gives it.":
        "Дата вступления в ВТО; пусто, если ни один просмотренный источник ее не дает.",
    "Original member, or joined by accession (Article XII); checked against wto_accessions: "
    "'accession' exactly for the governments that table lists as members.":
        "Первоначальный член или вступивший путем присоединения (статья XII); сверяется с "
        "wto_accessions: 'accession' — ровно у тех правительств, которые эта таблица называет "
        "членами.",
    "Acceding government.": "Присоединяющееся правительство.",
    "Date the application for accession was made; empty where no source gives it.":
        "Дата подачи заявки на присоединение; пусто, если ни один источник ее не дает.",
    "Date the working party was set up.": "Дата создания рабочей группы.",
    "Date of WTO membership; empty while still acceding.":
        "Дата вступления в ВТО; пусто, пока присоединение продолжается.",
    "Whether the accession is complete.": "Завершено ли присоединение.",
    # belarus_russia_ip, belarus_ip_instruments
    "Short stable id of the instrument.": "Краткий постоянный идентификатор документа.",
    "Date signed (or approved, where that is all the source gives).":
        "Дата подписания (или одобрения, если источник дает только ее).",
    "Name of the instrument, in English.": "Название документа на английском языке.",
    "The instrument in a few words, as the chart labels it.":
        "Краткое название документа, которым он подписан на диаграмме.",
    "Who concluded it.": "Кто заключил документ.",
    "Kind of instrument.": "Вид документа.",
    "What it is about, in the project's words.": "О чем документ, в изложении авторов доклада.",
    "Date adopted or signed.": "Дата принятия или подписания.",
    "Date it took effect for Belarus, where a source gives it.":
        "Дата вступления в силу для Беларуси, если источник ее дает.",
    "Whose instrument it is.": "Чей это документ.",
    "What it does, in the project's words.": "Что документ делает, в изложении авторов доклада.",
    # context_events
    "Date of the event.": "Дата события.",
    "Organisation concerned.": "Организация, к которой относится событие.",
    # key_figures
    "Short stable id of the figure.": "Краткий постоянный идентификатор числа.",
    "The number the source states.": "Число, которое называет источник.",
    "Whether the source gives the number exactly or as a bound.":
        "Дает ли источник число точно или как границу.",
    "What is counted.": "Что считается.",
    "Date the figure refers to.": "Дата, к которой относится число.",
    "The figure in a sentence, in the project's words.":
        "Число в одном предложении, в изложении авторов доклада.",
    "What the figure counts, where the tables hold it as dated rows: the report then compares "
    "the stated figure with the count computed on its date, and never states it in its own "
    "voice.":
        "Что считает число, если таблицы хранят это как датированные строки: тогда доклад "
        "сравнивает названное число с подсчетом на его дату и никогда не называет его от "
        "своего имени.",
    # treaty_parties
    "The treaty (an id from `wipo_treaties`).":
        "Договор (идентификатор из `wipo_treaties`).",
    "The contracting party, as WIPO Lex names it.":
        "Договаривающаяся сторона, как ее называет WIPO Lex.",
    "Date the party signed the treaty, where it did.":
        "Дата подписания договора стороной, если она его подписала.",
    "Instrument by which the party joined, as the record names it; empty for a signature only, "
    "or where the record gives an entry into force without an instrument.":
        "Документ, которым сторона стала участником, как его называет запись; пусто при одном "
        "лишь подписании или если запись дает вступление в силу без документа.",
    "Date the instrument was deposited (or the declaration made).":
        "Дата сдачи документа на хранение (или подачи заявления).",
    "Date the treaty entered into force for the party; empty if it has not (a signature only).":
        "Дата вступления договора в силу для стороны; пусто, если он не вступил (только "
        "подписание).",
    "Date the party notified its denunciation, where it did.":
        "Дата уведомления стороной о денонсации, если оно было.",
    "Date the denunciation took effect.": "Дата, когда денонсация вступила в силу.",
    "The record the row was read from (an id from `sources`).":
        "Запись, из которой прочитана строка (идентификатор из `sources`).",
    # evidence, discrepancies, same_facts
    "The fact table the row is about.": "Таблица фактов, к которой относится строка.",
    "The table the row is about: a fact table, or russian_terms.":
        "Таблица, к которой относится строка: таблица фактов или russian_terms.",
    "Key of the row in that table.": "Ключ строки в этой таблице.",
    "Column of the value.": "Столбец значения.",
    "The value as the table holds it; the build checks that they agree.":
        "Значение в том виде, в каком его хранит таблица; сборка проверяет, что они совпадают.",
    "The source that states the value (an id from `sources`).":
        "Источник, который называет значение (идентификатор из `sources`).",
    "Where in the source the value stands: section, table row, paragraph.":
        "Где в источнике стоит значение: раздел, строка таблицы, абзац.",
    "A short quote, in the source's language, where it helps.":
        "Краткая цитата на языке источника, если она полезна.",
    "confirmed: the source states the value; partial: it states part of it (the year of a "
    "day, say); unverified: the source claims it but no better source in reach confirms it.":
        "confirmed: источник называет значение; partial: называет его часть (например, год "
        "вместо дня); unverified: источник это утверждает, но ни один доступный более надежный "
        "источник не подтверждает.",
    "Short stable id, shared by the claims of one disagreement.":
        "Краткий постоянный идентификатор, общий для утверждений одного расхождения.",
    "What the sources disagree about.": "В чем расходятся источники.",
    "Key of the row concerned.": "Ключ строки, о которой идет речь.",
    "Column concerned.": "Столбец, о котором идет речь.",
    "What this source says.": "Что говорит этот источник.",
    "The source making the claim (an id from `sources`).":
        "Источник утверждения (идентификатор из `sources`).",
    "Where in the source the claim stands.": "Где в источнике стоит утверждение.",
    "The value the report uses (the same on every claim of the disagreement).":
        "Значение, принятое в докладе (одно и то же у всех утверждений расхождения).",
    "Why that value (the same on every claim of the disagreement), for readers.":
        "Почему выбрано это значение (одно и то же у всех утверждений расхождения), для "
        "читателей.",
    "For maintainers only (what to check next): never shown in the report.":
        "Только для сопровождающих (что проверить дальше): в докладе не показывается.",
    "Key of the row in the first table.": "Ключ строки в первой таблице.",
    "Column in the first table.": "Столбец в первой таблице.",
    "Key of the row in the second table.": "Ключ строки во второй таблице.",
    "Column in the second table.": "Столбец во второй таблице.",
    # what a Russian companion adds to its sentence (`reader_text(..., russian=...)`)
    "The import takes it from data/raw/party_names_ru.csv.":
        "Импорт берет его из data/raw/party_names_ru.csv.",
}
