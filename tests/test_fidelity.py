"""Issue #11's acceptance checks on the real site, built from the repository's data and pages:
every "sources differ" is a real disagreement; every alias is cited (to a text that uses it) or
marked as our identification; no foothold shows as control and the latest-report view follows
the newest text; every one-party claim shows its claimant wherever it is shown."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from conftest import ROOT

from macros.engine import load_index
from macros.model.claim import compatible, differ, group_by_statement
from macros.walk import claim_fields

SEEDS = ROOT.parent / "shared" / "seeds"  # the five texts: shared/ lies beside the clone (CI, sessions)
if not SEEDS.is_dir():
    SEEDS = ROOT.parent.parent / "shared" / "seeds"  # or beside a folder of worktrees
if not SEEDS.is_dir():
    SEEDS = Path("/work/shared/seeds")
ANNOTATIONS = {"bw-claimant", "bw-asof", "bw-marks", "bw-by", "bw-note", "bw-agrees"}


@pytest.fixture(scope="module")
def index():
    return load_index(ROOT / "data", ROOT)


def pages(site: Path) -> dict[str, lxml.html.HtmlElement]:
    return {p.relative_to(site).as_posix(): lxml.html.fromstring(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")
            if p.name == "index.html"}


@pytest.fixture(scope="module")
def site_pages(real_site: Path):
    return pages(real_site)


def squash(text: str) -> str:
    return " ".join(text.replace("\u2060", " ").split())


def shown_value(claim_span) -> str:
    """A claim as the page shows it, without its claimant, date, marks, sources or note."""
    parts = [claim_span.text or ""]
    for child in claim_span:
        if not ANNOTATIONS.intersection((child.get("class") or "").split()):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return squash("".join(parts))


def value_of(index, claim) -> str:
    """The same, from the data (the renderer's rule: ref's name, ': ', text; or the names listed)."""
    name = lambda ident: index.get(ident).name  # noqa: E731
    text = claim.text if not (claim.names and not claim.value) else ", ".join(name(n) for n in claim.names)
    return squash(": ".join(x for x in (name(claim.ref) if claim.ref else None, text) if x))


def test_every_sources_differ_on_the_site_is_incompatible_under_the_model(index, site_pages) -> None:
    fields = []
    for item in index.entities.values():
        for loc, claims in claim_fields(item):
            groups = group_by_statement(claims)
            fields.append((item.id, loc, groups, sorted(value_of(index, g[0]) for g in groups)))
    shown: set[tuple[str, tuple]] = set()
    for url, tree in site_pages.items():
        for block in tree.xpath("//*[contains(concat(' ', @class, ' '), ' bw-differ ')]"):
            values = sorted(shown_value(s) for s in block.xpath(".//span[contains(concat(' ', @class, ' '), ' bw-claim ')]")
                            if not s.xpath("ancestor::span[contains(concat(' ', @class, ' '), ' bw-agrees ')]"))
            matches = [f for f in fields if f[3] == values]
            assert matches, f"{url}: 'sources differ' with {values}, which no field of the data has"
            for owner, loc, groups, _ in matches:
                assert differ(groups), f"{url}: {owner} {loc} shows 'sources differ' but its claims can all be true"
                for x, first in enumerate(groups):  # each statement is incompatible with some other one
                    assert any(not compatible(a, b) for y, other in enumerate(groups) if y != x for a in first for b in other)
                shown.add((owner, loc))
    listed = {(d.owner.id, d.path) for d in index.disagreements}
    assert shown == listed, f"shown {sorted(shown)}, the index lists {sorted(listed)}"
    print("sources differ on the site:", sorted(" › ".join(map(str, (o, *loc))) for o, loc in shown))
    assert len(listed) >= 1


def _texts() -> dict[str, str]:
    sources = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    norm = lambda t: " ".join(t.replace("\u2019", "'").casefold().split())  # noqa: E731
    return {s["id"]: norm((SEEDS / s["file"]).read_text(encoding="utf-8")) for s in sources if s.get("file")}


def _uses(text: str, name: str, longer: list[str]) -> bool:
    """The text writes this very name: not only inside a longer name of the same entity."""
    def spans(n: str) -> list[tuple[int, int]]:
        n = " ".join(n.casefold().split())
        found = [m.start() for m in re.finditer(re.escape(n), text)]
        return [(i, i + len(n)) for i in found
                if (i == 0 or not text[i - 1].isalnum()) and (i + len(n) == len(text) or not text[i + len(n)].isalnum())]
    outer = [s for other in longer for s in spans(other)]
    return any(not any(a <= i and j <= b for a, b in outer) for i, j in spans(name))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the five source texts are not on this machine")
def test_every_alias_is_cited_to_a_text_that_uses_it_or_marked_as_our_identification(index, site_pages) -> None:
    texts = _texts()
    cited = identified = 0
    for item in index.entities.values():
        names = [getattr(item, "name", "")] + [a.name for a in getattr(item, "aliases", [])]
        for alias in getattr(item, "aliases", []):
            assert alias.sources or alias.identified, f"{item.id}: alias {alias.name!r} is neither cited nor identified"
            identified += bool(alias.identified)
            cited += bool(alias.sources)
            longer = [n for n in names if len(n) > len(alias.name) and alias.name.casefold() in n.casefold()]
            for citation in alias.sources:
                if citation.quote:  # the text's own words, which must hold the name
                    assert alias.name.casefold().split()[0] in citation.quote.casefold(), (item.id, alias.name, citation.quote)
                    continue
                if citation.source in texts:
                    assert _uses(texts[citation.source], alias.name, longer), f"{item.id}: {citation.source} does not write {alias.name!r}"
    print(f"aliases: {cited} cited, {identified} marked as our identification")
    assert identified >= 5
    # Readers see each identification marked, on the entity's own page.
    for item in index.entities.values():
        marked = [a for a in getattr(item, "aliases", []) if a.identified]
        pages_of = [t for u, t in site_pages.items() if u.endswith(f"/{item.id}/index.html")]
        for tree in pages_of:
            cell = squash(" ".join(td.text_content() for td in tree.xpath("//aside//tr[th='Also known as']/td")))
            for alias in marked:
                marked_here = re.escape(alias.name) + r"(?: ?\[\d+\])* \(identified here: " + re.escape(squash(alias.identified)) + r"\)"
                assert re.search(marked_here, cell), (item.id, alias.name, cell)


def test_every_part_of_and_stated_type_shows_its_basis_and_an_unstated_type_says_so(index, site_pages) -> None:
    """'Part of' always, and 'Type' where the data gives a basis, show the texts that state it or our
    identification with its basis; a type no text states is shown as not stated, not guessed."""
    identified = unstated = 0
    for item in index.entities.values():
        if not hasattr(item, "parent_basis"):
            continue
        tree = site_pages[f"{index.kind_of[item.id]}/{item.id}/index.html"]
        for field, label in (("parent", "Part of"), ("kind", "Type")):
            cell = squash(" ".join(td.text_content() for td in tree.xpath(f"//aside//tr[th='{label}']/td")))
            basis = getattr(item, f"{field}_basis", None)
            if field == "parent" and item.parent:
                assert basis is not None and basis.marked, f"{item.id}: 'Part of' {item.parent} rests on nothing"
            if basis is not None and basis.identified:
                assert "(identified here: " + squash(basis.identified) + ")" in cell, (item.id, label, cell)
                identified += 1
            if basis is not None and basis.sources:
                assert re.search(r"\[\d+\]", cell), (item.id, label, cell)
            if field == "kind" and item.kind is None:
                assert cell == "Not stated in the texts", (item.id, cell)
                unstated += 1
    assert identified >= 7 and unstated >= 1


def test_an_event_lists_an_entity_under_its_texts_name_marked_where_the_name_is_our_identification(index, site_pages) -> None:
    """An event's `named` entry: its timeline row lists the entity by the name its texts use, and
    says "identified here with" where that alias is our identification, on every page showing it."""
    shown = 0
    for event in index.events:
        for named in event.named:
            entity = index.get(named.ref)
            if named.name == entity.name:  # the text gives its own name: shown plainly, with no tag mark
                expected = f"{entity.name}"
            else:
                alias = next(a for a in entity.aliases if a.name == named.name)
                # our identification carries its basis in the row; a cited alias shows the entity alone
                expected = (f"{named.name} (identified here with {entity.name}; {squash(alias.identified)})" if alias.identified
                            else f"{named.name} ({entity.name})")
            for url, tree in site_pages.items():
                for row in tree.xpath("//li[contains(concat(' ', @class, ' '), ' bw-event ')]"):
                    if squash(row.xpath(".//*[contains(@class, 'bw-title')]")[0].text_content()) != event.title:
                        continue
                    involved = squash(" ".join(p.text_content() for p in row.xpath(".//p[@class='bw-involved']")))
                    assert expected in involved, (url, event.id, involved)
                    assert f"{expected} (identified here:" not in involved, (url, event.id, involved)
                    shown += 1
    assert shown >= 5


def _newest(index, site: str):
    """The report from the newest text about a site; within one text, the latest moment it describes.
    A text that only looks back (`as_of`) reports that earlier date, not its own."""
    best = None
    for position, event in enumerate(index.events):
        for report in event.control:
            if report.site != site:
                continue
            texts = report.sources or event.sources  # those of the event's texts that report this site
            dates = [index.get(c.source).date for c in texts if index.get(c.source).date is not None]
            text_date = report.as_of or (max(dates) if dates else (event.end or event.date))
            key = (text_date, event.date, position)
            if best is None or key >= best[0]:
                best = (key, event, report)
    return best[1], best[2]


def test_no_foothold_shows_as_control_and_the_latest_view_follows_the_newest_text(index, site_pages) -> None:
    tree = next(t for u, t in site_pages.items() if u == "control/index.html")
    rows = {squash(tr.xpath("./td")[0].text_content()): tr for tr in tree.xpath("//table[contains(@class, 'bw-control-summary')]/tbody/tr")}
    sites = {r.site for e in index.events for r in e.control}
    assert len(rows) == len(sites)
    for site in sites:
        event, report = _newest(index, site)
        cell = squash(rows[index.get(site).name].xpath("./td")[1].text_content())
        if report.withdraws:  # a withdrawal names no holder: the text does not say who took over
            holder = index.get(report.withdraws).name + " withdrew"
        elif report.holds or report.to:
            holder = index.get(report.holds or report.to).name
        else:
            holder = "Contested"
        assert cell.startswith(holder), f"{site}: shows {cell!r}; the newest text ({event.id}) has {holder}"
        contested = report.foothold is not None or report.contested
        assert ("contested" in cell.casefold()) == contested, (site, cell)
        if report.foothold:
            assert index.get(report.foothold).name in cell
    moc = squash(rows["MOC-21 headquarters"].xpath("./td")[1].text_content())
    assert moc.startswith("Myanmar Army (contested") and "Jan 2026" in squash(rows["MOC-21 headquarters"].text_content())
    # Wherever a foothold is listed (chart table, infoboxes, timelines), the defender is the holder.
    for url, page_tree in site_pages.items():
        for row in page_tree.xpath("//table[contains(@class, 'bw-control-table')]/tbody/tr"):
            held = squash(row.xpath("./td")[1].text_content())
            if "contested: " in held:  # a foothold names the attacker; a held site under attack just says "(contested)"
                attacker = held.split("contested: ", 1)[1].split(" inside", 1)[0]
                assert not held.startswith(attacker), (url, held)


def _claimant_words(index, who) -> list[str]:
    out = [who.described] if who.described else []
    for ident in (who.party, who.person):
        if ident:
            entity = index.get(ident)
            out += [entity.name, *(a.name for a in entity.aliases)]
            if getattr(entity, "claim_label", None):
                out.append(entity.claim_label)
    return out


def test_every_one_party_claim_shows_its_claimant_wherever_it_is_shown(index, site_pages) -> None:
    by_text: dict[str, list] = {}
    for item in index.entities.values():
        for _loc, claims in claim_fields(item):
            for claim in claims:
                by_text.setdefault(value_of(index, claim), []).append(claim)
    checked = events = 0
    titles: dict[str, list] = {}
    for event in index.events:
        titles.setdefault(event.title, []).append(event)
    for url, tree in site_pages.items():
        for span in tree.xpath("//span[contains(concat(' ', @class, ' '), ' bw-claim ')]"):
            claims = by_text.get(shown_value(span), [])
            if claims and all(c.claimed_by for c in claims):  # a value only claimants state
                who = squash(" ".join(s.text_content() for s in span.xpath("./span[contains(@class, 'bw-claimant')]")))
                assert any(w in who for c in claims for w in _claimant_words(index, c.claimed_by)), f"{url}: {shown_value(span)!r} has no claimant"
                checked += 1
        for entry in tree.xpath("//li[contains(concat(' ', @class, ' '), ' bw-event ')]"):
            (event,) = titles[squash(entry.xpath(".//*[contains(@class, 'bw-title')]")[0].text_content())][:1]
            if event.claimed_by:
                who = squash(" ".join(s.text_content() for s in entry.xpath("./div/div/span[contains(@class, 'bw-claimant')]")))
                assert any(w in who for w in _claimant_words(index, event.claimed_by)), f"{url}: event {event.id} shown without its claimant"
                events += 1
    assert checked >= 20 and events >= 20
    # Both sides alike, in the battle infobox: the junta's figures for KIA-side losses, and the local
    # sources' for the junta's.
    box = squash(next(t for u, t in site_pages.items() if u == "battle/index.html").xpath("//aside")[0].text_content())
    assert re.search(r"Killed 4,600 \(junta claim\)", box) and re.search(r"Injured at least 100 \(claim by local sources, per English Wikipedia\)", box)


def _quotes(obj, loc=()):
    """Every (location, citation) with a quote below obj."""
    from pydantic import BaseModel

    from macros.model.claim import Citation
    if isinstance(obj, Citation) and obj.quote:
        yield loc, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _quotes(getattr(obj, name), (*loc, name))
    elif isinstance(obj, (list, tuple)):
        for i, value in enumerate(obj):
            yield from _quotes(value, (*loc, i))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _quotes(value, (*loc, key))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the five source texts are not on this machine")
def test_every_quote_from_one_of_the_five_texts_is_its_own_words(index) -> None:
    texts = _texts()
    norm = lambda t: " ".join(t.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').casefold().split())  # noqa: E731
    checked = 0
    for item in [*index.entities.values(), *index.events]:
        for loc, citation in _quotes(item):
            if citation.source in texts:
                assert norm(citation.quote) in texts[citation.source], f"{item.id} {loc}: {citation.source} does not write {citation.quote!r}"
                checked += 1
    assert checked >= 20


def test_every_located_in_is_cited_or_marked_as_our_identification(index, site_pages) -> None:
    """A place's 'Located in' shows the texts that place it there, whose quote names the containing
    place, or our identification with its basis; so does a 'Type' that has a basis."""
    ours = cited = 0
    for place in index.by_kind["places"]:
        tree = site_pages[f"places/{place.id}/index.html"]
        row = lambda label: squash(" ".join(td.text_content() for td in tree.xpath(f"//aside//tr[th='{label}']/td")))  # noqa: B023,E731
        if place.kind_basis is not None and place.kind_basis.identified:
            assert row("Type").endswith(f"(identified here: {squash(place.kind_basis.identified)})"), (place.id, row("Type"))
        if not place.within:
            continue
        basis, container = place.within_basis, index.get(place.within)
        assert basis is not None and basis.marked, f"{place.id}: 'Located in' {place.within} rests on nothing"
        names = [container.name, *(a.name for a in container.aliases)]
        for citation in basis.sources:  # a quote that backs a placing names the place it is placed in
            if citation.quote:
                assert any(n.casefold() in citation.quote.casefold() for n in names), (place.id, citation.quote)
        cell = row("Located in")
        if basis.identified:
            assert cell.endswith(f"(identified here: {squash(basis.identified)})"), (place.id, cell)
            ours += 1
        else:
            assert re.fullmatch(re.escape(container.name) + r"(?: ?\[\d+\])+", cell), (place.id, cell)
            cited += 1
        position = row("Position")
        if basis.identified and "which has a pin" in position:
            assert "(by this wiki's placing, above)" in position, (place.id, position)
    print(f"located in: {cited} cited, {ours} identified by this wiki")
    assert ours >= 5 and cited >= 5


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_DAY_MONTH = r"(?:the )?(\d{1,2}) (" + "|".join(_MONTHS) + r")\b|\b(" + "|".join(_MONTHS) + r") (\d{1,2})\b"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the five source texts are not on this machine")
def test_a_day_a_text_gives_only_as_a_by_bound_stays_a_bound(index) -> None:
    """"By 27 December" is a bound: an event or claim from that text on that day is dated "by", never
    as the day itself, unless the text also gives the day plainly ("On 8 May ...")."""
    checked = 0
    for source, text in _texts().items():
        bound, plain = set(), set()
        for match in re.finditer(r"(\bby )?" + "(?:" + _DAY_MONTH + ")", text):
            day = int(match.group(2) or match.group(5))
            month = _MONTHS.index(match.group(3) or match.group(4)) + 1
            (bound if match.group(1) else plain).add((month, day))
        for month, day in bound - plain:
            for event in index.events:
                cited = {c if isinstance(c, str) else c.source for c in event.sources}
                if source in cited and event.date.month == month and event.date.day == day:
                    assert event.date.qualifier in ("by", "as of"), f"{event.id}: {source} gives only 'by' {day}/{month}"
                    checked += 1
            for owner in index.entities.values():
                for loc, claims in claim_fields(owner):
                    for claim in claims:
                        as_of = getattr(claim, "as_of", None)
                        cited = {c.source for c in claim.sources}
                        if as_of is not None and cited == {source} and as_of.month == month and as_of.day == day:
                            assert as_of.qualifier in ("by", "as of"), f"{owner.id} {loc}: {source} gives only 'by' {day}/{month}"
                            checked += 1
    assert checked >= 3
