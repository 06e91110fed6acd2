"""Foundation: folders, settings (version, as-of date), messages for people, dates, whole-file
writes. Imports nothing else of the package."""
