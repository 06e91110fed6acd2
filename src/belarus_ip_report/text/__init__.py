"""The text layer: prose from computed values, lists in words, tables for people, escaping."""
