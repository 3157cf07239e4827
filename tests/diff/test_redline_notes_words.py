"""The redline changes words, not notes (issue 18): a word added to a footnote that holds
an equation is one inserted word, the equation kept once and untouched; Accept All and
Reject All (tests/drafts.resolve_revisions, apart from diff's reader) give the new and
the old draft."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from cmwreport.commands.diff import run
from tests import drafts as d
from tests.diff.package import NS, p, write

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MATH = (
    "<m:oMath><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e>"
    "<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>"
)


def footnotes(tail: str) -> str:
    note = (
        f'<w:p><w:r><w:t xml:space="preserve">The rate </w:t></w:r>{MATH}'
        f'<w:r><w:t xml:space="preserve"> {tail}</w:t></w:r></w:p>'
    )
    return f'<w:footnotes {NS}><w:footnote w:id="1">{note}</w:footnote></w:footnotes>'


def test_word_added_in_a_footnote_with_an_equation(tmp_path, capsys):
    body = p("Cited.").replace("</w:p>", '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    old = write(
        tmp_path / "old.docx",
        body,
        parts={"rId9": ("footnotes", "footnotes.xml", footnotes("applies."))},
    )
    new = write(
        tmp_path / "new.docx",
        body,
        parts={"rId9": ("footnotes", "footnotes.xml", footnotes("applies everywhere."))},
    )
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    capsys.readouterr()
    with zipfile.ZipFile(red) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    assert len(notes.findall(f".//{{{M}}}oMath")) == 1
    inserted = ["".join(i.itertext()) for i in notes.iter(f"{{{W}}}ins")]
    assert [t.strip() for t in inserted] == ["everywhere"]
    assert list(notes.iter(f"{{{W}}}del")) == []
    for accept, same_as in ((True, new), (False, old)):
        resolved = d.resolve_revisions(red, tmp_path / f"resolved-{accept}.docx", accept=accept)
        assert run(same_as, resolved, fmt="json") == 0, capsys.readouterr().out
        capsys.readouterr()


@pytest.mark.libreoffice
def test_libreoffice_accept_and_reject_keep_the_equation(tmp_path, capsys):
    """In LibreOffice too: Accept All gives the new draft and Reject All the old one,
    each as LibreOffice saves it (compared with the draft LibreOffice re-saved), the
    equation in the footnote kept."""
    import subprocess
    from pathlib import Path

    from tests.office import convert, require

    require("soffice")
    python = Path("/usr/bin/python3")
    if not python.exists():
        pytest.skip("/usr/bin/python3 with python3-uno is needed")
    body = p("Cited.").replace("</w:p>", '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    old = write(
        tmp_path / "old.docx",
        body,
        parts={"rId9": ("footnotes", "footnotes.xml", footnotes("applies."))},
    )
    new = write(
        tmp_path / "new.docx",
        body,
        parts={"rId9": ("footnotes", "footnotes.xml", footnotes("applies everywhere."))},
    )
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    capsys.readouterr()
    script = Path(__file__).with_name("lo_resolve.py")
    results = {}
    for how in ("accept", "reject"):
        results[how] = tmp_path / f"lo-{how}.docx"
        proc = subprocess.run(
            [str(python), str(script), how, str(red), str(results[how])],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if "No module named 'uno'" in proc.stderr:
            pytest.skip("python3-uno is needed")
        assert proc.returncode == 0, proc.stderr
    for how, draft in (("accept", new), ("reject", old)):
        resaved = convert(draft, tmp_path, "docx")
        assert run(resaved, results[how], fmt="json") == 0, capsys.readouterr().out
        capsys.readouterr()
        # As many equations as LibreOffice keeps in the draft itself (none without its
        # Math module, Debian's libreoffice-math: it drops OMML on import then).
        counts = []
        for docx in (resaved, results[how]):
            with zipfile.ZipFile(docx) as z:
                counts.append(z.read("word/footnotes.xml").count(b"<m:oMath"))
        assert counts[0] == counts[1]
