"""How Arabic joins, counts and cites: lists with و, counts in words, paragraph
citations, list items closed with ؛ and a full stop.

Counts up to ten are written in words, with the reverse gender agreement Arabic
numerals take (ثلاثة لقاءات but ثلاث توصيات). The UN's own vocabulary (letters,
ordinals, month names) is data: cmwreport.arabic.wording.
"""

from __future__ import annotations

#: 3..10 counting a masculine noun (the numeral takes the feminine form) ...
_MASCULINE_COUNT = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية",
                    9: "تسعة", 10: "عشرة"}  # fmt: skip
# ... and a feminine noun (the numeral takes the masculine form).
_FEMININE_COUNT = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني",
                   9: "تسع", 10: "عشر"}  # fmt: skip


def and_list(items: list[str]) -> str:
    """ "أ وب" for two, "أ، وب، وج" for more: the conjunction و is joined to the word."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} و{items[1]}"
    return "، ".join([items[0], *("و" + item for item in items[1:])])


def count(n: int, *, one: str, two: str, plural: str, many: str, feminine: bool) -> str:
    """A count phrase: `one`/`two` forms, 3-10 in words with `plural`, 11+ digits with `many`."""
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n <= 10:
        words = _FEMININE_COUNT if feminine else _MASCULINE_COUNT
        return f"{words[n]} {plural}"
    return f"{n} {many}"


def paragraph_reference(symbol: str, paragraphs: list[int]) -> str:
    """'(CMW/C/MAR/CO/1، الفقرة 53)': the Arabic form of 'CMW/C/MAR/CO/1, para. 53'."""
    numbers = sorted(set(paragraphs))
    if not numbers:
        return f"({symbol})"
    if len(numbers) == 1:
        where = f"الفقرة {numbers[0]}"
    elif len(numbers) == 2:
        where = f"الفقرتان {numbers[0]} و{numbers[1]}"
    else:
        where = "الفقرات " + " و".join(str(n) for n in numbers)
    return f"({symbol}، {where})"


def end_item(text: str, last: bool) -> str:
    """A list item closed the way the seed closes them: ؛ between items, . at the end."""
    text = text.rstrip().rstrip("؛;.،,")
    return text + ("." if last else "؛")
