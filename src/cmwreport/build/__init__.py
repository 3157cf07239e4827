"""The merge: sources → generated paragraphs, the annex, the word count, the outputs."""
