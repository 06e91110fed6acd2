"""Chapter 1: the treaty system WIPO administers and Belarus's place in it: `model` (every
number on one date, computed once), `system` and `belarus` (its computations), `charts`,
`words` (sentences, alt text, tables), `fields` (its categories)."""

#: The clean tables this chapter reads, declared once: its loader reads these, the build
#: re-runs the chapter when one of them changes, and its notebook's header lists them.
TABLES = ("wipo_treaties", "treaty_parties", "belarus_wipo_events", "key_figures", "sources",
          "discrepancies")
