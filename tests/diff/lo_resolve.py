"""Accept All or Reject All in LibreOffice, through its own API (UNO), on a redline.

Run with the system Python that has Debian's python3-uno:
    /usr/bin/python3 lo_resolve.py accept|reject IN.docx OUT.docx [IN OUT ...]
One headless soffice for all the files: each is opened, every tracked change accepted
(or rejected) with the commands of Edit > Track Changes, and saved as .docx.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "real"))

from make_uno import Office, save  # type: ignore[import-not-found]  # noqa: E402


def main(argv: list[str]) -> None:
    how, files = argv[0], argv[1:]
    office = Office()
    try:
        dispatcher = office.smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", office.ctx
        )
        command = (
            ".uno:AcceptAllTrackedChanges" if how == "accept" else ".uno:RejectAllTrackedChanges"
        )
        for src, dst in zip(files[::2], files[1::2], strict=True):
            doc = office.open(Path(src))
            frame = doc.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, command, "", 0, ())
            save(doc, Path(dst))
            doc.close(True)
    finally:
        office.close()


if __name__ == "__main__":
    main(sys.argv[1:])
