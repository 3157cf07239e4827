"""A Babel extractor for the field descriptions of the sources' declaration
(sources/schema.py): they are the editors' hover text and the loader's "missing field"
explanations, passed to Field() as data, so Babel's Python extractor cannot see them.
Named in babel.cfg; never imported when cmwreport runs."""

from __future__ import annotations


def extract_schema_docs(fileobj, keywords, comment_tags, options):
    """What Babel's Python extractor finds in the file, then every field description."""
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)
    from cmwreport.sources.schema import FILE_KINDS

    seen: set[str] = set()

    def walk(field):
        if field.doc and field.doc not in seen:
            seen.add(field.doc)
            yield 1, "N_", field.doc, []
        if field.item is not None:
            yield from walk(field.item)
        for child in field.fields:
            yield from walk(child)

    for spec in FILE_KINDS.values():
        yield from walk(spec)
