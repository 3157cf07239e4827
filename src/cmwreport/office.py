"""PDF reading copies of the built documents, through LibreOffice (headless).

Each conversion runs with its own LibreOffice profile in a temporary folder (two
conversions sharing a profile fail silently) and under a time limit; the documents
are converted from temporary copies, so a failed conversion leaves nothing written.
LibreOffice is found as CMWREPORT_SOFFICE, else `soffice` or `libreoffice` on PATH;
the time limit is CMWREPORT_PDF_TIMEOUT seconds (default 180).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from cmwreport.errors import CmwError
from cmwreport.i18n import _

DEFAULT_TIMEOUT = 180.0


class OfficeError(CmwError):
    """LibreOffice is missing, failed, or took too long."""


def find_soffice() -> str:
    given = os.environ.get("CMWREPORT_SOFFICE")
    if given:
        found = shutil.which(given)
        if found is None:
            raise OfficeError(
                _("CMWREPORT_SOFFICE={given!r}: no such program; --pdf needs it", given=given)
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise OfficeError(
        _(
            "--pdf needs LibreOffice, and soffice is not installed (apt-get install "
            "libreoffice-writer-nogui); nothing written"
        )
    )


def _timeout() -> float:
    value = os.environ.get("CMWREPORT_PDF_TIMEOUT", "").strip()
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 86400:
        raise OfficeError(
            _("CMWREPORT_PDF_TIMEOUT={value!r}: give a number of seconds", value=value)
        )
    return seconds


def to_pdf(documents: list[tuple[Path, bytes]]) -> list[tuple[Path, bytes]]:
    """(docx path, docx bytes) -> (same path, PDF bytes), converted in one LibreOffice run."""
    soffice = find_soffice()
    timeout = _timeout()
    with tempfile.TemporaryDirectory(prefix="cmwreport-pdf-") as work:
        folder = Path(work)
        inputs = []
        for index, (_path, data) in enumerate(documents):
            # Short ASCII names: LibreOffice names each PDF after its input.
            name = folder / f"d{index}.docx"
            name.write_bytes(data)
            inputs.append(name)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            *map(str, inputs),
        ]
        _run(command, timeout)
        results = []
        for (path, _data), source in zip(documents, inputs, strict=True):
            pdf = folder / "pdf" / f"{source.stem}.pdf"
            data = pdf.read_bytes() if pdf.is_file() else b""
            if not data.startswith(b"%PDF"):
                raise OfficeError(
                    _("LibreOffice wrote no PDF for {name}; nothing written", name=path.name)
                )
            results.append((path, data))
        return results


def _run(command: list[str], timeout: float) -> None:
    # A session of its own, so the whole LibreOffice process group can be stopped.
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise OfficeError(
            _(
                "LibreOffice did not finish the PDF within {timeout:g} s (CMWREPORT_PDF_TIMEOUT); "
                "nothing written",
                timeout=timeout,
            )
        ) from None
    except BaseException:
        _stop(process)
        raise
    if process.returncode != 0:
        said = err.decode("utf-8", "replace").strip().splitlines()
        reason = f": {said[-1][:200]}" if said else ""
        raise OfficeError(
            _(
                "LibreOffice failed to write the PDF (exit {returncode}){reason}; nothing written",
                returncode=process.returncode,
                reason=reason,
            )
        )


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
