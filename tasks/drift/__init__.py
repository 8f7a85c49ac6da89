"""Fact drift: what each syndicated copy and rewrite changed against its origin (issue 21).
`detect.find_drift` is the entry point."""
