"""absorb's report in the drafter's language (issue 19): each item absorbed or not,
and the summary with its counts in Arabic and French plural forms."""

from __future__ import annotations

import pytest

from cmwreport.i18n import FSI, PDI
from tests import drafts as d
from tests.absorb.test_looks import word_bold
from tests.absorb.workspace import Workspace

HARMONISE = "التسريع بملائمة القانون"
DECRIMINALISE = "إلغاء تجريم الهجرة"


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def _absorb(ws: Workspace, lang: str, *args) -> str:
    proc = ws.cli(
        "--lang", lang, "absorb", *map(str, args), "-s", str(ws.sources), "-t", str(ws.template)
    )  # fmt: skip
    assert proc.returncode == 1, proc.stdout + proc.stderr  # one edit is left out
    assert not proc.stderr
    return proc.stdout.replace(FSI, "").replace(PDI, "")


def test_absorb_reports_in_french_and_in_arabic(ws, tmp_path):
    draft = d.edited(
        ws.report,
        tmp_path / "edited.docx",
        d.change_word("التسريع بملائمة", "الإسراع بملائمة"),
        word_bold(DECRIMINALISE, "تجريم"),
    )
    before = ws.snapshot()

    french = _absorb(ws, "fr", draft, "--dry-run")
    assert "non reporté : " in french
    assert "mise en forme que les sources ne peuvent conserver : " in french
    assert "en faire un style du modèle, sinon il sera perdu à la prochaine génération" in french
    assert "recommandation harmonise-law-02-03 : texte mis à jour" in french
    assert (
        "absorb (rapport) : 1 modification serait reportée, 1 non reportée ; rien n’a été écrit"
        in french
    ), french
    assert ws.snapshot() == before  # a dry run writes nothing
    english = ws.absorb(draft, "--dry-run").stdout
    assert "absorb (report): 1 edit(s) would be, 1 not absorbed; nothing written" in english
    assert "\033[" not in english  # not a terminal: no colour
    coloured = ws.absorb(draft, "--dry-run", "--color", "always").stdout
    assert "\033[33mnot absorbed: " in coloured
    assert coloured.replace("\033[33m", "").replace("\033[0m", "") == english

    arabic = _absorb(ws, "ar", draft)
    assert "لم يُنقل: " in arabic
    assert "تنسيق لا تستطيع المصادر الاحتفاظ به: " in arabic
    assert "التوصية harmonise-law-02-03: حُدّث النص" in arabic
    # Arabic's singular forms name no number: "one edit absorbed, one not absorbed".
    assert "absorb (التقرير): نُقل تعديل واحد، عنصر واحد لم يُنقل؛ كُتب ملف واحد" in arabic, arabic
    assert "edit(s)" not in arabic and "not absorbed" not in arabic
    assert ws.snapshot() != before
