"""Fields that rest on a basis: every `parent` ("Part of") and every place's `within` ("Located in")
names the texts that state it or is marked as our identification; a basis is never empty and never
stands without its field; an event's `named` entry is an alias of an entity the event involves, so
it shows with its mark.

A text seldom says outright that one force belongs to another, or what kind of body a group is;
where we infer it, readers must see that it is ours and why (as for an alias we identify).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .errors import DataError

Report = Callable[[Any, tuple[str | int, ...], str], DataError]

# field -> (its basis field, what the field says, for the messages)
BASED = {"parent": ("parent_basis", "is part of"), "within": ("within_basis", "lies in"),
         "kind": ("kind_basis", "is of this type")}
# `kind` may stand on its own (a type is often in the name); a place's `within` too, since generated and
# test data place things freely: tests/test_fidelity.py holds the real data to a basis for every `within`.
REQUIRED = {"parent"}


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


def check_named(events: Iterable[Any], entities: dict[str, Any], report: Report) -> list[DataError]:
    errors = []
    for event in events:
        involved = {*event.places, *event.parties, *event.units, *event.people}
        for i, named in enumerate(event.named):
            entity = entities.get(named.ref)
            if named.ref not in involved:
                errors.append(report(event, ("named", i, "ref"), f"'{named.ref}' is not among this event's places, parties, "
                                     "units or people; add it there or remove this entry"))
            elif entity is not None and named.name not in [entity.name, *(a.name for a in entity.aliases)]:
                errors.append(report(event, ("named", i, "name"), f"'{named.name}' is neither the name nor an alias of '{named.ref}'; "
                                     "add it to that record's aliases (with its sources or 'identified') or give one of them"))
    return errors
