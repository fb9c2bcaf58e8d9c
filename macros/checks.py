"""Rules that cross items and files: ids, aliases, bases, references, phases, duplicate claims."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from .bases import check_bases, check_named
from .dataset import Dataset
from .errors import DataError, format_path
from .geo.checks import check_positions
from .integrity import check_integrity
from .ownvoice import summary_problems as own_voice_summaries
from .quotedclaims import check_quoted_claims
from .sourcenames import check_source_names
from .summaries import phase_summary_problems, summary_problems
from .titles import title_problems
from .validate import locate, suggest
from .walk import claim_fields, references

KIND_WORD = {
    "sources": "source", "parties": "party", "units": "unit", "places": "place", "people": "person",
    "phases": "phase", "events": "event", "battle": "battle",
}


def _error(data: Dataset, item: Any, loc: tuple[str | int, ...], message: str) -> DataError:
    origin = data.origin(item)
    mark, path = locate(origin.raw, loc)
    line, col = (mark.line, mark.column) if mark else (0, 0)
    return DataError(origin.file, line, col, format_path(origin.path + path), message)


def all_items(data: Dataset) -> Iterator[tuple[str, Any]]:
    for kind, items in data.items.items():
        for item in items:
            yield kind, item
    if data.battle is not None:
        yield "battle", data.battle


def check_ids(data: Dataset) -> tuple[dict[str, str], list[DataError]]:
    """Ids are unique across every kind, since pages and links are named by them."""
    kind_of: dict[str, str] = {}
    first: dict[str, Any] = {}
    errors = []
    for kind, item in all_items(data):
        if item.id in kind_of:
            where = data.origin(first[item.id])
            other = f"the {KIND_WORD[kind_of[item.id]]} at {where.file}:{where.raw.mark.line}"
            errors.append(_error(data, item, ("id",), f"id '{item.id}' is already used by {other}; ids must be unique across all data"))
            continue
        kind_of[item.id] = kind
        first[item.id] = item
    return kind_of, errors


def check_aliases(data: Dataset) -> list[DataError]:
    """A name or alias leads to one entity only; every alias is cited or marked as our identification."""
    owner: dict[str, Any] = {}
    errors = []
    for kind, item in all_items(data):
        if kind == "events":
            continue  # events have titles, not names: they need not be unique
        aliases = getattr(item, "aliases", [])
        for i, alias in enumerate(aliases):
            if not alias.marked:
                message = (f"alias '{alias.name}' is neither cited nor identified; add 'sources' (the texts that use this "
                           "name for it) or 'identified' (why we take it to name this entity)")
                errors.append(_error(data, item, ("aliases", i), message))
        names = [("name", item.name)] + [(("aliases", i), a.name) for i, a in enumerate(aliases)]
        seen_here: set[str] = set()
        for loc, name in names:
            key = " ".join(name.casefold().split())
            if key in seen_here:
                message = f"alias '{name}' repeats this entity's own name or alias; remove it"
                errors.append(_error(data, item, loc if isinstance(loc, tuple) else (loc,), message))
                continue
            seen_here.add(key)
            other = owner.get(key)
            if other is not None and other is not item:
                message = f"'{name}' is already a name or alias of '{other.id}'; one name must lead to one entity, so rename or remove one"
                errors.append(_error(data, item, loc if isinstance(loc, tuple) else (loc,), message))
            else:
                owner[key] = item
    return errors


def check_garrison_names(data: Dataset) -> list[DataError]:
    """A unit's `garrison_name` is an alias of its garrison, so the infobox can show it with its sources."""
    places = {p.id: p for p in data.items.get("places", [])}
    errors = []
    for unit in data.items.get("units", []):
        if unit.garrison_name is None:
            continue
        place = places.get(unit.garrison) if unit.garrison else None
        if place is None or unit.garrison_name not in [a.name for a in place.aliases]:
            where = f"'{unit.garrison}'" if unit.garrison else "no garrison"
            message = (f"garrison_name '{unit.garrison_name}' is not an alias of {where}; give one of that place's "
                       "aliases (add it there, with its sources or 'identified'), or remove garrison_name")
            errors.append(_error(data, unit, ("garrison_name",), message))
    return errors


