"""A removed endnote put back in the redline carries none of the old draft's bookmarks:
their ids are the old draft's and may be the new one's too (two w:id="0" bookmarks)."""

from __future__ import annotations

import zipfile
from collections import Counter

from lxml import etree

from cmwreport.commands.diff import run
from tests.diff.package import NS, p, write

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_put_back_endnote_keeps_bookmark_ids_unique(tmp_path, capsys):
    cited = p("Cited.").replace("</w:p>", '<w:r><w:endnoteReference w:id="1"/></w:r></w:p>')
    marked = '<w:bookmarkStart w:id="0" w:name="_Ref1"/>{}<w:bookmarkEnd w:id="0"/>'
    note = marked.format("<w:r><w:t>Law 27.14.</w:t></w:r>")
    notes = f'<w:endnotes {NS}><w:endnote w:id="1"><w:p>{note}</w:p></w:endnote></w:endnotes>'
    old = write(
        tmp_path / "old.docx",
        cited,
        parts={"rId9": ("endnotes", "endnotes.xml", notes)},
    )
    new_body = f"<w:p>{marked.format('<w:r><w:t>Cited.</w:t></w:r>')}</w:p>"
    empty = f"<w:endnotes {NS}></w:endnotes>"
    new = write(
        tmp_path / "new.docx",
        new_body,
        parts={"rId9": ("endnotes", "endnotes.xml", empty)},
    )
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    capsys.readouterr()
    ids: Counter = Counter()
    with zipfile.ZipFile(red) as z:
        for name in ("word/document.xml", "word/endnotes.xml"):
            root = etree.fromstring(z.read(name))
            ids.update(b.get(f"{{{W}}}id") for b in root.iter(f"{{{W}}}bookmarkStart"))
        notes_text = "".join(etree.fromstring(z.read("word/endnotes.xml")).itertext())
    assert "Law 27.14." in notes_text
    assert ids == Counter({"0": 1})
