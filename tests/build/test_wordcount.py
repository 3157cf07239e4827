"""The word count (GA resolution 68/268): a whitespace-separated token with a letter
or digit, as Word counts. count_words splits each paragraph and searches the odd token;
it must count exactly what the definition says, for every character Python knows."""

import sys

from cmwreport.build.wordcount import count_words


def _by_definition(paragraphs: list[str]) -> int:
    return sum(
        1 for text in paragraphs for token in text.split() if any(c.isalnum() for c in token)
    )


def test_arabic_text_with_punctuation_digits_and_latin_symbols():
    texts = [
        "يقدّم المغرب هذا التقرير الدوري الثاني بموجب المادة 73 من الاتفاقية ، CMW/C/MAR/2 .",
        "(أ) - ‒ … ؛ ’1‘ [نص يحرره فريق الصياغة] __ _x_ ١٢٣",
        "",
        "\u00a0\u2003 \t\n",
    ]
    assert count_words(texts) == _by_definition(texts) == 20


def test_every_code_point_alone_and_between_letters():
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    texts = chars + [f"a{c}b {c} {c}{c}" for c in chars[::7]]
    assert count_words(texts) == _by_definition(texts)