def check_references(data: Dataset, kind_of: dict[str, str]) -> list[DataError]:
    errors = []
    by_kind: dict[str, list[str]] = {}
    for ident, kind in kind_of.items():
        by_kind.setdefault(kind, []).append(ident)
    for _kind, item in all_items(data):
        for loc, target, ref in references(item):
            kinds = ref.kinds or tuple(k for k in KIND_WORD if k != "events")
            if target in data.broken_ids or data.failed_kinds.intersection(kinds):
                continue  # already reported where the target (or its whole file) failed
            if kind_of.get(target) in kinds:
                continue
            words = " or ".join(KIND_WORD[k] for k in kinds) if ref.kinds else "entity"
            candidates = [i for k in kinds for i in by_kind.get(k, [])]
            if target in kind_of:
                message = f"'{target}' is a {KIND_WORD[kind_of[target]]}, not a {words}; use the id of a {words}"
            else:
                where = f"data/{kinds[0]}.yaml" if ref.kinds else "data/"
                message = f"unknown {words} '{target}'{suggest(target, candidates)}; add it to {where} or fix the id"
            errors.append(_error(data, item, loc, message))
    return errors


def check_phases(data: Dataset) -> list[DataError]:
    """Phases follow one another without overlap."""
    errors = []
    phases = data.items["phases"]
    for before, after in itertools.pairwise(phases):
        if after.start.first_day < before.start.first_day:
            errors.append(_error(data, after, ("start",), f"phase '{after.id}' starts before the phase above it ('{before.id}'); list phases in order"))
        elif before.end is None:
            errors.append(_error(data, before, (), f"phase '{before.id}' has no end but is followed by '{after.id}'; give it an end date"))
        elif after.start.first_day < before.end.first_day:
            message = f"phase '{after.id}' starts {after.start} but '{before.id}' runs to {before.end}; phases may not overlap, so fix one of the dates"
            errors.append(_error(data, after, ("start",), message))
    return errors


def check_claims(data: Dataset) -> list[DataError]:
    """The same value twice in one field is one claim with two sources, not a disagreement."""
    errors = []
    for _kind, item in all_items(data):
        for loc, claims in claim_fields(item):
            seen: dict[tuple[Any, ...], int] = {}
            for index, claim in enumerate(claims):
                key = (claim.value, claim.ref, claim.count, claim.date, claim.end, tuple(claim.names), claim.claimed_by, claim.as_of)
                if key in seen:
                    errors.append(_error(data, item, (*loc, index), f"repeats claim {seen[key]} of this field; merge them into one claim with both sources"))
                else:
                    seen[key] = index
    return errors


def check_own_voice(data: Dataset) -> list[DataError]:
    """'own_voice' overrides the claimant of the event a claim belongs to; elsewhere it says nothing."""
    errors = []
    for _kind, item in all_items(data):
        for loc, claims in claim_fields(item):
            for index, claim in enumerate(claims):
                if claim.own_voice and getattr(item, "claimed_by", None) is None:
                    message = ("'own_voice: true' marks a figure as the cited text's own words inside an event that a party claims, "
                               "but this item has no 'claimed_by', so nothing here is a party's claim; remove 'own_voice'")
                    errors.append(_error(data, item, (*loc, index, "own_voice"), message))
    return errors


def check_summaries(data: Dataset) -> list[DataError]:
    """An event's summary that repeats a claimed figure of the event names the claimant (macros/attribution.py);
    a claimed event's title says who says it (macros/titles.py)."""
    entities = {item.id: item for _kind, item in all_items(data)}
    found = [*summary_problems(data.items["events"], entities), *phase_summary_problems(data.items.get("phases", []), entities),
             *own_voice_summaries(data.items["events"], entities)]
    titles = [_error(data, event, ("title",), message) for event, message in title_problems(data.items["events"], entities)]
    return [_error(data, item, ("summary",), message) for item, message in found] + titles


def check(data: Dataset) -> list[DataError]:
    kind_of, errors = check_ids(data)
    errors += check_aliases(data)
    errors += check_garrison_names(data)
    errors += check_bases(all_items(data), lambda item, loc, message: _error(data, item, loc, message))
    errors += check_named(data.items["events"], {i.id: i for _k, i in all_items(data)}, lambda item, loc, message: _error(data, item, loc, message))
    errors += check_references(data, kind_of)
    errors += check_phases(data)
    errors += check_claims(data)
    errors += check_own_voice(data)
    errors += check_positions(data, _error)
    errors += check_summaries(data)
    errors += check_quoted_claims([item for _kind, item in all_items(data)], lambda item, loc, message: _error(data, item, loc, message))
    errors += check_source_names(data.items.get("sources", []), lambda item, loc, message: _error(data, item, loc, message))
    errors += check_integrity(data, lambda item, loc, message: _error(data, item, loc, message), list(all_items(data)))
    if data.battle is None and "battle" not in data.failed_kinds and not any(f.endswith("battle.yaml") for f in data.files):
        errors.append(DataError("data/battle.yaml", 0, 0, "", "no battle found; add data/battle.yaml with a 'battle:' mapping"))
    return errors
