"""An event's title speaks in the wiki's voice: where the data attributes the event to a party or
person, the title says so ("X says …", "… reportedly …", "X: …"), never stating the claim as fact.

Titles stand alone in lists (a page's "Mentioned in", the control table, the chronology), away
from the claimant the timeline shows beside the summary, so the title must carry it. Naming the
claimant as the actor is not enough ("X takes the base" is X's claim stated as fact); a verb of
saying or a leading "X:" is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .attribution import ATTRIBUTION_FORMS, claimant_names, claimant_text
from .model import Event
from .sentences import has_phrase, words

# Forms a headline uses beside those of a sentence.
TITLE_FORMS = (*ATTRIBUTION_FORMS, "reportedly", "describes", "describe", "explains", "explain", "confirms", "confirm",
               "blames", "blame", "denies", "deny", "warns", "warn", "expects")


def _leads_with_claimant(title: str, names: list[str]) -> bool:
    head = title.split(":", 1)[0] if ":" in title else None
    return head is not None and any(words(head) == words(n) for n in names)


def title_problems(events: Iterable[Event], entities: Mapping[str, Any]) -> Iterator[tuple[Event, str]]:
    """(event, message) for each claimed event whose title states the claim as plain fact."""
    for event in events:
        if event.claimed_by is None:
            continue
        tokens = words(event.title)
        names = claimant_names(entities, event.claimed_by)
        if any(has_phrase(tokens, form) for form in TITLE_FORMS) or _leads_with_claimant(event.title, names):
            continue
        who = claimant_text(entities, event.claimed_by)
        yield event, (f"the title '{event.title}' states as fact what the data attributes to {who}; say who says it "
                      f"('{who} says …', '… reportedly …', '{who}: …'), as lists show the title without its claimant")
