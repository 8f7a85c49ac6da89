"""Segmenting: every line classified by named cleaning rules, and the lines grouped into stories."""
