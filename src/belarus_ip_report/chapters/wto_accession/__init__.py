"""Chapter 2: Belarus's accession to the WTO, compared with every other: `model` (every number,
computed once), `charts` (and `timeline`), and in English and Russian `words` (sentences), `alt`
(alt text), `tables`, `chartwords` (words on charts), `lanes` (its categories); `russian` holds
the Russian cases and plurals they share."""

#: The clean tables this chapter reads, declared once: its loader reads these, the build
#: re-runs the chapter when one of them changes, and its notebook's header lists them.
TABLES = ("wto_accession_milestones", "wto_members", "wto_accessions", "key_figures", "sources",
          "discrepancies")

#: The government whose accession the chapter follows.
GOVERNMENT = "Belarus"
