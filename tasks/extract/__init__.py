"""Extraction: bytes decoded to text, and the article text of an HTML page."""
