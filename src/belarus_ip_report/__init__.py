"""Shared code of the report "Belarus in the international IP and trade system"."""
