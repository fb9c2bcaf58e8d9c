"""Rules that keep the data's shape sound: no loops, one new holder per site, no name that
takes a path the site uses or looks like another's, no citation repeated.

Each rule runs in time linear in the data, so a large or hostile data set cannot stall a check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from .dataset import Dataset
from .errors import DataError
from .links import PAGE_KINDS, slug
from .model.claim import Citation
from .model.names import skeleton
from .walk import fields_holding

Report = Callable[[Any, tuple[str | int, ...], str], DataError]

# Fields that point along a chain of the same kind, and how a loop in them reads.
CHAINS = (("places", "within", "is within"), ("parties", "parent", "is part of"), ("units", "parent", "is under"))
# Paths the built site uses itself: an alias redirect there would replace it. The battle's
# aliases land at the top of the site; every entity's within its kind's folder, whose index
# page is `index` (or `README`).
IN_EVERY_FOLDER = frozenset({"index", "readme"})
AT_THE_TOP = IN_EVERY_FOLDER | {"404", "api", "assets", "search", "sitemap", "javascripts", "stylesheets", *PAGE_KINDS}
MAX_CITATIONS = 20
MAX_SAME_SOURCE = 5


def check_chains(data: Dataset, report: Report) -> list[DataError]:
    """No place within itself, at any depth; no party or unit its own parent."""
    errors = []
    for kind, field, verb in CHAINS:
        items = data.items[kind]
        target = {item.id: getattr(item, field) for item in items}
        by_id = {item.id: item for item in items}
        order = {item.id: index for index, item in enumerate(items)}
        state: dict[str, int] = {}  # 1: on the current walk, 2: done
        for item in items:
            path: list[str] = []
            ident: str | None = item.id
            while ident in target and ident not in state:
                state[ident] = 1
                path.append(ident)
                ident = target[ident]
            if ident is not None and state.get(ident) == 1:
                loop = path[path.index(ident) :]
                first = min(loop, key=order.__getitem__)
                if len(loop) == 1:
                    message = f"'{first}' {verb} itself; point '{field}' at another {kind[:-1] if kind != 'parties' else 'party'} or remove it"
                else:
                    chain = " -> ".join([*loop[loop.index(first) :], *loop[: loop.index(first)], first])
                    message = f"'{first}' {verb} itself through {chain}; a '{field}' chain may not loop, so fix one of them"
                errors.append(report(by_id[first], (field,), message))
            for done in path:
                state[done] = 2
    return errors


def check_control(data: Dataset, report: Report) -> list[DataError]:
    """An event hands a site to one party: two `to` for one site contradict each other. A report's
    own `sources` are some of the event's (the texts of the event that report that site)."""
    errors = []
    for event in data.items["events"]:
        given: dict[str, tuple[int, str]] = {}
        cited = [c.source for c in event.sources]
        for index, change in enumerate(event.control):
            for at, citation in enumerate(change.sources):
                if citation.source not in cited:
                    errors.append(report(event, ("control", index, "sources", at),
                                         f"'{citation.source}' is not one of the event's sources ({', '.join(cited)}); "
                                         "a control report names those of the event's texts that report its site, "
                                         "so add it to the event's 'sources' or name one of them"))
            new = getattr(change, "to", None)
            if new is None:
                continue
            if change.site not in given:
                given[change.site] = (index, new)
                continue
            first, party = given[change.site]
            if party == new:
                message = f"repeats control[{first}] (site '{change.site}' to '{new}'); remove one"
            else:
                message = (f"site '{change.site}' is handed to '{party}' in control[{first}] and to '{new}' here; "
                           "one event hands a site to one party, so split it into two events or fix one")
            errors.append(report(event, ("control", index, "to"), message))
    return errors


