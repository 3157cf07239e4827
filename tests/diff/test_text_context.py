"""diff's terminal report: changed words with a few words of context (`--context N`),
and its labels in the reader's language (issue 19)."""

from __future__ import annotations

from tests import drafts as d
from tests.cli_helpers import cli

LONG = (
    "para",
    "long-01",
    "تؤكد المملكة المغربية في هذا التقرير الدوري الثاني التزامها الثابت بمواصلة "
    "الحوار البناء مع اللجنة وبتنفيذ توصياتها في جميع المجالات ذات الصلة بحقوق المهاجرين.",
)


def test_context_trims_unchanged_words_and_labels_follow_the_language(tmp_path):
    old = d.make_draft(tmp_path / "old.docx", items=[*d.REPORT[:2], LONG])
    new = d.edited(old, tmp_path / "new.docx", d.change_word("الثابت", "الراسخ"))
    whole = cli("diff", str(old), str(new), "--color", "never")
    trimmed = cli("diff", str(old), str(new), "--color", "never", "--context", "2")
    assert whole.returncode == trimmed.returncode == 1
    line = next(x for x in trimmed.stdout.splitlines() if x.startswith("  ~ "))
    assert line == "  ~ … الثاني التزامها [-الثابت-]{+الراسخ+} بمواصلة الحوار …"
    assert LONG[2].replace("الثابت", "[-الثابت-]{+الراسخ+}") in whole.stdout
    french = cli("--lang", "fr", "diff", str(old), str(new), "--context", "2")
    assert "modification paragraphe 2  § " in french.stdout
    assert "0 ajout(s), 0 suppression(s), 1 modification(s)" in french.stdout
    bad = cli("diff", str(old), str(new), "--context", "many")
    assert bad.returncode == 2
    assert bad.stderr == ("cmwreport diff: --context 'many': give a number of words (0 or more)\n")
