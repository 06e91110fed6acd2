"""The methods chapter: the curated tables checked and cleaned, how well each value is
supported and how its source was read, the data dictionary: `model` and `words`."""