def _names(item: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    yield ("name",), item.name
    for index, alias in enumerate(getattr(item, "aliases", [])):
        yield ("aliases", index, "name"), alias.name


def _address(folder: str, path: str) -> str:
    return f"/{folder}" if path in IN_EVERY_FOLDER else f"/{folder}{path}/"


def check_reserved(data: Dataset, report: Report) -> list[DataError]:
    """No id, name or alias takes an address the site itself uses (/search/, /api/, a section's index)."""
    errors = []
    named = [(kind, item) for kind in PAGE_KINDS for item in data.items[kind]]
    named += [("battle", data.battle)] if data.battle is not None else []
    for kind, item in named:
        reserved = AT_THE_TOP if kind == "battle" else IN_EVERY_FOLDER
        folder = "" if kind == "battle" else f"{kind}/"
        if item.id in reserved and kind != "battle":
            errors.append(report(item, ("id",), f"id '{item.id}' would make its page /{folder}, the index of {folder}; choose another id"))
        for loc, name in _names(item):
            path = slug(name)
            if path in reserved:
                message = (f"'{name}' would make a redirect page at {_address(folder, path)}, which the site itself uses "
                           f"(reserved here: {', '.join(sorted(reserved))}); remove it or write it differently")
                errors.append(report(item, loc, message))
    return errors


def check_lookalikes(data: Dataset, report: Report, entities: list[Any]) -> list[DataError]:
    """Two names that look the same (Latin 'a' and Cyrillic 'а', '0' and 'O') are one name."""
    errors = []
    seen: dict[str, tuple[Any, str, str]] = {}
    for item in entities:
        for loc, name in _names(item):
            plain = " ".join(name.casefold().split())
            key = skeleton(name)
            other = seen.get(key)
            if other is None:
                seen[key] = (item, name, plain)
            elif other[2] != plain:  # the same spelling is check_aliases' business
                whose = "this entity" if other[0] is item else f"'{other[0].id}'"
                message = (f"'{name}' looks the same as '{other[1]}', a name of {whose}, but is spelled with other "
                           "characters; use one spelling, or a name that looks different")
                errors.append(report(item, loc, message))
    return errors


def _citation_lists(obj: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], list[Citation]]]:
    if isinstance(obj, BaseModel):
        for name in fields_holding(type(obj), Citation):
            yield from _citation_lists(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list):
        if obj and isinstance(obj[0], Citation):
            yield loc, obj
            return
        for index, value in enumerate(obj):
            yield from _citation_lists(value, (*loc, index))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _citation_lists(value, (*loc, key))


def check_citations(report: Report, items: list[Any]) -> list[DataError]:
    """A citation is not repeated, a source is cited at most MAX_SAME_SOURCE times in one list
    (each with its own locator or quote), and a list holds at most MAX_CITATIONS."""
    errors = []
    for item in items:
        for loc, citations in _citation_lists(item):
            if len(citations) > MAX_CITATIONS:
                message = f"{len(citations)} citations; cite at most {MAX_CITATIONS} here, those that state it best"
                errors.append(report(item, loc, message))
            first: dict[tuple[str, str | None, str | None], int] = {}
            per_source: dict[str, int] = {}
            for index, citation in enumerate(citations):
                key = (citation.source, citation.locator, citation.quote)
                per_source[citation.source] = per_source.get(citation.source, 0) + 1
                if key in first:
                    message = f"repeats citation [{first[key]}] (the same source, locator and quote); remove one"
                    errors.append(report(item, (*loc, index), message))
                elif per_source[citation.source] == MAX_SAME_SOURCE + 1:
                    message = (f"cites '{citation.source}' a {MAX_SAME_SOURCE + 1}th time here; cite a source at most "
                               f"{MAX_SAME_SOURCE} times in one list, with the locators that state it best")
                    errors.append(report(item, (*loc, index), message))
                first.setdefault(key, index)
    return errors


def check_integrity(data: Dataset, report: Report, items: list[tuple[str, Any]]) -> list[DataError]:
    entities = [item for kind, item in items if kind != "events"]
    errors = check_chains(data, report)
    errors += check_control(data, report)
    errors += check_reserved(data, report)
    errors += check_lookalikes(data, report, entities)
    errors += check_citations(report, [item for _kind, item in items])
    return errors
