"""Sources: folders of files, JSONL, WARC archives, URL lists and feeds, read into raw documents or quarantine rows."""
