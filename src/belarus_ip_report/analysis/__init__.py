"""The analysis layer: each chapter's numbers, pandas in and pandas out; no matplotlib, no prose."""
