"""build's readiness warnings and `replies`' listing in the drafter's language (issue 19):
the same findings as in English, in Arabic and French words, codes and paths kept."""

from __future__ import annotations

from cmwreport.i18n import FSI, PDI
from tests.cli_helpers import cli
from tests.conftest import SOURCES, TEMPLATE
from tests.replies.test_skeleton import QPR, project


def _plain(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


def test_build_warnings_in_french_and_arabic(tmp_path):
    args = ("build", str(SOURCES), "--template", str(TEMPLATE))
    french = cli("--lang", "fr", *args, "--out", str(tmp_path / "fr"))
    assert french.returncode == 0, french.stderr
    shown = _plain(french.stdout + french.stderr)
    assert "B002" in shown
    assert "paragraphe 1 : l’espace réservé [نص يحرره فريق الصياغة] figure encore dans" in shown
    assert "B007" in shown and "impossible de vérifier que chaque question a une réponse" in shown
    assert "drafting placeholder" not in shown

    arabic = cli("--lang", "ar", *args, "--out", str(tmp_path / "ar"))
    assert arabic.returncode == 0, arabic.stderr
    shown = _plain(arabic.stdout + arabic.stderr)
    assert "لا يزال العنصر النائب [نص يحرره فريق الصياغة] موجوداً في" in shown
    assert "لا يمكن التحقق من وجود رد على كل مسألة" in shown
    assert "drafting placeholder" not in shown and "whether every question" not in shown


def test_replies_listing_in_french_and_arabic(tmp_path):
    root = project(tmp_path, QPR)
    french = _plain(cli("--lang", "fr", "replies", cwd=root).stdout)
    assert "manquant : question 3 (a) de CMW/C/MAR/QPR/2" in french
    assert "3 intitulés de réponse conservés, 4 seraient ajoutés à " in french
    arabic = _plain(cli("--lang", "ar", "replies", cwd=root).stdout)
    assert "ناقص: المسألة 3 (a) من CMW/C/MAR/QPR/2" in arabic
    assert "أُبقي على 3 عناوين رد، وستُضاف 4 عناوين إلى " in arabic


def test_coverage_text_in_french_and_arabic(tmp_path):
    root = project(tmp_path, QPR)
    english = cli("coverage", cwd=root)
    assert "no reply heading" in english.stdout and "questions and sub-items:" in english.stdout
    french = cli("--lang", "fr", "coverage", cwd=root)
    assert french.returncode == english.returncode
    shown = _plain(french.stdout)
    assert shown.startswith("couverture de ")
    assert "questions et sous-points :" in shown
    assert "pas d’intitulé de réponse" in shown and "articles de la Convention : " in shown
    assert "no reply heading" not in shown
    arabic = _plain(cli("--lang", "ar", "coverage", cwd=root).stdout)
    assert arabic.startswith("تغطية ")
    assert "المسائل والبنود الفرعية:" in arabic and "لا عنوان للرد" in arabic
    assert "no reply heading" not in arabic
