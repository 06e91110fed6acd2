"""Chapter 2: Belarus's accession to the WTO, compared with every other (model, charts, words)."""
