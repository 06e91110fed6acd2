"""Chapter 1: the treaty system WIPO administers and Belarus's place in it (model, charts,
words)."""
