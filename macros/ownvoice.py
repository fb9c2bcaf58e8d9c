"""A figure a text states in its own voice is not credited to a party.

Inside an event that a party claims, a figure marked `own_voice: true` is the cited text's own
statement, not the claimant's (model/claimant.py). Two mechanical checks follow:
- the event's summary may not repeat it, since the timeline shows the summary as the claimant's;
- a page sentence that cites the text, repeats the figure and names the event's claimant, but
  not the text itself, credits the claimant with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .attribution import Attributed, _content, _party_words, _sources, claimant_names, claimant_text, repeats
from .errors import DataError
from .model import Event
from .sentences import cited_sentences, has_phrase, numbers, words

if TYPE_CHECKING:
    from .index import Index


@dataclass(frozen=True)
class Voiced:
    item: Attributed          # the figure; `claimant` is the event's, whom the text does not quote for it
    outlets: tuple[str, ...]  # names of the texts that state it: naming one attributes the figure rightly


def _outlets(entities: Mapping[str, Any], sources: Iterable[str]) -> tuple[str, ...]:
    names: list[str] = []
    for ident in sources:
        source = entities.get(ident)
        if source is not None:
            names += [n for n in (getattr(source, "outlet", None), source.name, *(a.name for a in source.aliases)) if n]
    return tuple(names)


def own_voice_figures(events: Iterable[Event], entities: Mapping[str, Any]) -> Iterator[tuple[Event, Voiced]]:
    common = _party_words(entities)
    for event in events:
        if event.claimed_by is None:
            continue
        for label, claims in event.figures.items():
            for claim in claims:
                if claim.own_voice and claim.count is not None and claim.count.number is not None:
                    item = Attributed(f"claim '{event.id} › {label}'", event.claimed_by, _sources(claim), claim.count.number, None,
                                      _content(f"{label} {claim.value or ''}", common), claim.count.qualifier)
                    yield event, Voiced(item, _outlets(entities, item.sources))


def _names(tokens: list[str], names: Iterable[str]) -> bool:
    return any(has_phrase(tokens, n) for n in names)


def _message(entities: Mapping[str, Any], voiced: Voiced, where: str) -> str:
    who, text = claimant_text(entities, voiced.item.claimant), voiced.outlets[0] if voiced.outlets else "the text"
    return (f"{where} gives the figure {voiced.item.figure:,} of {voiced.item.what} as {who}'s, but {text} states it in its own "
            f"voice ('own_voice: true'); credit it to {text}, or move it out of {who}'s words")


def summary_problems(events: Iterable[Event], entities: Mapping[str, Any]) -> Iterator[tuple[Event, str]]:
    """(event, message) for each claimed event whose summary, shown as the claimant's, repeats an own-voice figure."""
    for event, voiced in own_voice_figures(events, entities):
        tokens = words(event.summary)
        if repeats(tokens, numbers(tokens), voiced.item) and not _names(tokens, voiced.outlets):
            yield event, _message(entities, voiced, "the summary, shown as a claim by " + claimant_text(entities, event.claimed_by) + ",")


_tables: list[Any] = []  # [index, voiced, names] of the last build: made once per build, not once per page


def check_page(text: str, shown: str, index: Index, first: int = 1) -> list[DataError]:
    """Errors for the sentences of one page that credit an own-voice figure to the claimant of its event."""
    if "cite(" not in text:  # only a sentence followed by a citation is checked
        return []
    if not _tables or _tables[0] is not index:
        names = {ident: getattr(e, "name", None) or getattr(e, "title", ident) for ident, e in index.entities.items()}
        _tables[:] = [index, [v for _event, v in own_voice_figures(index.events, index.entities)], names]
    voiced, names = _tables[1], _tables[2]
    if not voiced:
        return []
    errors = []
    for sentence in cited_sentences(text, names):
        tokens = words(sentence.text)
        found = numbers(tokens)
        for v in voiced:
            cited = next((s for s in sentence.sources if s in v.item.sources), None)
            if cited is None or not repeats(tokens, found, v.item) or _names(tokens, v.outlets):
                continue
            if _names(tokens, claimant_names(index.entities, v.item.claimant)):
                errors.append(DataError(shown, sentence.line + first - 1, sentence.col, f"cite('{cited}')", _message(index.entities, v, "this sentence")))
    return errors
