"""What the machine allows: reading and writing the XML of a built document with lxml
and zipping it, nothing else (issue 21, item 5).

    python bench/limit.py OUT/CMW-C-MAR-2.docx OUT/CMW-C-MAR-2-annex.docx

For each document, best of `--repeat` runs in this process (CPU seconds, so that other
sessions on a shared machine count less): unzip every part, parse every XML part with
lxml, walk every element once (the least any reader does), serialise every part, zip
them again as cmwreport writes them (deflate level 6). The sum is the floor under
`build` (which writes that XML, having made it) and under `diff` (which reads two such
documents, and with --redline writes one): the bench's figures read against it.
"""

from __future__ import annotations

import argparse
import io
import time
import zipfile
from pathlib import Path

from lxml import etree

PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)


def _best(repeat: int, step):
    best, result = None, None
    for _ in range(repeat):
        start = time.process_time()
        result = step()
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    return best, result


def measure(path: Path, repeat: int = 5) -> dict[str, float]:
    data = path.read_bytes()

    def unzip():
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {name: z.read(name) for name in z.namelist()}

    t_unzip, parts = _best(repeat, unzip)
    xml = {n: b for n, b in parts.items() if n.endswith((".xml", ".rels"))}
    t_parse, trees = _best(repeat, lambda: {n: etree.fromstring(b, PARSER) for n, b in xml.items()})
    t_walk, _ = _best(repeat, lambda: sum(1 for t in trees.values() for _ in t.iter()))
    t_write, out = _best(
        repeat,
        lambda: {
            n: etree.tostring(t, xml_declaration=True, encoding="UTF-8", standalone=True)
            for n, t in trees.items()
        },
    )

    def rezip():
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            for name, body in parts.items():
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, out.get(name, body), compresslevel=6)
        return buffer.getvalue()

    t_zip, _ = _best(repeat, rezip)
    return {
        "unzip": t_unzip,
        "parse": t_parse,
        "walk": t_walk,
        "serialise": t_write,
        "zip": t_zip,
        "xml_mb": sum(map(len, xml.values())) / 2**20,
        "elements": sum(1 for t in trees.values() for _ in t.iter()),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docx", type=Path, nargs="+")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    total = {"read": 0.0, "write": 0.0}
    for path in args.docx:
        m = measure(path, args.repeat)
        read = m["unzip"] + m["parse"] + m["walk"]
        write = m["serialise"] + m["zip"]
        total["read"] += read
        total["write"] += write
        print(
            f"{path.name}: {m['xml_mb']:.1f} MB of XML, {m['elements']:,} elements; "
            f"unzip {m['unzip']:.3f} s, parse {m['parse']:.3f} s, walk {m['walk']:.3f} s, "
            f"serialise {m['serialise']:.3f} s, zip {m['zip']:.3f} s"
        )
    print(
        f"all: read {total['read']:.3f} s, write {total['write']:.3f} s"
        f" (CPU, best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
