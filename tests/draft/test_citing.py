"""draft/citing.py `citing_unresolved`: one pass over the bookmarks that tells both
whether the identities need resolving (draft/identity.py `_needed`) and, when they do
not, what `citing` finds; on every draft of the corpus, and on made-up bodies."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from cmwreport.docx.package import Package
from cmwreport.draft.citing import citing, citing_unresolved
from cmwreport.draft.identity import _needed

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _same(body) -> bool:
    """Whether the one pass answers as the two; True when it answered `citing`."""
    found = citing_unresolved(body)
    assert (found is None) == _needed(body)
    if found is not None:
        assert found == citing(body)
    return found is not None


def test_the_one_pass_answers_as_the_two_on_the_corpus():
    answered = needed = 0
    for path in sorted(FIXTURES.rglob("*.docx")):
        try:
            package = Package.read(path)
            root = package.xml(package.main_part())
        except Exception:  # noqa: BLE001 - hostile fixtures are refused elsewhere
            continue
        body = root.find(f"{{{W}}}body")
        if body is None:
            continue
        if _same(body):
            answered += 1
        else:
            needed += 1
    assert answered > 100 and needed > 5


def _body(inside: str):
    return etree.fromstring(f'<w:body xmlns:w="{W}">{inside}</w:body>')


def test_the_one_pass_answers_as_the_two_on_made_up_bodies():
    mark = '<w:bookmarkStart w:id="{0}" w:name="_cmw_{1}"/>'
    ref = '<w:r><w:footnoteReference w:id="2"/></w:r>'
    cases = {
        "plain": f"<w:p>{mark.format(1, 'a')}</w:p><w:p>{mark.format(2, 'b')}{ref}</w:p>",
        "copied": f"<w:p>{mark.format(1, 'a')}</w:p><w:p>{mark.format(2, 'a')}</w:p>",
        "joined": f"<w:p>{mark.format(1, 'a')}{mark.format(2, 'b')}</w:p>",
        "pasted": f"<w:p>{mark.format(1, 'a_Copy_1')}</w:p>",
        "boxed": f"<w:p><w:r><w:txbxContent><w:p>{mark.format(1, 'a')}</w:p>"
        "</w:txbxContent></w:r></w:p>",
        "row": f"<w:tbl><w:tr><w:tc><w:p>{mark.format(1, 'a')}{ref}</w:p></w:tc></w:tr></w:tbl>",
        "loose": f"{mark.format(1, 'a')}<w:p/>",
        "revised": '<w:p><w:ins w:id="1"><w:r><w:t>x</w:t></w:r></w:ins></w:p>',
    }
    answered = {name: _same(_body(inside)) for name, inside in cases.items()}
    assert answered == {
        "plain": True,
        "copied": False,
        "joined": False,
        "pasted": False,
        "boxed": False,
        "row": True,
        "loose": True,
        "revised": False,
    }
