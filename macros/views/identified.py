"""The names a report gives a site that this wiki identifies with it, so that every view of the
report (the control chart and table, an infobox, a map) marks the identification with its basis.

An event's `named` entry says which alias its texts use for one of its entities; where that alias
is our identification, not a text's, the site's report must say so. A unit's name counts for the
site it is based at (a text that names "IB 47" reports on that battalion's base).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..index import ControlSpan


class Identified(NamedTuple):
    name: str   # the name the report's texts use
    ref: str    # the entity it is identified with
    basis: str  # why we take them to be one


def identified_names(index: Any, span: ControlSpan) -> list[Identified]:
    """The identified aliases under which the span's event names its site (or the unit based there)."""
    def found(direct: bool) -> list[Identified]:
        out = []
        for named in span.event.named:
            entity = index.get(named.ref)
            if entity is None or (named.ref != span.site if direct else getattr(entity, "garrison", None) != span.site):
                continue
            out += [Identified(a.name, named.ref, a.identified) for a in entity.aliases if a.name == named.name and a.identified]
        return out
    return found(True) or found(False)  # the site's own name first; a unit's only where the site has none
