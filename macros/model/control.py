"""Who holds a site, as one text reports it at one date.

Three kinds of report, told apart by their fields:
- a change of hands: `to` (the site passes, wholly or in part, to that party);
- a foothold or contested ground: `holds` and `foothold` (the defender still holds the site;
  the attacker is inside it or fighting around it). A foothold is not control;
- a report of who holds it, with no change: `holds` alone.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Model, Text, ref_to
from .dates import FieldError

ControlState = Literal["change", "holds", "foothold"]


class ControlReport(Model):
    site: ref_to("places")
    to: ref_to("parties") | None = None
    holds: ref_to("parties") | None = None
    foothold: ref_to("parties") | None = None
    extent: Literal["full", "partial"] = "full"
    note: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> ControlReport:
        if (self.to is None) == (self.holds is None):
            raise FieldError("give 'to' (the site changes hands) or 'holds' (who holds it), not both or neither", "to")
        if self.foothold is not None and self.holds is None:
            raise FieldError("a 'foothold' needs 'holds': the party that still holds the site", "foothold")
        if self.foothold is not None and self.foothold == self.holds:
            raise FieldError("the party with a foothold cannot be the one that holds the site", "foothold")
        if self.foothold is not None and self.extent == "partial":
            raise FieldError("a foothold leaves the site with its holder; leave out 'extent'", "extent")
        return self

    @property
    def state(self) -> ControlState:
        return "change" if self.to else "foothold" if self.foothold else "holds"

    @property
    def holder(self) -> str:
        """The party that holds the site (wholly, or the part given by `extent`) by this report."""
        return self.to or self.holds or ""


# The name it had when every report was a change.
ControlChange = ControlReport
