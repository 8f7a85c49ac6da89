"""The core every stage shares: the record schema, settings, ids, text terms, timestamps and time limits."""
