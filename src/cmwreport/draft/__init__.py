"""A draft as it reads: every story of a .docx, its paragraphs as text atoms, their UN
numbering and formatting. One reader, used by diff, the redline and absorb alike."""
