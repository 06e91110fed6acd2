"""Chapter 3: Belarus–Russia cooperation on IP and Belarus's own IP law (model, charts, words)."""
