"""Regression tests for what the fuzz campaign found in the draft reader (diff/), one per
category: each crashed on the campaigns (zlib.error, RecursionError, AttributeError) and
passes since the reader's rewrite. A draft must give exit 0 or 1 when it is a readable
Word document, else one line and exit 2; never exit 3 or a traceback.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests import drafts as d
from tests.fuzz.harness import run


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return d.make_draft(tmp_path_factory.mktemp("known-drafts") / "base.docx")


def rewrite(base: Path, target: Path, change) -> Path:
    """Copy a draft, member by member, through change(name, data) -> data | None."""
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)
    return target


def corrupt_deflate(path: Path, member: str) -> None:
    """Break the deflate stream of one member, leaving the zip's directory intact."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(2, min(info.compress_size, 40), 3):
        data[start + offset] ^= 0x5A
    path.write_bytes(bytes(data))


def no_bug(*args) -> tuple[int, str]:
    outcome = run(*args, limit=30)
    assert not outcome.hung
    assert outcome.code in (0, 1, 2), (outcome.code, outcome.err[-300:])
    assert "Traceback" not in outcome.err
    return outcome.code, outcome.err


def test_member_removed_styles_part(base, tmp_path):
    # The styles part is optional in a WordprocessingML package.
    bare = rewrite(base, tmp_path / "bare.docx", lambda n, b: None if n == "word/styles.xml" else b)
    code, _ = no_bug("diff", base, bare, "--format", "json")
    assert code in (0, 1)


def test_member_corrupt_compression_of_the_document(base, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(base.read_bytes())
    corrupt_deflate(broken, "word/document.xml")
    code, err = no_bug("diff", base, broken)
    assert code == 2 and err.startswith("cmwreport diff: ") and len(err.splitlines()) == 1


def test_member_corrupt_compression_of_a_part_diff_never_reads(base, tmp_path):
    new = d.edited(base, tmp_path / "new.docx", d.change_word("ثلاث", "أربع"))
    corrupt_deflate(new, "docProps/core.xml")
    red = tmp_path / "red.docx"
    outcome = run("diff", base, new, "--format", "json", "--redline", red, limit=30)
    assert outcome.code == 1 and '"changes"' in outcome.out, outcome.err
    # The corrupt part is carried over as it was stored; what the redline wrote reads.
    with zipfile.ZipFile(red) as zf:
        assert b"w:ins" in zf.read("word/document.xml")


def test_deep_nesting_of_content_controls(base, tmp_path):
    deep = "<w:sdt>" * 1000 + "</w:sdt>" * 1000  # within the parser's depth bound (2048)

    def nest(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        return data.replace(b"<w:body>", b"<w:body>" + deep.encode(), 1)

    nested = rewrite(base, tmp_path / "nested.docx", nest)
    no_bug("diff", base, nested, "--format", "json")


@pytest.mark.parametrize(
    "categories, seed", [(["attributes_odd"], 4031708088), (["elements_shuffled"], 811295657)]
)
def test_attributes_odd_and_elements_shuffled_replayed(base, tmp_path, categories, seed):
    # Cases of the 3,000-case campaign, replayed from their category and seed.
    from tests.fuzz.drafts import mutated_draft

    mutated = mutated_draft(base, tmp_path / "m.docx", categories, seed)
    no_bug("diff", base, mutated, "--format", "json")
