"""The overview: key findings and the three stories on one time line, from the chapters' own
models (`model` builds them once, on one date), with `charts`, `findings` (the key findings)
and `words`, in English and Russian."""

from belarus_ip_report.chapters import belarus_russia_ip, wipo_treaties, wto_accession

#: The clean tables the overview reads: every chapter's, and the disagreements it lists.
TABLES = tuple(dict.fromkeys([*wipo_treaties.TABLES, *wto_accession.TABLES,
                              *belarus_russia_ip.TABLES, "discrepancies"]))
