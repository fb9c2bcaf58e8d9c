"""MkDocs hook for bench/maps.py: the same build with every map macro drawing nothing.

Imported when MkDocs loads the config, before any page renders, so the macros that pages and
templates call (`map`, `crosschecks`, the chronology's map) return empty markup throughout.
"""

from markupsafe import Markup

from macros.views.maps import MapViews


def _nothing(*_args, **_kwargs) -> Markup:
    return Markup("")


MapViews.map = _nothing  # type: ignore[method-assign]
MapViews.crosschecks = _nothing  # type: ignore[method-assign]
MapViews.chronology_map = _nothing  # type: ignore[method-assign]
