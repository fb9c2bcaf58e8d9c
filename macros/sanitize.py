"""The HTML a page may publish: one allowlist of tags and attributes, checked on the parsed page.

Markdown passes raw HTML through, and `attr_list` (`{: onclick=... }`) adds any attribute, so a
page could put script on the site. Each page's HTML is parsed with lexbor (through selectolax), a
C parser that builds the tree exactly as the HTML standard (and so the browser) does, and every
element, attribute, link and style is held to `ALLOWED`. It is parsed as a document, not a
fragment: a `<body onload=...>` in a page lands on the real page's <body>, as a browser does it.
A page that passes is published byte for byte as it was built; a page that does not stops the
build, naming what is not allowed. Nothing is silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Attributes every allowed element may carry.
COMMON = frozenset({"id", "class", "title", "role", "hidden", "lang", "dir", "aria-label", "aria-labelledby",
                    "aria-describedby", "aria-hidden", "aria-live", "aria-current", "aria-expanded",
                    "data-search-exclude"})  # kept out of the site search (the edit box, the page history)
# Each tag the site uses (Markdown's output and the engine's templates), with its own attributes.
ALLOWED: dict[str, frozenset[str]] = {tag: COMMON | frozenset(extra) for tag, extra in {
    **dict.fromkeys(["p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "s", "del", "ins", "sup", "sub",
                     "small", "mark", "kbd", "code", "pre", "blockquote", "hr", "br", "ul", "dl", "dt", "dd", "span",
                     "figure", "figcaption", "caption", "section", "aside", "nav", "details", "summary", "label",
                     "table", "thead", "tbody", "tfoot", "tr", "abbr", "cite", "q", "form"], ()),
    "a": ("href", "rel", "type", "style", "data-bw-days"),  # data-bw-days: a control bar's first and last day
    "span": ("style", "data-bw-days"),  # data-bw-days: a control chart's "no report" stretch
    "ol": ("start", "reversed"),
    "li": ("value", "data-phase", "data-parties", "data-units", "data-places", "data-kind", "data-pins", "data-bw-site"),
    "div": ("data-bw-filterable", "data-bw-map-months"),
    "th": ("scope", "colspan", "rowspan", "style"),
    "td": ("colspan", "rowspan", "style"),
    "time": ("datetime",),
    "select": ("data-bw-attr", "name"),
    "option": ("value", "selected"),
    "button": ("type",),
    "details": ("open",),
}.items()}
# The maps (templates/map.svg.j2): inline SVG, no script, no style, no external reference. SVG
# elements and the xlink attributes are named by namespace; a pin's link is checked like any href.
SVG, XLINK_HREF, XMLNS_XLINK = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}href", "{http://www.w3.org/2000/xmlns/}xlink"
ALLOWED.update({SVG + tag: COMMON | frozenset(extra) for tag, extra in {
    "svg": ("viewBox", "data-bw-map", XMLNS_XLINK),
    "title": (), "desc": (),
    "g": ("transform", "font-size", "data-bw-pin"),
    "rect": ("width", "height"),
    "path": ("d",),
    "circle": ("cx", "cy", "r"),
    "text": ("x", "y", "text-anchor", "font-size"),
    "a": (XLINK_HREF, "data-bw-pin", "data-bw-months"),
}.items()})
URL_ATTRIBUTES = frozenset({"href", XLINK_HREF})
SCHEMES = ("http", "https", "mailto")
STYLE_PROPERTIES = frozenset({"left", "width", "text-align"})  # the timeline's bars, Markdown's table alignment
MAX_PROBLEMS = 10
_VALUES_CHECKED = URL_ATTRIBUTES | {"style", XMLNS_XLINK}  # the attributes _attribute_problem reads the value of


_SCHEME_CHARS = re.compile(r"[A-Za-z0-9+.\-]*")  # what a scheme may be made of
_IGNORED = str.maketrans("", "", "\t\n\r")  # a browser drops these anywhere in a URL


def _scheme(url: str) -> str | None:
    """The scheme a browser sees in a URL (after dropping what it ignores), or None if relative."""
    cleaned = url.strip("\x00\t\n\f\r ").translate(_IGNORED)
    end = _SCHEME_CHARS.match(cleaned).end()  # type: ignore[union-attr]  # it matches the empty string
    if end == len(cleaned) or cleaned[end] in "/?#":
        return None
    if cleaned[end] == ":":
        return cleaned[:end].lower() if end else ""
    return ""  # not a scheme a URL parser accepts: treat as one we do not allow


def _style_problem(value: str) -> str | None:
    for declaration in filter(None, (d.strip() for d in value.split(";"))):
        name, colon, setting = declaration.partition(":")
        if not colon or name.strip().lower() not in STYLE_PROPERTIES:
            return f"style property {name.strip()[:30]!r} (allowed: {', '.join(sorted(STYLE_PROPERTIES))})"
        if not all(ch.isalnum() or ch in " .%-" for ch in setting):
            return f"style value {setting.strip()[:30]!r} (only numbers, units and keywords)"
    return None


@lru_cache(maxsize=1 << 16)  # a pure function of its arguments; a site repeats the same links on page after page
def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    if name not in ALLOWED[tag]:
        return f"attribute {name}= on <{tag}>" + (" (event handlers never run here)" if name.startswith("on") else "")
    if name == XMLNS_XLINK and value != "http://www.w3.org/1999/xlink":
        return f"xmlns:xlink={value[:40]!r}"
    if name in URL_ATTRIBUTES:
        scheme = _scheme(value)
        if scheme is not None and scheme not in SCHEMES:
            return f"link to {value.strip()[:40]!r}: links may be http(s), mailto or relative only"
    if name == "style":
        return _style_problem(value)
    return None


# Where SVG content holds HTML again (the standard's "HTML integration points").
_INTEGRATION_POINTS = frozenset({"foreignObject", "desc", "title"})
_SVG_ATTRIBUTES = {"xlink:href": XLINK_HREF, "xmlns:xlink": XMLNS_XLINK}
_DOCUMENT = frozenset({"html", "head", "body"})  # the parser's own; a page's <body x=...> lands on the real one


def _named(root: LexborNode) -> Iterator[tuple[str | None, LexborNode]]:
    """Each node under `root` in document order, with its tag named by namespace (None: not an element).

    The parser does not report namespaces; the tree fixes them: an element is SVG if it is <svg>
    or its parent is an SVG element that is not an integration point. A page with no <svg> at all
    (found by the parser's own selector, in C) needs no parent lookups.
    """
    svg: set[int] | None = None if root.css_first("svg") is None else set()  # mem_id of each SVG element seen
    for node in root.traverse(include_text=False):
        if node.is_document_node:
            continue
        if not node.is_element_node:
            yield None, node
            continue
        tag = node.tag or ""
        if svg is not None and (tag == "svg" or ((parent := node.parent) is not None and parent.mem_id in svg
                                                 and parent.tag not in _INTEGRATION_POINTS)):
            svg.add(node.mem_id)
            yield SVG + tag, node
        else:
            yield tag, node


# For each tag, the attributes that need no further look: one subset test passes most elements.
_FREE = {tag: allowed - _VALUES_CHECKED for tag, allowed in ALLOWED.items()}


def problems(html: str) -> list[str]:
    """What in `html` is outside the allowlist, in words, in document order (at most MAX_PROBLEMS)."""
    found: list[str] = []
    document = LexborHTMLParser(html).root.parent  # a comment before any element is the document's own child
    for tag, node in _named(document):
        if tag is None:
            found.append("an HTML comment or processing instruction")
        elif (free := _FREE.get(tag)) is not None:
            attributes = node.attributes
            if not attributes or free.issuperset(attributes):  # most elements: nothing more to check
                continue
            aliases = _SVG_ATTRIBUTES if tag.startswith(SVG) else {}
            name = tag.rpartition("}")[2]
            for key, value in attributes.items():
                key = aliases.get(key, key)
                if key in free:
                    continue
                if problem := _attribute_problem(tag, key, value or ""):
                    found.append(problem.replace(f"<{tag}>", f"<{name}> (SVG)" if tag != name else f"<{tag}>"))
        elif tag in _DOCUMENT:
            found += [f"attribute {key}= on <{tag}>" for key in node.attributes]
        else:
            name = tag.rpartition("}")[2]
            found.append(f"<{name}> element" + (" (script never runs here)" if name == "script" else ""))
        if len(found) >= MAX_PROBLEMS:
            break
    return found[:MAX_PROBLEMS]
