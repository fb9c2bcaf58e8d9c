"""Fields that rest on a basis: every `parent` ("Part of") names the texts that state it or is
marked as our identification; a basis is never empty and never stands without its field.

A text seldom says outright that one force belongs to another, or what kind of body a group is;
where we infer it, readers must see that it is ours and why (as for an alias we identify).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .errors import DataError

Report = Callable[[Any, tuple[str | int, ...], str], DataError]

# field -> (its basis field, what the field says, for the messages)
BASED = {"parent": ("parent_basis", "is part of"), "kind": ("kind_basis", "is of this type")}
REQUIRED = {"parent"}  # `kind` may stand on its own: a unit's or party's type is often in its name


def check_bases(items: Iterable[tuple[str, Any]], report: Report) -> list[DataError]:
    errors = []
    for _kind, item in items:
        for field, (basis_field, says) in BASED.items():
            if basis_field not in type(item).model_fields:
                continue
            value, basis = getattr(item, field), getattr(item, basis_field)
            if basis is not None and value is None:
                errors.append(report(item, (basis_field,), f"'{basis_field}' is given but '{field}' is not; "
                                     f"add '{field}' or remove '{basis_field}'"))
            elif basis is not None and not basis.marked:
                errors.append(report(item, (basis_field,), f"'{basis_field}' is empty; add 'sources' (the texts that say "
                                     f"it {says}) or 'identified' (why we infer it, where no text says so)"))
            elif basis is None and value is not None and field in REQUIRED:
                errors.append(report(item, (field,), f"'{field}' ('{value}') rests on no text; add '{basis_field}' with 'sources' "
                                     f"(the texts that say it {says} '{value}') or 'identified' (why we infer it, "
                                     "where no text says so)"))
    return errors
