"""The page HTML allowlist (macros/sanitize.py), with ammonia (nh3) as an independent second opinion.

Whatever the check lets through, nh3 given the same allowlist must leave unchanged (same tree,
parsed as the browser parses it); and every known script vector must be refused.
"""

from __future__ import annotations

import html5lib
import nh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.sanitize import ALLOWED, SCHEMES, problems


def tree(html: str) -> list[tuple]:
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    return [(el.tag if isinstance(el.tag, str) else "#comment", sorted(el.attrib.items()), el.text or "", el.tail or "") for el in fragment.iter()]


def ammonia(html: str) -> str:
    return nh3.clean(html, tags=set(ALLOWED), attributes={t: set(a) for t, a in ALLOWED.items()}, url_schemes=set(SCHEMES),
                     link_rel=None, strip_comments=True)


VECTORS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
    "<a href='javascript:alert(1)'>x</a>", "<a href=' jAvAsCrIpT:alert(1)'>x</a>", "<a href='java\tscript:alert(1)'>x</a>",
    "<a href='&#x6a;avascript:alert(1)'>x</a>", "<a href='data:text/html,x'>x</a>", "<a href='vbscript:x'>x</a>",
    "<p onclick=alert(1)>x</p>", "<p ONCLICK=alert(1)>x</p>", "<a/onmouseover=alert(1)>x</a>", "<p/style=x>x</p>",
    "<span style='left: url(javascript:alert(1))'>x</span>", "<span style='background: red'>x</span>",
    "<span style='width: expression(alert(1))'>x</span>", "<iframe src=x></iframe>", "<object data=x></object>",
    "<embed src=x>", "<form action=javascript:alert(1)><button>x</button></form>", "<meta http-equiv=refresh content=0>",
    "<base href=//evil.example>", "<link rel=stylesheet href=x>", "<style>*{}</style>", "<math><mi>x</mi></math>",
    "<noscript><p title='</noscript><img src=x onerror=alert(1)>'></noscript>", "<!-- x -->", "<template><p>x</p></template>",
    "<select><option onfocus=alert(1)>x</option></select>", "<details open ontoggle=alert(1)>x</details>",
    "<a href='x' formaction='javascript:alert(1)'>x</a>", "<button formaction=javascript:alert(1)>x</button>",
    "<body onload=alert(1)>", "<p>x</p><body onload=alert(1)>", "<html onclick=alert(1)>", "<head onclick=alert(1)>",
    "<?x y?>", "<p>x</p><!-- x -->",
]


@pytest.mark.parametrize("html", VECTORS)
def test_script_vectors_are_refused(html: str) -> None:
    assert problems(html), html


def test_the_site_s_own_markup_passes() -> None:
    html = ('<div class="bw-timeline" data-bw-filterable=""><ol><li id="e1" data-phase="p" data-kind="attack">'
            '<time datetime="2031-03">March 2031</time> <a href="../x/" title="T">X</a>'
            '<span class="bar" style="left: 5.2%; width: 10%"></span><sup id="c1"><a href="#ref-1">1</a></sup></li></ol></div>'
            '<table><tr><th scope="row" style="text-align: left;">A</th><td colspan="2">B</td></tr></table>'
            '<p><a href="https://example.org/?q=1" rel="noopener">x</a> <a href="mailto:a@example.org">m</a></p>')
    assert problems(html) == []
    assert tree(ammonia(html)) == tree(html)


SAFE_URLS = st.sampled_from(["https://example.org/a", "http://x.example", "mailto:a@b.example", "../x/", "#frag", "x.md", "/a/b", "?q=1"])
ANY_URLS = st.one_of(SAFE_URLS, st.sampled_from(["javascript:x", " data:x", "JAVASCRIPT:x", "java\nscript:x", "x:y", "ftp://x"]))
ATTRS = st.sampled_from(["class", "id", "title", "href", "style", "onclick", "onerror", "data-kind", "scope", "src", "formaction"])
TAGS = st.sampled_from([*sorted(ALLOWED), "script", "img", "svg", "iframe", "style", "math", "object", "x-y"])
TEXT = st.text("ab <>&\"'=/:;()%", max_size=8)


def _attribute(name: str, url: str, text: str) -> str:
    value = url if name == "href" else ("left: 5%" if name == "style" else text)
    return f' {name}="{value.replace(chr(34), "&quot;")}"'


ELEMENT = st.builds(lambda t, attrs, body: f"<{t}{''.join(_attribute(*a) for a in attrs)}>{body}</{t}>",
                    TAGS, st.lists(st.tuples(ATTRS, ANY_URLS, TEXT), max_size=3), TEXT)


@settings(max_examples=300, deadline=5000)
@given(st.lists(st.one_of(ELEMENT, TEXT), max_size=6).map("".join))
def test_what_passes_the_check_is_what_ammonia_keeps(html: str) -> None:
    # ammonia knows no SVG (it drops every SVG element, whatever it is told), so the maps' SVG is
    # checked on its own below.
    if not problems(html) and "<svg" not in html.lower():
        assert tree(ammonia(html)) == tree(html)


def test_the_maps_svg_passes_and_svg_vectors_are_refused() -> None:
    svg = ('<div class="bw-map" data-bw-map-months="2025-01"><figure><svg class="bw-map-svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
           ' viewBox="0 0 600 400" role="group" aria-labelledby="m-title" data-bw-map="m"><title id="m-title">T</title><desc>D</desc>'
           '<rect class="bw-map-sea" width="600" height="400"/><g class="bw-map-land" aria-hidden="true"><path d="M0,0L1,1Z"/></g>'
           '<a class="bw-map-pin" xlink:href="../places/x/" aria-label="X" data-bw-pin="x" data-bw-months="{}"><title>X</title>'
           '<circle class="bw-map-dot" cx="1" cy="2" r="6"/><text x="1" y="2" text-anchor="start" font-size="12">X</text></a>'
           '<g class="bw-map-pin" role="img" aria-label="Y" data-bw-pin="y"><circle cx="3" cy="4" r="6"/></g>'
           '<g transform="translate(1 2)" font-size="11"><text y="3">N</text></g></svg></figure></div>')
    assert problems(svg) == []
    for bad in ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', '<svg><use href="#x"/></svg>',
                '<svg><image href="https://evil.example/x.png"/></svg>', '<svg><foreignObject><p>x</p></foreignObject></svg>',
                '<svg><circle style="fill: url(https://evil.example)"/></svg>', '<svg><a href="https://evil.example"><text>x</text></a></svg>',
                '<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>', '<svg onload="alert(1)"></svg>',
                '<svg xmlns:xlink="https://evil.example"></svg>', '<svg><style>*{}</style></svg>'):
        assert problems(bad), bad
