"""Chapter 3: Belarus–Russia cooperation on IP and Belarus's own IP law: `model` (every number,
computed once), `charts`, `words` (sentences, alt text), `tables` (its tables for readers),
`kinds` (its categories); words and tables in English and Russian."""

#: The clean tables this chapter reads, declared once: its loader reads these, the build
#: re-runs the chapter when one of them changes, and its notebook's header lists them.
TABLES = ("belarus_russia_ip", "belarus_ip_instruments", "context_events", "key_figures",
          "sources",
          "discrepancies")
