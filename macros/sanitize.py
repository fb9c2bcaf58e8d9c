"""The HTML a page may publish: one allowlist of tags and attributes, checked on the parsed page.

Markdown passes raw HTML through, and `attr_list` (`{: onclick=... }`) adds any attribute, so a
page could put script on the site. Each page's HTML is parsed with html5lib, which builds the
tree exactly as the HTML standard (and so the browser) does, and every element, attribute, link
and style is held to `ALLOWED`. A page that passes is published byte for byte as it was built; a
page that does not stops the build, naming what is not allowed. Nothing is silently dropped.
"""

from __future__ import annotations

import html5lib

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
    "span": ("style",),
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
# The maps (templates/map.svg.j2): inline SVG, no script, no style, no external reference. html5lib
# names SVG elements and the xlink attributes by namespace; a pin's link is checked like any href.
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


def _scheme(url: str) -> str | None:
    """The scheme a browser sees in a URL (after dropping what it ignores), or None if relative."""
    cleaned = "".join(ch for ch in url.strip("\x00\t\n\f\r ") if ch not in "\t\n\r")
    for index, ch in enumerate(cleaned):
        if ch == ":":
            return cleaned[:index].lower() if index else ""
        if ch in "/?#":
            return None
        if not (ch.isascii() and (ch.isalnum() or ch in "+-.")):
            return ""  # not a scheme a URL parser accepts: treat as one we do not allow
    return None


def _style_problem(value: str) -> str | None:
    for declaration in filter(None, (d.strip() for d in value.split(";"))):
        name, colon, setting = declaration.partition(":")
        if not colon or name.strip().lower() not in STYLE_PROPERTIES:
            return f"style property {name.strip()[:30]!r} (allowed: {', '.join(sorted(STYLE_PROPERTIES))})"
        if not all(ch.isalnum() or ch in " .%-" for ch in setting):
            return f"style value {setting.strip()[:30]!r} (only numbers, units and keywords)"
    return None


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


def problems(html: str) -> list[str]:
    """What in `html` is outside the allowlist, in words, in document order (at most MAX_PROBLEMS)."""
    tree = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    found: list[str] = []
    for element in tree.iter():
        tag = element.tag
        if tag == "DOCUMENT_FRAGMENT":
            continue
        if not isinstance(tag, str):
            found.append("an HTML comment or processing instruction")
        elif tag not in ALLOWED:
            name = tag.rpartition("}")[2]
            found.append(f"<{name}> element" + (" (script never runs here)" if name == "script" else ""))
        else:
            found += [p for name, value in element.attrib.items() if (p := _attribute_problem(tag, str(name), value))]
        if len(found) >= MAX_PROBLEMS:
            break
    return found[:MAX_PROBLEMS]
