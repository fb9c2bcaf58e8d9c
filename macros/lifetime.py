"""Whether this process makes the site once and exits (`mkdocs build`) or rebuilds it on every save
(`mkdocs serve`, and any caller that does not say). Set by hooks.py's `on_startup`.

Only a rebuild reuses the loader's parsed files, the rendered timeline rows and the last `api/`
export; a one-shot build does not keep them past their use, which lowers its peak memory (bench/).
"""

from __future__ import annotations

_state = {"one_shot": False}


def set_one_shot(on: bool) -> None:
    _state["one_shot"] = on


def one_shot() -> bool:
    return _state["one_shot"]
