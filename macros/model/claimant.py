"""Who makes a claim, and which claimant a claim is shown with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import model_validator

from .base import Model, Text, ref_to

if TYPE_CHECKING:
    from .claim import Claim


class ClaimedBy(Model):
    """Who made a claim: a party, a person, or both; or, where the text names neither, its own
    words for them (`described: local sources`)."""

    party: ref_to("parties") | None = None
    person: ref_to("people") | None = None
    described: Text | None = None

    @model_validator(mode="after")
    def _someone(self) -> ClaimedBy:
        if not (self.party or self.person or self.described):
            raise ValueError("name a party or a person who made the claim")
        return self


def claimant_of(claim: Claim, inherited: ClaimedBy | None) -> ClaimedBy | None:
    """Who a claim is shown as claimed by: its own claimant, else none when the text says it in its
    own voice, else the claimant of the event (or phase) it belongs to."""
    if claim.claimed_by is not None:
        return claim.claimed_by
    return None if claim.own_voice else inherited
