"""Tracked edits of whole paragraphs written the way Word writes them (for tests.drafts.edited).

What Word does that matters to absorb: bookmarks are not revisions, so deleting a
paragraph with Track Changes leaves its `w:bookmarkStart` where it was, outside the
`w:del` that takes its runs, with the paragraph mark deleted in `w:pPr/w:rPr/w:del`; a
tracked move wraps the runs in `w:moveFrom` / `w:moveTo` between range marks of one
name (`move123`), and the bookmark may go with the text, stay behind, or be split (its
start behind, its end with the text).
"""

from __future__ import annotations

import copy

from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tests.drafts import NS, Edit, _paragraph

REVISION = 'w:author="{author}" w:date="2024-03-01T10:00:00Z"'


def _rev(author: str) -> str:
    return REVISION.format(author=author)


def _mark(p, tag: str, rid: int, author: str) -> None:
    """The paragraph mark deleted (or moved): `w:pPr/w:rPr/w:<tag>`."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = parse_xml(f"<w:pPr {NS}/>")
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {NS}/>")
        sect = ppr.find(qn("w:sectPr"))
        if sect is not None:
            sect.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.append(parse_xml(f'<w:{tag} {NS} w:id="{rid}" {_rev(author)}/>'))


def _wrap_runs(p, tag: str, rid: int, author: str):
    """Every run of `p` into one `w:<tag>` (deleted runs' text becomes w:delText)."""
    runs = [r for r in p if r.tag == qn("w:r")]
    wrapper = parse_xml(f'<w:{tag} {NS} w:id="{rid}" {_rev(author)}/>')
    runs[0].addprevious(wrapper)
    for r in runs:
        wrapper.append(r)
        if tag in ("del", "moveFrom"):
            for t in r.iter(qn("w:t")):
                t.tag = qn("w:delText")
    return wrapper


def delete_paragraph(fragment: str, rid: int = 7001, author: str = "Reviewer") -> Edit:
    """Select a whole paragraph (with its mark) and press Delete, tracking on."""

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        _wrap_runs(p, "del", rid, author)
        _mark(p, "del", rid + 1, author)

    return edit


def join_with_next(fragment: str, rid: int = 7101, author: str = "Reviewer") -> Edit:
    """Delete only the paragraph mark: the paragraph and the next become one."""

    def edit(doc) -> None:
        _mark(_paragraph(doc, fragment), "del", rid, author)

    return edit


def delete_first_words(fragment: str, words: str, rid: int = 7201) -> Edit:
    """Type over the first words of a paragraph, as Word records it when the bookmark's
    start was selected with them: the start inside the `w:del`."""

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        start = p.find(qn("w:bookmarkStart"))
        run = next(r for r in p if r.tag == qn("w:r"))
        t = run.find(qn("w:t"))
        assert t.text.startswith(words), t.text
        gone = copy.deepcopy(run)
        gone.find(qn("w:t")).text = words
        gone.find(qn("w:t")).tag = qn("w:delText")
        t.text = t.text[len(words) :].lstrip()
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        d = parse_xml(f'<w:del {NS} w:id="{rid}" {_rev("Reviewer")}/>')
        run.addprevious(d)
        d.append(start)
        d.append(gone)

    return edit


def move_paragraph(
    fragment: str,
    after: str,
    bookmark: str = "to",
    name: str = "move1",
    rid: int = 7301,
    author: str = "Reviewer",
) -> Edit:
    """Cut a paragraph and paste it after another, tracking on. `bookmark`: "to" (the
    bookmark goes with the text), "from" (it stays behind), "split" (start behind,
    end with the text)."""

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        dest = _paragraph(doc, after)
        moved = copy.deepcopy(p)
        for el in list(moved):
            if el.tag in (qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
                moved.remove(el)
        start = p.find(qn("w:bookmarkStart"))
        end = p.find(qn("w:bookmarkEnd"))
        _wrap_runs(p, "moveFrom", rid, author)
        _mark(p, "moveFrom", rid + 1, author)
        first = p.find(qn("w:moveFrom"))
        named = f'w:name="{name}" {_rev(author)}'
        first.addprevious(parse_xml(f'<w:moveFromRangeStart {NS} w:id="{rid + 2}" {named}/>'))
        first.addnext(parse_xml(f'<w:moveFromRangeEnd {NS} w:id="{rid + 2}"/>'))
        into = _wrap_runs(moved, "moveTo", rid + 3, author)
        _mark(moved, "moveTo", rid + 4, author)
        into.addprevious(parse_xml(f'<w:moveToRangeStart {NS} w:id="{rid + 5}" {named}/>'))
        into.addnext(parse_xml(f'<w:moveToRangeEnd {NS} w:id="{rid + 5}"/>'))
        if bookmark == "to":
            into.addprevious(start)
            into.addnext(end)
        elif bookmark == "split":
            into.addnext(end)
        dest.addnext(moved)

    return edit


def reword(fragment: str, old: str, new: str, rid: int = 7401, author: str = "Reviewer") -> Edit:
    """Select a word and type another, tracking on: `w:del` then `w:ins`, in the run."""

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        next_id = rid
        for run in [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]:
            t = run.find(qn("w:t"))
            if not t.text or old not in t.text:
                continue
            before, after = t.text.split(old, 1)
            pieces = []
            for text, kind in ((before, None), (old, "del"), (new, "ins"), (after, None)):
                if not text:
                    continue
                r = copy.deepcopy(run)
                rt = r.find(qn("w:t"))
                rt.text = text
                rt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                if kind is None:
                    pieces.append(r)
                    continue
                if kind == "del":
                    rt.tag = qn("w:delText")
                wrapper = parse_xml(f'<w:{kind} {NS} w:id="{next_id}" {_rev(author)}/>')
                next_id += 1
                wrapper.append(r)
                pieces.append(wrapper)
            for piece in pieces:
                run.addprevious(piece)
            run.getparent().remove(run)
            return
        raise AssertionError(f"no run holds {old!r}")

    return edit


def add_footnote(fragment: str, text: str, note_id: int = 90) -> Edit:
    """Insert > Footnote at the end of a paragraph, as Word writes it: a reference run
    in the paragraph, a `w:footnote` in the footnotes part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from tests.drafts import _esc, _serialise

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        p.append(
            parse_xml(
                f'<w:r {NS}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{note_id}"/></w:r>'
            )
        )
        part = next(r.target_part for r in doc.part.rels.values() if r.reltype == RT.FOOTNOTES)
        root = parse_xml(part.blob)
        root.append(
            parse_xml(
                f'<w:footnote {NS} w:id="{note_id}"><w:p><w:pPr>'
                '<w:pStyle w:val="FootnoteText"/><w:bidi/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>'
                '</w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr>'
                '<w:rFonts w:cs="Amiri"/><w:rtl/><w:lang w:bidi="ar-MA"/></w:rPr>'
                f"<w:t>{_esc(text)}</w:t></w:r></w:p></w:footnote>"
            )
        )
        part._blob = _serialise(root)

    return edit


def split_paragraph(fragment: str, word: str, tracked: bool, rid: int = 7501) -> Edit:
    """Press Enter before `word`: the paragraph's words up to it stay, the rest go to a
    new paragraph of the same style. The identity bookmark spans both, as Word leaves
    it (its start in the first, its end in the second); with tracking on, the first
    paragraph's mark is the inserted one (`w:pPr/w:rPr/w:ins`)."""

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        second = parse_xml(f"<w:p {NS}/>")
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            second.append(copy.deepcopy(ppr))
        children = [c for c in p if c.tag != qn("w:pPr")]
        at = next(
            k
            for k, c in enumerate(children)
            if c.tag == qn("w:r") and word in "".join(t.text or "" for t in c.iter(qn("w:t")))
        )
        run = children[at]
        t = next(t for t in run.iter(qn("w:t")) if t.text and word in t.text)
        tail = copy.deepcopy(run)
        before, after = t.text.split(word, 1)
        t.text = before.rstrip()
        tail_t = next(x for x in tail.iter(qn("w:t")) if x.text and word in x.text)
        tail_t.text = word + after
        for x in (t, tail_t):
            x.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        second.append(tail)
        for child in children[at + 1 :]:
            second.append(child)
        p.addnext(second)
        if tracked:
            _mark(p, "ins", rid, "Reviewer")

    return edit


def merge_with_next(fragment: str, tracked: bool, rid: int = 7601) -> Edit:
    """Press Delete at the end of a paragraph: it and the next become one. Tracked, the
    mark is deleted (join_with_next); untracked, the next paragraph's runs and
    bookmarks move into this one and the next is gone."""
    if tracked:
        return join_with_next(fragment, rid)

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        following = p.getnext()
        for child in [c for c in following if c.tag != qn("w:pPr")]:
            p.append(child)
        following.getparent().remove(following)

    return edit
