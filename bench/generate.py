"""Make a valid synthetic conflict of any size, for benchmarks: `data/` plus a page per entity.

    python bench/generate.py OUT --events 10000 --units 1000 [--seed 7]

Writes OUT/data/ (events split into OUT/data/events/*.yaml) and OUT/docs/ (battle, chronology,
sources and one page per unit, place, party, person, phase and source). Everything is fiction
and deterministic for a seed; the output passes `python -m macros.check`. Other counts follow
from the two given: places = units / 2, sources = events / 50, people = units / 20.

Laid out as a large record should be: with more events than the engine's `split_above` (500),
the chronology has a page per month (docs/chronology/YYYY-MM.md, in the nav by year); units,
places, people and sources sit in sub-folders (units by party, then kind; places by name; people
by side; sources by quarter), each a sub-section of the navigation, and a sub-section of more
than --nav-group entries (30) is cut into parts, so that no page carries a nav section of a
thousand entries.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import yaml

ROOTS = ["Karsk", "Vell", "Ostra", "Marn", "Tessa", "Dunhol", "Irva", "Pelk", "Soren", "Lodz", "Ambra", "Kiro"]
EVENT_KINDS = ["attack", "capture", "airstrike", "clash", "withdrawal", "reinforcement", "displacement", "statement"]
UNIT_KINDS = ["battalion", "brigade", "column", "other"]
START = dt.date(2030, 1, 1)
DAYS = 3 * 365
PHASES = 5
SPLIT_ABOVE = 500  # macros/scale.py's default: with more events, a page per month
NAV_GROUP = 30  # the most entries a nav sub-section holds before it is cut into parts (--nav-group)
PARTIES = [("blue-front", "Blue Front", None), ("blue-front-youth", "Blue Front Youth Wing", "blue-front"),
           ("river-alliance", "River Alliance", None), ("grey-army", "Grey Army", None),
           ("grey-air-wing", "Grey Air Wing", "grey-army"), ("grey-militia", "Grey Militia", None)]


def _cites(rng: random.Random, sources: list[str], most: int = 2) -> list[Any]:
    out: list[Any] = []
    for ident in rng.sample(sources, rng.randint(1, most)):
        roll = rng.random()
        if roll < 0.15:
            out.append({"source": ident, "locator": f"para. {rng.randint(1, 30)}"})
        elif roll < 0.25:
            out.append({"source": ident, "quote": "the line held until dawn"})
        else:
            out.append(ident)
    return out


def _claims(rng: random.Random, sources: list[str], values: list[str], claimant: str | None = None) -> list[dict[str, Any]]:
    """One claim per distinct value: two values make a 'sources differ'."""
    out = []
    for value in values:
        claim: dict[str, Any] = {"value": value, "sources": _cites(rng, sources, 1)}
        if claimant:
            claim["claimed_by"] = {"party": claimant}
        out.append(claim)
    return out


def _date(rng: random.Random, day: dt.date) -> str:
    roll = rng.random()
    if roll < 0.8:
        return day.isoformat()
    if roll < 0.9:
        return f"by {day.isoformat()}"
    return f"{'early' if day.day <= 10 else 'mid' if day.day <= 20 else 'late'} {day:%Y-%m}"


def generate(out: Path, events: int, units: int, seed: int = 7, split_above: int = SPLIT_ABOVE,
             nav_group: int = NAV_GROUP) -> dict[str, int]:
    rng = random.Random(seed)
    n_places, n_sources, n_people = max(10, units // 2), max(10, events // 50), max(5, units // 20)
    sources = [f"report-{i:04d}" for i in range(n_sources)]
    parties = [p[0] for p in PARTIES]
    places = [f"place-{i:04d}" for i in range(n_places)]
    people = [f"person-{i:03d}" for i in range(n_people)]
    unit_ids = [f"unit-{i:04d}" for i in range(units)]
    data: dict[str, Any] = {
        "sources": [{"id": s, "name": f"Gazette report {i}", "kind": "news-report", "outlet": "The North Gazette",
                     "date": (START + dt.timedelta(days=i * DAYS // n_sources)).isoformat(),
                     **({"url": f"https://example.org/gazette/{i}"} if i % 3 == 0 else {})}
                    for i, s in enumerate(sources)],
        "parties": [{"id": ident, "name": name, "kind": "armed-group", "sources": _cites(rng, sources),
                     **({"parent": parent, "parent_basis": {"sources": [sources[0]]}} if parent else {})}
                    for ident, name, parent in PARTIES],
        "people": [{"id": p, "name": f"Commander {ROOTS[i % len(ROOTS)]} {i}", "role": "commander",
                    "affiliation": rng.choice(parties), "sources": _cites(rng, sources)} for i, p in enumerate(people)],
    }
    data["places"] = []
    for i, ident in enumerate(places):
        place: dict[str, Any] = {"id": ident, "name": f"{ROOTS[i % len(ROOTS)]} {i}", "kind": "town" if i < 5 else "village",
                                 "sources": _cites(rng, sources)}
        if i >= 5:
            place["within"] = places[i % 5]
            place["within_basis"] = {"sources": [sources[0]]}  # a basis is required with 'within'
        if i % 3 == 0:
            place["coordinates"] = {"lat": f"{24 + i % 100 / 100:.2f}", "lon": f"{97 + i % 70 / 100:.2f}",
                                    "precision": "0.01 degree", "kind": "approximate", "sources": _cites(rng, sources, 1)}
        if i % 10 == 1:
            place["distances"] = [{"to": places[0], "km": str(i % 40 + 2), "sources": _cites(rng, sources, 1)}]
        if i % 4 == 0:
            place["facts"] = {"population": _claims(rng, sources, [f"{1000 + i}", f"{1200 + i}"][: 1 + (i % 8 == 0)])}
        data["places"].append(place)
    data["units"] = []
    for i, ident in enumerate(unit_ids):
        alias = {"name": f"RB-{i}", "sources": [sources[i % len(sources)]]}  # an alias names the text that uses it
        unit: dict[str, Any] = {"id": ident, "name": f"Rifle Battalion {i}", "aliases": [alias], "kind": UNIT_KINDS[i % 4],
                                "number": str(i), "party": parties[i % len(parties)], "garrison": rng.choice(places),
                                "sources": _cites(rng, sources)}
        if i >= 10:
            unit["parent"] = unit_ids[i % 10]
            unit["parent_basis"] = {"identified": "the generator's own grouping"}  # a basis is required with 'parent'
        if i % 5 == 0:
            unit["designation"] = _claims(rng, sources, [f"RB {i}", f"Battalion {i}"][: 1 + (i % 10 == 0)])
        data["units"].append(unit)
    span = DAYS // PHASES
    data["phases"] = [{"id": f"phase-{i + 1}", "name": f"Phase {i + 1}", "sources": _cites(rng, sources),
                       "start": (START + dt.timedelta(days=i * span)).isoformat(),
                       **({"end": (START + dt.timedelta(days=(i + 1) * span - 1)).isoformat()} if i < PHASES - 1 else {})}
                      for i in range(PHASES)]
    data["events"] = [_event(rng, i, events, sources, parties, places, unit_ids, people) for i in range(events)]
    data["battle"] = {
        "id": "battle-of-karsk", "name": "Battle of Karsk", "summary": "A synthetic battle for benchmarks.",
        "place": [{"ref": places[0], "sources": _cites(rng, sources, 1)}],
        "result": _claims(rng, sources, ["Ongoing"]),
        "sides": [{"id": f"side-{s}", "name": f"Side {s}",
                   "belligerents": [{"ref": p, "sources": _cites(rng, sources, 1)} for p in parties[s * 3:s * 3 + 3]],
                   "commanders": [{"ref": p, "sources": _cites(rng, sources, 1)} for p in people[s:s + 2]],
                   "units": [{"ref": u, "sources": _cites(rng, sources, 1)} for u in unit_ids[s * 5:s * 5 + 5]],
                   "strength": {"fighters": _claims(rng, sources, ["4,000", "6,000"])},
                   "casualties": {"killed": _claims(rng, sources, ["300"], parties[3 - 3 * s])}} for s in (0, 1)],
        "sources": _cites(rng, sources),
    }
    _write(out, data, split_above, nav_group)
    return {kind: len(items) if isinstance(items, list) else 1 for kind, items in data.items()}


def _event(rng: random.Random, i: int, total: int, sources: list[str], parties: list[str], places: list[str],
           units: list[str], people: list[str]) -> dict[str, Any]:
    day = START + dt.timedelta(days=i * DAYS // total)
    kind = EVENT_KINDS[i % len(EVENT_KINDS)]
    where, who = rng.sample(places, 1 + (i % 4 == 0)), rng.sample(parties, rng.randint(1, 2))
    event: dict[str, Any] = {"id": f"event-{i:05d}", "date": _date(rng, day), "kind": kind,
                             "title": f"{kind.capitalize()} near {where[0].replace('place-', 'site ')}",
                             "summary": f"Fighting is reported around the site; event number {i} of the synthetic record.",
                             "places": where, "parties": who, "units": rng.sample(units, rng.randint(1, 2))}
    if i % 10 == 3:
        event["people"] = [rng.choice(people)]
    if i % 20 == 7:
        event["control"] = [{"site": where[0], "to": who[0], **({"extent": "partial"} if i % 40 == 7 else {})}]
    if i % 3 == 0:
        values = [str(i % 50 + 1), str(i % 50 + 9)][: 1 + (i % 9 == 0)]
        event["figures"] = {"killed": _claims(rng, sources, values, who[0] if i % 2 else None)}
    if i % 10 == 5:
        event["claimed_by"] = {"party": who[0]}
        event["title"] = f"{kind.capitalize()} reported near {where[0].replace('place-', 'site ')}"  # a claimed title says so
    event["sources"] = _cites(rng, sources, 1 + (i % 5 == 0))
    return event


NAV = """# Generated (bench/generate.py). Sub-folders of units, places, people and sources are sub-sections.
append_unmatched: true
nav:
  - Home: index.md
  - Battle of Karsk: battle.md
  - Phases: phases
  - Chronology:
      - All events: chronology.md
{years}  - Units: units
  - Armed groups and organisations: parties
  - Places: places
  - People: people
  - Sources:
      - All sources: sources.md
      - sources
