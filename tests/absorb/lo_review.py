"""A reviewer's session in LibreOffice, through its own API (UNO), on a built draft.

Run with the system Python that has Debian's python3-uno:
    /usr/bin/python3 lo_review.py DRAFT.docx OUT.docx 'JSON list of edits'
Each edit is a list: ["track", true|false] (Edit > Track Changes > Record),
["replace", old, new, nth?] (typing over a found word), ["delete", fragment] (the paragraph
holding `fragment` selected with its paragraph mark and deleted), ["move", fragment,
after] (that paragraph cut and pasted after the paragraph holding `after`, through the
view's transferable, which is what Ctrl+X / Ctrl+V move), ["bold", word] (a word made
bold), ["font", fragment, name, size] (a paragraph given another font and size),
["paste", after, text, font, size] (a paragraph pasted in from another document),
["insert", after, text] (a paragraph typed after another), ["split", fragment, word]
(Enter pressed before `word` of the paragraph holding `fragment`), ["merge", fragment]
(Delete pressed at the end of that paragraph: it and the next become one).
Nothing here writes XML: the .docx is LibreOffice's own.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "real"))

from make_uno import Office, find, save  # type: ignore[import-not-found]  # noqa: E402

BOLD = 150.0


def _paragraph(doc, fragment: str):
    """A text cursor selecting the whole paragraph that holds `fragment`, and its mark."""
    found = find(doc, fragment)
    cursor = found.Text.createTextCursorByRange(found.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    cursor.goRight(1, True)  # the paragraph mark: the next paragraph's start
    return cursor


def _replace(doc, old: str, new: str, nth: int | None = None) -> None:
    """Typing over `old`: the only occurrence, or the `nth` (-1: the last; the text a
    tracked deletion keeps is still found, as in the Find & Replace dialog)."""
    desc = doc.createSearchDescriptor()
    desc.SearchString = old
    desc.SearchCaseSensitive = True
    found = doc.findAll(desc)
    if nth is None and found.getCount() != 1:
        raise SystemExit(f"{old!r} is not in the document exactly once")
    at = found.getByIndex(nth % found.getCount() if nth is not None else 0)
    at.setString(new)


def _move(doc, fragment: str, after: str) -> None:
    controller = doc.CurrentController
    controller.select(_paragraph(doc, fragment))
    moved = controller.getTransferable()
    controller.getViewCursor().setString("")  # cut: the selection deleted
    target = _paragraph(doc, after)
    view = controller.getViewCursor()
    view.gotoRange(target.getEnd(), False)  # the start of the paragraph after `after`
    controller.insertTransferable(moved)


def _paste(doc, after: str, value: str, font: str, size: float) -> None:
    """A paragraph pasted from another document after the one holding `after`: in that
    document's font and size, the paragraph style of where it lands."""
    from com.sun.star.text.ControlCharacter import (  # type: ignore[import-not-found]
        PARAGRAPH_BREAK,
    )

    found = find(doc, after)
    cursor = found.Text.createTextCursorByRange(found.getStart())
    cursor.gotoEndOfParagraph(False)
    found.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    start = cursor.getStart()
    found.Text.insertString(cursor, value, False)
    cursor.gotoRange(start, True)
    cursor.gotoEndOfParagraph(True)
    cursor.CharFontName = cursor.CharFontNameComplex = font
    cursor.CharHeight = cursor.CharHeightComplex = float(size)


def _insert(doc, after: str, value: str) -> None:
    from com.sun.star.text.ControlCharacter import (  # type: ignore[import-not-found]
        PARAGRAPH_BREAK,
    )

    found = find(doc, after)
    cursor = found.Text.createTextCursorByRange(found.getStart())
    cursor.gotoEndOfParagraph(False)
    found.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    found.Text.insertString(cursor, value, False)


def _split(doc, fragment: str, word: str) -> None:
    from com.sun.star.text.ControlCharacter import (  # type: ignore[import-not-found]
        PARAGRAPH_BREAK,
    )

    found = find(doc, fragment)
    cursor = found.Text.createTextCursorByRange(found.getStart())
    cursor.goRight(fragment.index(word), False)
    found.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)


def _merge(doc, fragment: str) -> None:
    found = find(doc, fragment)
    cursor = found.Text.createTextCursorByRange(found.getStart())
    cursor.gotoEndOfParagraph(False)
    cursor.goRight(1, True)  # the paragraph mark
    cursor.setString("")


def run(draft: Path, out: Path, edits: list) -> None:
    office = Office()
    try:
        doc = office.open(draft)
        if doc is None:
            raise SystemExit(f"{draft}: LibreOffice did not open it (a stale .~lock file?)")
        try:
            _edit(doc, edits)
            save(doc, out)
        finally:
            doc.close(True)
    finally:
        office.close()


def _edit(doc, edits: list) -> None:
    for edit in edits:
        kind, *args = edit
        if kind == "track":
            doc.RecordChanges = bool(args[0])
        elif kind == "replace":
            _replace(doc, *args)
        elif kind == "delete":
            _paragraph(doc, args[0]).setString("")
        elif kind == "move":
            _move(doc, *args)
        elif kind == "bold":
            # The Bold button sets both: Arabic text shows the complex-script weight.
            found = find(doc, args[0])
            found.CharWeight = found.CharWeightComplex = BOLD
        elif kind == "font":
            cursor = _paragraph(doc, args[0])
            cursor.goLeft(1, True)
            cursor.CharFontName = cursor.CharFontNameComplex = args[1]
            cursor.CharHeight = cursor.CharHeightComplex = float(args[2])
        elif kind == "paste":
            _paste(doc, *args)
        elif kind == "insert":
            _insert(doc, *args)
        elif kind == "split":
            _split(doc, *args)
        elif kind == "merge":
            _merge(doc, *args)
        else:
            raise SystemExit(f"unknown edit {kind!r}")


if __name__ == "__main__":
    run(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), json.loads(sys.argv[3]))
