"""Chapter 1: the treaty system WIPO administers and Belarus's place in it: `model` (every
number on one date, computed once), `system` and `belarus` (its computations), `charts` and
`reach_charts`, `words` and `words_belarus` (sentences and captions), `alt_text`,
`reader_tables`, `fields` (its categories) and `names` (Russian names from the data), each
writing English and Russian."""

#: The clean tables this chapter reads, declared once: its loader reads these, the build
#: re-runs the chapter when one of them changes, and its notebook's header lists them.
TABLES = ("wipo_treaties", "treaty_parties", "belarus_wipo_events", "key_figures", "sources",
          "discrepancies")