"""
PAGE = "# {title}\n\n{{{{ infobox('{ident}') }}}}\n\n{{{{ timeline('{ident}') }}}}\n\n## References\n\n{{{{ references() }}}}\n"


def _dump(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(value, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                              allow_unicode=True, width=200), encoding="utf-8")


def _write(out: Path, data: dict[str, Any], split_above: int, nav_group: int) -> None:
    for kind, items in data.items():
        if kind == "events":
            for start in range(0, max(len(items), 1), 1000):
                _dump(out / "data" / "events" / f"part-{start // 1000:03d}.yaml", {"events": items[start:start + 1000]})
        else:
            _dump(out / "data" / f"{kind}.yaml", {kind: items})
    docs = out / "docs"
    names = {item["id"]: item["name"] for item in data["parties"] + data["places"]}
    for kind in ("units", "places", "parties", "people", "phases", "sources"):
        for item, levels in _sections(kind, data[kind], names, nav_group):
            folder = docs / kind
            for name, title in levels:
                folder = folder / name
                if not (folder / ".nav.yml").exists():
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / ".nav.yml").write_text(f"title: {json.dumps(title)}\n", encoding="utf-8")
            page = folder / f"{item['id']}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(PAGE.format(title=item["name"], ident=item["id"]), encoding="utf-8")
    months = sorted({event["date"].split()[-1][:7] for event in data["events"]})
    split = len(data["events"]) > split_above
    years = "".join(f'      - "{y}": ["chronology/{y}-*.md"]\n' for y in sorted({m[:4] for m in months})) if split else ""
    (docs / ".nav.yml").write_text(NAV.format(years=years), encoding="utf-8")
    if split:
        for month in months:
            year, number = month.split("-")
            (docs / "chronology").mkdir(exist_ok=True)
            (docs / "chronology" / f"{month}.md").write_text(
                f"# {calendar.month_name[int(number)]} {year}\n\n{{{{ chronology('{month}') }}}}\n\n"
                "## References\n\n{{ references() }}\n", encoding="utf-8")
    battle, first_place, first_source = data["battle"]["id"], data["places"][0]["id"], data["sources"][0]["id"]
    (docs / "index.md").write_text("# Synthetic conflict\n\nA generated record: see [the battle](battle.md) and [the chronology](chronology.md).\n")
    (docs / "battle.md").write_text(
        f"# Battle of Karsk\n\n{{{{ infobox('{battle}') }}}}\n\nThe fighting centred on {{{{ entity_link('{first_place}') }}}}."
        f"{{{{ cite('{first_source}', 'p. 2') }}}} Its population: {{{{ fact('{first_place}', 'population') }}}}\n\n"
        "## References\n\n{{ references() }}\n")
    (docs / "chronology.md").write_text("# Chronology\n\n{{ chronology() }}\n\n## References\n\n{{ references() }}\n")
    listing = "\n".join(f"- {{{{ entity_link('{s['id']}') }}}}" for s in data["sources"])
    (docs / "sources.md").write_text(f"# Sources\n\n{listing}\n")


def _group(kind: str, item: dict[str, Any], names: dict[str, str]) -> list[tuple[str, str]]:
    """The nested nav sub-sections (folder, title) of an entity's page; none for a small kind.
    Units by side, then by type; places by name; people by side; sources by quarter."""
    if kind == "units":
        return [(item["party"], names[item["party"]]), (item["kind"], f"{item['kind'].capitalize()}s")]
    if kind == "places":
        root = item["name"].split()[0]
        return [(root.lower(), f"{root} and around")]
    if kind == "people":
        return [(item["affiliation"], names[item["affiliation"]])]
    if kind == "sources":
        quarter = f"{item['date'][:4]}-q{(int(item['date'][5:7]) - 1) // 3 + 1}"
        return [(quarter, quarter.upper().replace("-", " "))]
    return []


def _sections(kind: str, items: list[dict[str, Any]], names: dict[str, str],
              most: int) -> list[tuple[dict[str, Any], list[tuple[str, str]]]]:
    """Each item with its sub-sections; a sub-section of more than `most` entries is cut into
    parts of equal size, in the nav's order (by file name), each titled by its first and last entry.
    With `navigation.prune` a page carries the entries of its own part and the titles along its
    path, so that no page's nav grows with the size of the kind."""
    groups: dict[tuple[tuple[str, str], ...], list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(tuple(_group(kind, item, names)), []).append(item)
    out = []
    for levels, members in groups.items():
        members = sorted(members, key=lambda item: item["id"])
        parts = -(-len(members) // most)
        size = -(-len(members) // parts)
        for start in range(0, len(members), size):
            chunk = members[start:start + size]
            part = [(f"part-{start // size + 1:0{len(str(parts))}d}", _span(chunk[0]["name"], chunk[-1]["name"]))] if parts > 1 else []
            out += [(item, [*levels, *part]) for item in chunk]
    return out


def _span(first: str, last: str) -> str:
    """'Rifle Battalion 0 to 324' from 'Rifle Battalion 0' and 'Rifle Battalion 324'."""
    words = 0
    while words < min(len(first.split()), len(last.split())) - 1 and first.split()[words] == last.split()[words]:
        words += 1
    return f"{first} to {' '.join(last.split()[words:])}" if first != last else first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--nav-group", type=int, default=NAV_GROUP, help="most entries in one nav sub-section")
    args = parser.parse_args()
    counts = generate(args.out, args.events, args.units, args.seed, nav_group=args.nav_group)
    print(", ".join(f"{n} {kind}" for kind, n in counts.items()))


if __name__ == "__main__":
    main()
