"""The attribution check on data/'s own summaries: the summary of an event that no party claims
does not state a claimed figure of that event as fact, nor a phase's summary the date a party
gives for its start or end (both are shown apart from their claimants' names)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .attribution import Attributed, _content, _message, _party_words, _sources, is_attributed, phase_date_claims, repeats
from .model import Event, Phase
from .sentences import numbers, words


def summary_problems(events: Iterable[Event], entities: Mapping[str, Any]) -> Iterator[tuple[Event, str]]:
    """(event, message) for each event summary that states a claimed figure of its own event as fact."""
    for event in events:
        if event.claimed_by:
            continue  # the timeline shows the summary with its claimant
        tokens = words(event.summary)
        found = numbers(tokens)
        for label, claims in event.figures.items():
            for claim in claims:
                if claim.claimed_by is None or claim.count is None or claim.count.number not in found:
                    continue
                common = _party_words(entities)
                item = Attributed(f"claim '{event.id} › {label}'", claim.claimed_by, _sources(claim), claim.count.number, None,
                                  _content(f"{label} {claim.value or ''}", common), claim.count.qualifier)
                if repeats(tokens, found, item) is None:
                    continue
                if not is_attributed(entities, tokens, claim.claimed_by):
                    yield event, _message(entities, item, f"the figure {claim.count.number:,}", "the summary")


def phase_summary_problems(phases: Iterable[Phase], entities: Mapping[str, Any]) -> Iterator[tuple[Phase, str]]:
    """(phase, message) for each phase summary that gives a claimed date of the phase without its claimant."""
    for phase in phases:
        tokens = words(phase.summary or "")
        for which, date, claim in phase_date_claims(phase):
            # The phase's own summary is about the phase: its date alone ties the sentence to it.
            item = Attributed(f"the {which} of phase '{phase.id}'", claim.claimed_by, _sources(claim), None, date, frozenset(tokens))
            if repeats(tokens, numbers(tokens), item) and not is_attributed(entities, tokens, claim.claimed_by):
                yield phase, _message(entities, item, f"the date {date.display()}", "the summary")
