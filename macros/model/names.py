"""Unicode rules for names: one normal form, nothing invisible, no look-alike letters mixed in.

A name is shown as a page title, a link and a search entry, so two names that look the same
must be the same name. Script and look-alike data come from Unicode's scripts.txt and
confusables.txt, as shipped by confusable-homoglyphs.
"""

from __future__ import annotations

import functools
import unicodedata

from confusable_homoglyphs import categories, confusables

# Characters that change how text reads without being seen: bidi controls (U+202A-U+202E,
# U+2066-U+2069, U+200E/F, U+061C), zero-width ones, fillers that render blank.
_BLANK_LETTERS = {0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F, 0x180E}
_HIDDEN_CATEGORIES = {"Cf", "Zl", "Zp", "Co", "Cn", "Cs"}
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C))
# Scripts that are written together in one word (Japanese, Korean), per UTS #39's "highly restrictive".
_TOGETHER = [{"HAN", "HIRAGANA", "KATAKANA"}, {"HAN", "HANGUL"}]
_NEUTRAL = {"COMMON", "INHERITED", "Unknown"}


def invisible(char: str) -> bool:
    """True for a character a reader cannot see or that reorders the text around it."""
    code = ord(char)
    if code in _BLANK_LETTERS or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    category = unicodedata.category(char)
    return category in _HIDDEN_CATEGORIES or (category == "Zs" and char != " ")


def describe(char: str) -> str:
    """U+200B (ZERO WIDTH SPACE)."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character')})"


_script = functools.lru_cache(maxsize=4096)(categories.alias)  # a bisect per call; names repeat few letters


def mixed_script_word(name: str) -> tuple[str, set[str]] | None:
    """The first word that mixes letters of two scripts (Latin 'a' with Cyrillic 'о'), if any."""
    for word in name.split():
        scripts = {_script(c) for c in word} - _NEUTRAL
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in _TOGETHER):
            return word, scripts
    return None


@functools.cache
def _representatives() -> dict[str, str]:
    """Each single character in confusables.txt -> one member of its look-alike group."""
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.setdefault(c, c) != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for char, alikes in confusables.confusables_data.items():
        for alike in alikes:
            if len(char) == 1 and len(alike["c"]) == 1:
                a, b = find(char), find(alike["c"])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {c: find(c) for c in parent}


def skeleton(name: str) -> str:
    """What a name looks like: NFKC, each look-alike replaced by one of its group, case folded."""
    table = _representatives()
    text = unicodedata.normalize("NFKC", name)
    return " ".join("".join(table.get(c, c) for c in text).casefold().split())
