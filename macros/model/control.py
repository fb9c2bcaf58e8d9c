"""Who holds a site, as one text reports it at one date.

Five kinds of report, told apart by their fields:
- a change of hands: `to` (the site passes, wholly or in part, to that party);
- a foothold or contested ground: `holds` and `foothold` (the defender still holds the site;
  the attacker is inside it or fighting around it). A foothold is not control;
- a report of who holds it, with no change: `holds` alone;
- a withdrawal: `withdraws` (the party pulls out, wholly or in part; the text does not say who
  holds the site after, so no holder is recorded);
- contested ground with no holder named: `contested: true` alone (fighting for the site goes on).
`contested: true` can also mark a report of who holds it (fought over, attacked or encircled; `note` says how). `as_of` gives
the date a later text looks back to ("captured … by February"): the report is about that date,
not about the text's own. `sources` names the event's texts that report this site (all of them
when left out): the report's date and citations are theirs. `inferred: true` marks a report that
no text states, which this wiki infers (its `note` gives the basis); every view labels it with
INFERENCE. `renewed: true` marks a report whose text says the state began anew ("fighting
flared again"): it never continues the report before it, so the chart shows no state between.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Flag, Model, Text, ref_to
from .claim import Citation
from .dates import Date, FieldError

ControlState = Literal["change", "holds", "foothold", "withdrawal", "contested"]
INFERENCE = "this wiki's inference"  # the one label of a report no text states, in every view


def inference_label(inferred: bool) -> str:
    """The label every view gives an inferred report ("" for one a text states)."""
    return INFERENCE if inferred else ""


class ControlReport(Model):
    site: ref_to("places")
    to: ref_to("parties") | None = None
    holds: ref_to("parties") | None = None
    foothold: ref_to("parties") | None = None
    withdraws: ref_to("parties") | None = None
    contested: Flag = False
    extent: Literal["full", "partial"] = "full"
    as_of: Date | None = None
    sources: list[Citation] = []
    inferred: Flag = False
    renewed: Flag = False
    note: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> ControlReport:
        given = [f for f in ("to", "holds", "withdraws") if getattr(self, f) is not None]
        if len(given) > 1 or (not given and not self.contested):
            raise FieldError("give one of 'to' (the site changes hands), 'holds' (who holds it) or 'withdraws' "
                             "(who pulls out), or 'contested: true' alone (fought over, no holder named)", "to")
        if self.foothold is not None and self.holds is None:
            raise FieldError("a 'foothold' needs 'holds': the party that still holds the site", "foothold")
        if self.foothold is not None and self.foothold == self.holds:
            raise FieldError("the party with a foothold cannot be the one that holds the site", "foothold")
        if self.foothold is not None and self.extent == "partial":
            raise FieldError("a foothold leaves the site with its holder; leave out 'extent'", "extent")
        if self.contested and (self.foothold is not None or self.to is not None):
            raise FieldError("'contested' marks a report of who holds a site, a withdrawal, or stands alone; "
                             "a foothold is contested already, and a change of hands is not", "contested")
        if self.inferred and self.note is None:
            raise FieldError("an inferred report needs a 'note' giving the basis of the inference", "note")
        if self.extent == "partial" and not given:
            raise FieldError("'extent' says how much a party holds or leaves; a report with no party has none", "extent")
        return self

    @property
    def state(self) -> ControlState:
        if self.to:
            return "change"
        if self.withdraws:
            return "withdrawal"
        if self.holds is None:
            return "contested"
        return "foothold" if self.foothold else "holds"

    @property
    def inference(self) -> str:
        return inference_label(self.inferred)

    @property
    def holder(self) -> str:
        """The party that holds the site (wholly, or the part given by `extent`) by this report;
        "" where the report names none (a withdrawal, or contested ground)."""
        return self.to or self.holds or ""


# The name it had when every report was a change.
ControlChange = ControlReport
