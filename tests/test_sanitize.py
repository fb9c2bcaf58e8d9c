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
    if not problems(html):
        assert tree(ammonia(html)) == tree(html)
