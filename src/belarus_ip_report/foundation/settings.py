"""Project settings that outputs depend on. Never the clock: two builds must be identical."""

from datetime import date

#: The date the curated data was last checked against its sources; the report says "as of"
#: this date, and open-ended spans (Belarus's WTO accession) run up to it.
AS_OF = date(2026, 12, 4)

REPORT_TITLE = "Belarus in the international intellectual-property and trade system"

#: The version of the report and its data package (pyproject.toml reads it from here).
VERSION = "1.1.0"
