"""The core properties part a build writes (title, creator, language, dates from the
sources, never from the clock)."""

from __future__ import annotations

import datetime as dt

from cmwreport.docx.package import escape


def core_properties(
    *, title: str, creator: str, language: str, created: dt.datetime, modified: dt.datetime
) -> bytes:
    def stamp(moment: dt.datetime) -> str:
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title>"
        f"<dc:creator>{escape(creator)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(creator)}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp(created)}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp(modified)}</dcterms:modified>'
        f"<dc:language>{escape(language)}</dc:language>"
        "</cp:coreProperties>"
    ).encode()


def document_moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
