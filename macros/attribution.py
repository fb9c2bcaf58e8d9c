"""The attribution check: a one-party claim is never restated as plain fact.

A sentence in a page that cites a source, and repeats the figure of a claim (or the date of an
event) that the data attributes to a party or person from that source, must name the claimant
or use an attribution form ("according to", "said", "claimed", "reported by", ...). The same
rule holds for data/'s own summaries (macros/summaries.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import DataError
from .model import Claim, ClaimedBy, Event, FuzzyDate, Phase, claimant_of
from .model.count import QUALIFIERS as COUNT_QUALIFIERS
from .sentences import cited_sentences, has_day, has_phrase, numbers, token_number, words
from .walk import claim_fields

if TYPE_CHECKING:
    from .index import Index

# Words that say someone else is speaking. Whole words, any case.
ATTRIBUTION_FORMS = (
    "according to", "said", "says", "say", "saying", "claimed", "claims", "claim", "claiming", "reported by", "reported",
    "told", "tells", "stated", "states", "announced", "alleged", "alleges", "confirmed", "confirms", "estimate",
    "estimates", "estimated", "reports", "report", "counts", "counted", "puts", "put", "in the words of",
)


@dataclass(frozen=True)
class Attributed:
    """A claim or an event that one party makes: what a sentence would repeat, and who says it."""

    what: str          # "claim 'some-battle › sides › casualties › injured'" or "event 'x'"
    claimant: ClaimedBy
    sources: frozenset[str]
    figure: int | None = None
    date: FuzzyDate | None = None
    context: frozenset[str] = frozenset()  # words of its label or title, one of which must be near
    qualifier: str = ""  # of the figure: "at least 30" and "more than 30" are not the same figure


# Words too common to tie a sentence to one claim.
STOPWORDS = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "as", "is", "are", "was",
    "were", "be", "been", "its", "it", "their", "his", "her", "into", "out", "up", "than", "more", "most", "some",
    "many", "all", "about", "over", "under", "after", "before", "during", "since", "this", "that", "these", "those",
    "who", "which", "per", "first", "last", "day", "days", "week", "month", "months", "year", "years", "town",
))
WINDOW = 4  # a figure counts as repeated when a word of its label stands this close to it


def attributed(index: Index) -> list[Attributed]:
    """Every claimed figure (a count with a number whose claimant is its own or, unless it is the
    text's own voice, its event's), every claimed event dated to one day, and every phase date to
    the day that a party claims. A month or a span is shared by too many events to tie a sentence to one."""
    common = _party_words(index.entities)
    out: list[Attributed] = []
    for item in index.entities.values():
        for loc, claims in claim_fields(item):
            label = " › ".join(str(p) for p in loc if not isinstance(p, int))
            for claim in claims:
                who = claimant_of(claim, getattr(item, "claimed_by", None))
                if who and claim.count is not None and claim.count.number is not None:
                    context = _content(f"{loc[-1]} {claim.value or ''}", common)
                    out.append(Attributed(f"claim '{item.id} › {label}'", who, _sources(claim), claim.count.number, None, context,
                                          claim.count.qualifier))
        if isinstance(item, Event) and item.claimed_by and item.date.day and item.end is None:
            context = _content(item.title, common)
            out.append(Attributed(f"event '{item.id}'", item.claimed_by, _sources(item), None, item.date, context))
        for which, date, claim in phase_date_claims(item):
            out.append(Attributed(f"the {which} of phase '{item.id}'", claim.claimed_by, _sources(claim), None, date,
                                  _content(item.name, common)))
    return out


def phase_date_claims(item: Any) -> Iterator[tuple[str, FuzzyDate, Any]]:
    """('start' or 'end', the date, its DateClaim) for each date of a phase that is dated to the day and claimed."""
    if isinstance(item, Phase):
        for which in ("start", "end"):
            date, claim = getattr(item, which), item.date_claim(which)
            if date is not None and claim is not None and date.day:
                yield which, date, claim


def _party_words(entities: Mapping[str, Any]) -> frozenset[str]:
    """Words of the parties' names: every claim's sentence names a side, so they tie it to none."""
    found: set[str] = set()
    for entity in entities.values():
        if hasattr(entity, "kind") and hasattr(entity, "parent") and not hasattr(entity, "party"):
            for name in [entity.name, *(a.name for a in entity.aliases)]:
                found.update(words(name))
    return frozenset(found)


def _content(text: str, common: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in STOPWORDS and w not in common and not w.isdigit())


def _sources(claim: Claim | Event | Any) -> frozenset[str]:
    return frozenset(c.source for c in claim.sources)


def claimant_names(entities: Mapping[str, Any], who: ClaimedBy) -> list[str]:
    names = [who.described] if who.described else []
    for ident in (who.party, who.person):
        if ident and ident in entities:
            entity = entities[ident]
            names += [entity.name, *(a.name for a in entity.aliases)]
            if getattr(entity, "claim_label", None):
                names.append(entity.claim_label)
    return names


def claimant_text(entities: Mapping[str, Any], who: ClaimedBy) -> str:
    parts = [entities[i].name for i in (who.person, who.party) if i and i in entities]
    return ", ".join(parts) or str(who.described)


def repeats(tokens: list[str], found: set[int], item: Attributed) -> str | None:
    """What the sentence repeats of the claim: its figure with a word of its label near it, or its
    date with a word of its title anywhere; None when nothing."""
    if item.figure is not None and item.figure in found:
        for i, token in enumerate(tokens):
            if token_number(token) != item.figure or not item.context.intersection(tokens[max(0, i - WINDOW):i + WINDOW + 1]):
                continue
            written = _qualifier_before(tokens, i)
            if not (written and item.qualifier and written != item.qualifier):
                return f"the figure {item.figure:,}"
    date = item.date
    if date is not None and has_day(tokens, date.month, date.day) and item.context.intersection(tokens):
        return f"the date {date.display()}"
    return None


def _qualifier_before(tokens: list[str], at: int) -> str:
    """The qualifier written just before a number ("at least", "about"), as the count model names it."""
    for size in (2, 1):
        phrase = " ".join(tokens[max(0, at - size):at])
        if phrase in COUNT_QUALIFIERS:
            return COUNT_QUALIFIERS[phrase]
    return ""


def is_attributed(entities: Mapping[str, Any], tokens: list[str], who: ClaimedBy) -> bool:
    return any(has_phrase(tokens, p) for p in ATTRIBUTION_FORMS) or any(has_phrase(tokens, n) for n in claimant_names(entities, who))


def _message(entities: Mapping[str, Any], item: Attributed, repeated: str, where: str) -> str:
    who = claimant_text(entities, item.claimant)
    return (f"{where} repeats {repeated} of {item.what}, which the data attributes to {who}, but names no claimant; "
            f"name them or write 'according to {who}' (or 'said', 'claimed', 'reported by')")


def prepare(index: Index, items: list[Attributed]) -> tuple[dict[str, str], dict[str, list[Attributed]]]:
    """What `check_page` looks up, made once per build: the text an entity link shows, and the claims by source."""
    names = {ident: getattr(e, "name", None) or getattr(e, "title", ident) for ident, e in index.entities.items()}
    by_source: dict[str, list[Attributed]] = {}
    for item in items:
        for source in item.sources:
            by_source.setdefault(source, []).append(item)
    return names, by_source


def check_page(text: str, shown: str, index: Index, items: list[Attributed] | tuple, first: int = 1) -> list[DataError]:
    """Errors for the sentences of one page that restate a claim without its claimant; `text` is the
    page's body, which starts at line `first` of the file (after any front matter). `items`: the
    claims, or `prepare`'s result for them."""
    if "cite(" not in text:  # only a sentence followed by a citation is checked
        return []
    names, by_source = prepare(index, items) if isinstance(items, list) else items
    errors = []
    for sentence in cited_sentences(text, names):
        tokens = words(sentence.text)
        found = numbers(tokens)
        seen: set[str] = set()
        for source in sentence.sources:
            for item in by_source.get(source, []):
                repeated = repeats(tokens, found, item)
                if repeated is None or item.what in seen or is_attributed(index.entities, tokens, item.claimant):
                    continue
                seen.add(item.what)
                where = f"cite('{source}')"
                line = sentence.line + first - 1
                errors.append(DataError(shown, line, sentence.col, where, _message(index.entities, item, repeated, "this sentence")))
    return errors
