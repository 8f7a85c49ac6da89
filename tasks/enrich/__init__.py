"""Enrichment of one story: language, dates, dateline, keywords and named entities."""
