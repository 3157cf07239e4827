"""checks/usage.py and checks/template.py: what a UN editor marks, in the sources and in
the template's own text (T507-T511, B002), located and silenced per item."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from cmwreport.checks import usage
from cmwreport.checks.template import template_text_warnings
from cmwreport.docx.document import WordDocument
from cmwreport.docx.xml import REL_TYPE, W_NS, w
from tests.conftest import TEMPLATE
from tests.helpers_sources import codes_at, edit, line_of, validate


def codes(text: str) -> list[str]:
    return [f.code for f in usage.findings(text)]


def test_each_rule_on_a_text_and_what_it_lets_be() -> None:
    assert codes("كما أوصت اللجنة (CMW/C/MAR/CO/1).") == ["T508"]
    assert codes("كما أوصت اللجنة ({{ co_symbol }}).") == ["T508"]
    assert codes("كما أوصت اللجنة (CMW/C/MAR/CO/1، الفقرة 53).") == []
    assert codes("كما أوصت (CMW/C/MAR/CO/1، الفقرتان 10 و12).") == []
    assert codes("symbol: CMW/C/MAR/CO/1") == []  # a symbol field, not prose
    assert codes("اللقاءات (بمدن وجدة (جهة الشرق) ولم تغلق") == ["T509"]
    assert codes("نص] آخر") == ["T509"]
    assert codes("(أ) نص (ب) [نص]") == []
    assert codes("التوصية عددCMW/C/MAR/CO/1") == ["T510"]
    assert codes("التقرير CMWعدد") == ["T510"]
    assert codes("في عام2018") == ["T510"]
    assert codes("المادتان 7 و83 ول2022 وCMW") == []  # one-letter prefixes are spelling
    assert codes("يوم 6 ابريل 2022 وفي اكتوبر") == ["T511", "T511"]
    assert codes("يوم 6 أبريل 2022 وإبريلية") == []
    (finding,) = usage.findings("6 وابريل")
    assert "'أبريل'" in finding.message


def test_every_month_without_hamza_is_found_alone_and_prefixed() -> None:
    # The pattern factors the names' first letter out: each must still be found.
    assert len(usage.MONTHS_WITHOUT_HAMZA) == 6
    for wrong, right in usage.MONTHS_WITHOUT_HAMZA.items():
        for text in (f"في {wrong} 2022", f"و{wrong}", wrong):
            (finding,) = usage.findings(text)
            assert finding.code == "T511" and f"'{right}'" in finding.message, text
        assert codes(f"{wrong}ية") == []  # inside a longer word: not the month


def test_the_seed_errors_kept_verbatim_warn_until_silenced(tree: Path) -> None:
    assert codes_at(validate(tree), tree / "consultations.yaml") == []
    path = tree / "consultations.yaml"
    text = path.read_text(encoding="utf-8")
    for comment in (
        "  # cmwreport: ignore T511 -- verbatim: the summary of record writes ابريل",
        "  # cmwreport: ignore T509 T510 -- verbatim: the summary of record opens two "
        "brackets and closes none, and writes عددCMW",
    ):
        assert comment in text
        text = text.replace(comment, "")
    path.write_text(text, encoding="utf-8")
    first = line_of(path, "id: context-meetings") + 1
    second = line_of(path, "عددCMW")
    assert sorted(codes_at(validate(tree), path)) == [
        ("T509", second), ("T509", second), ("T510", second), ("T511", first),
    ]  # fmt: skip


def test_a_new_rule_in_a_source_value_is_located_at_it(tree: Path) -> None:
    path = tree / "consultations.yaml"
    edit(path, "نظمت المملكة المغربية", "نظمت (CMW/C/MAR/CO/1) المملكة المغربية")
    assert ("T508", line_of(path, "(CMW/C/MAR/CO/1)")) in codes_at(validate(tree), path)


def test_shipped_template_has_only_its_placeholders() -> None:
    found = template_text_warnings(TEMPLATE)
    assert found and {d.code for d in found} == {"B002"}
    first = found[0]
    assert first.line == 12 and first.message.startswith("paragraph 1, under «عرض عام»")


def _broken(tmp_path: Path, comment: str | None = None) -> Path:
    """The shipped template with paragraph 3 rewritten with every mistake, and, if
    given, a Word comment on it."""
    document = WordDocument.open(TEMPLATE)
    target = next(
        p for p in document.body.iter(w("p")) if "{{ co_symbol }}" in "".join(p.itertext())
    )
    texts = list(target.iter(w("t")))
    texts[0].text = "عددCMW في 6 ابريل (( القانون رقم 02-03 (CMW/C/MAR/CO/1)"
    for t in texts[1:]:
        t.text = ""
    if comment is not None:
        _comment(document, target, comment)
    path = tmp_path / "broken.docx"
    path.write_bytes(document.to_bytes())
    return path


def _comment(document: WordDocument, paragraph, text: str) -> None:
    start = etree.Element(w("commentRangeStart"), {w("id"): "0"})
    paragraph.insert(1, start)
    paragraph.append(etree.Element(w("commentRangeEnd"), {w("id"): "0"}))
    run = etree.SubElement(paragraph, w("r"))
    etree.SubElement(run, w("commentReference"), {w("id"): "0"})
    part = (
        f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="Editor">'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment></w:comments>"
    )
    document.package.add_part(
        "word/comments.xml",
        part.encode(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        related_from=document.main,
        rel_type=REL_TYPE + "comments",
        rid="rIdComments9",
    )


def test_broken_template_text_each_code_located_as_printed(tmp_path: Path) -> None:
    found = [d for d in template_text_warnings(_broken(tmp_path)) if d.code != "B002"]
    assert sorted(d.code for d in found) == ["T507", "T508", "T509", "T509", "T510", "T511"]
    for d in found:
        assert d.file.endswith("broken.docx") and d.line == 17 and d.severity == "warning"
        assert d.message.startswith(
            "paragraph 3, under «الرد على المسألة المثارة في الفقرة 1 من قائمة المسائل»: "
        ), d.message


def test_a_word_comment_silences_codes_on_its_paragraph(tmp_path: Path) -> None:
    quiet = _broken(tmp_path, "cmwreport: ignore T510 T511 -- verbatim of record")
    left = sorted(d.code for d in template_text_warnings(quiet) if d.code != "B002")
    assert left == ["T507", "T508", "T509", "T509"]


def test_validate_on_a_project_checks_its_template(
    tmp_path: Path, tree: Path, monkeypatch, capsys
) -> None:
    import json

    from tests.conftest import cmwreport

    project = tmp_path / "project"
    shutil.copytree(tree, project / "sources")
    (project / "templates").mkdir()
    shutil.copy(_broken(tmp_path), project / "templates" / "periodic-report.docx")
    (project / "cmwreport.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(project)
    assert cmwreport("validate", "--format", "json") == 0  # warnings only
    out = json.loads(capsys.readouterr().out)
    found = out["diagnostics"] if isinstance(out, dict) else out
    mine = {d["code"] for d in found if d["file"].endswith("periodic-report.docx")}
    assert mine == {"B002", "T507", "T508", "T509", "T510", "T511"}
    assert cmwreport("validate", "--strict") == 1
