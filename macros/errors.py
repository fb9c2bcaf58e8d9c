"""One error type for every problem in the data, and its one-line rendering.

Every check in the engine reports a `DataError`; nothing raises until all of them are
collected, so a contributor sees every problem in one run.
"""

from __future__ import annotations

from dataclasses import dataclass

# Line breaks and other control characters are shown escaped, so that one error stays one line.
_ONE_LINE = {c: repr(chr(c))[1:-1] for c in [*range(32), 127, 0x85, 0x2028, 0x2029]}


@dataclass(frozen=True, order=True)
class DataError:
    """A problem at a place in a file: `file:line:col: path: message`."""

    file: str
    line: int = 0
    column: int = 0
    path: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return text.translate(_ONE_LINE)  # one error, one line: a quoted value may hold line breaks


class DataErrors(Exception):
    """Raised once, after collection, with every error found."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(e) for e in self.errors]
        count = len(self.errors)
        lines.append(f"{count} error{'s' if count != 1 else ''} in the data; nothing was built.")
        return "\n".join(lines)


def format_path(parts: tuple[str | int, ...]) -> str:
    """('units', 3, 'garrison') -> 'units[3].garrison'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def annotation(error: DataError) -> str:
    """A GitHub Actions workflow command, so that the error shows on the pull request's own line."""
    where = f"file={_escape(error.file, True)}"
    if error.line:
        where += f",line={error.line},col={error.column or 1}"
    message = f"{error.path}: {error.message}" if error.path else error.message
    return f"::error {where}::{_escape(message)}"
