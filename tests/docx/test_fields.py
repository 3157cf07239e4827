"""Field codes and link targets as compared (docx/fields.py)."""

from __future__ import annotations

import random
import re

from cmwreport.docx.fields import _host_only, link_target


def test_a_host_alone_is_what_the_pattern_it_replaced_matched():
    pattern = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+$")
    urls = [
        "https://www.ohchr.org", "https://www.ohchr.org/", "http://a.b/c", "mailto:x@y",
        "x-y+z.1://host", "1http://host", "http://", "http:///", "http://h\n", "http://\n",
        "://host", "h://a://b", "h://a?b", "h://a#b", "é://host", "h://é", "H://HOST:80",
        "", "file:///c:/x", "http://a\nb",
    ]  # fmt: skip
    rng = random.Random(21)
    alphabet = "aZ09+.-:/?#é\n "
    urls += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(10))) for _ in range(5000)]
    urls += ["h" + "".join(rng.choice(alphabet) for _ in range(rng.randrange(6))) + "://x"
             for _ in range(2000)]  # fmt: skip
    matched = set()
    for url in urls:
        expected = pattern.match(url) is not None
        assert _host_only(url) is expected, url
        matched.add(expected)
    assert matched == {True, False}
    assert link_target("https://www.ohchr.org", None) == "https://www.ohchr.org/"
    assert link_target("https://www.ohchr.org/en", "top") == "https://www.ohchr.org/en#top"
