"""Curated data: how columns are declared, the schemas and vocabularies, reading the raw CSVs,
checking and cleaning them, checks across tables, and how well each value is supported.
Imports only the foundation."""
