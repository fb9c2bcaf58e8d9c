"""Strict UTF-8 for every file the engine reads (data and pages), with a located error."""

from __future__ import annotations

from .errors import DataError


def decode_utf8(raw: bytes, display: str, what: str) -> tuple[str, DataError | None]:
    """Strict UTF-8, or an error at the line and column (in characters) of the first bad byte."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line, col = raw[: exc.start].count(b"\n") + 1, len(raw[start : exc.start].decode("utf-8", "replace")) + 1
        return "", DataError(display, line, col, "", f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the {what} as UTF-8")
