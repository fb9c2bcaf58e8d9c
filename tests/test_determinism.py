"""Two builds of the same commit give the same site, byte for byte, apart from documented timestamps.

Documented exceptions (both come from MkDocs, not from us):
- sitemap.xml.gz: the gzip header holds the time of compression; its content is compared instead.
- sitemap.xml <lastmod>: MkDocs writes the build date (or SOURCE_DATE_EPOCH when set), so two
  builds either side of midnight differ there; the dates are masked.
The second build runs from another folder, so an absolute path leaking into a page also shows.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from conftest import build, make_project

LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def content(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return LASTMOD.sub(b"<lastmod/>", data) if path.name.startswith("sitemap.xml") else data


def differences(first: Path, second: Path) -> list[str]:
    files = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    out = [f"only in one build: {name}" for name in sorted(files ^ others)]
    for name in sorted(files & others):
        if content(first / name) != content(second / name):
            out.append(f"differs: {name}")
    return out


def test_two_builds_are_identical(real_site: Path, tmp_path: Path) -> None:
    first = real_site.parent  # the project real_site was built from: the same data and pages again
    project = make_project(tmp_path / "again", first / "data", first / "docs")
    second = build(project)
    assert second.returncode == 0, second.output
    found = differences(real_site, second.site)
    count = sum(1 for p in real_site.rglob("*") if p.is_file())
    print(f"determinism: {count} files compared, {len(found)} differ")
    assert not found, "\n".join(found[:40])


def test_comparison_sees_a_change(tmp_path: Path) -> None:
    """The comparison itself: a changed byte, a missing file and a gzip mtime are told apart."""
    for name, stamp in (("a", 1), ("b", 2)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "sitemap.xml.gz").write_bytes(gzip.compress(b"<lastmod>2026-01-0%d</lastmod>" % stamp, mtime=stamp))
        (tmp_path / name / "page.html").write_text(f"<p>{'same' if name == 'a' else 'Same'}</p>")
    (tmp_path / "b" / "extra.html").write_text("")
    assert differences(tmp_path / "a", tmp_path / "b") == ["only in one build: extra.html", "differs: page.html"]
