"""Linking across documents: MinHash signatures, duplicates, story clusters and provenance roles."""
