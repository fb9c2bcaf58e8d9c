"""A citation whose own quote or locator says someone else is speaking ("according to residents",
"a source close to ..."), cited for an event or a claim that names no claimant: the data then
states as the text's own what the text gives as another's word. Each is an error at the citation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import DataError
from .model import Citation, Event, claimant_of
from .sentences import has_phrase, words
from .walk import claim_fields

# Narrower than the page check's forms: a locator such as "para. 3" or "report" says nothing of who speaks.
SPEAKING = ("according to", "said", "says", "told", "claimed", "claims", "alleged", "alleges", "source close to",
            "sources close to", "confirmed")


def speaker_phrase(citation: Citation) -> str | None:
    tokens = words(f"{citation.quote or ''} . {citation.locator or ''}")
    return next((p for p in SPEAKING if has_phrase(tokens, p)), None)


def _unclaimed_citations(item: Any) -> Iterator[tuple[tuple[str | int, ...], Citation]]:
    """(location, citation) for each citation of an unclaimed event or claim in item."""
    if isinstance(item, Event) and item.claimed_by is None:
        for i, citation in enumerate(item.sources):
            yield ("sources", i), citation
    for loc, claims in claim_fields(item):
        for index, claim in enumerate(claims):
            if claimant_of(claim, getattr(item, "claimed_by", None)) is None:
                for i, citation in enumerate(claim.sources):
                    yield (*loc, index, "sources", i), citation


def check_quoted_claims(items: Iterable[Any], error: Callable[[Any, tuple[str | int, ...], str], DataError]) -> list[DataError]:
    errors = []
    for item in items:
        for loc, citation in _unclaimed_citations(item):
            phrase = speaker_phrase(citation)
            if phrase is not None:
                errors.append(error(item, loc, (
                    f"the citation's own words ('{phrase}') say someone other than the text is speaking, but this names no claimant; "
                    "add 'claimed_by' (a party, a person, or 'described: <the text's words for them>'), or cite the text's own words")))
    return errors
