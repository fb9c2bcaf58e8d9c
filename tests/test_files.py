"""macros/files.py: only regular files and folders inside the project are read, with a size cap;
and macros/frontmatter.py: a page's front matter is held to title and description, as plain text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from macros import files, frontmatter


def test_scan_names_every_entry_that_is_not_a_regular_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "ok.md").write_text("# ok\n", encoding="utf-8")
    (docs / "sub" / "link.md").symlink_to("/etc/passwd")
    (docs / "loop").symlink_to(docs)
    (docs / "dangling.md").symlink_to(tmp_path / "nothing")
    (docs / "page.md").mkdir()
    os.mkfifo(docs / "pipe.md")
    errors = {e.file: e.message for e in files.scan(docs, tmp_path)}
    assert set(errors) == {"docs/sub/link.md", "docs/loop", "docs/dangling.md", "docs/page.md", "docs/pipe.md"}
    assert "symbolic link" in errors["docs/loop"] and "FIFO" in errors["docs/pipe.md"] and "named like a page" in errors["docs/page.md"]


def test_scan_stops_at_the_depth_limit(tmp_path: Path) -> None:
    deep = tmp_path / "docs" / "/".join(["d"] * (files.MAX_DEPTH + 2))
    deep.mkdir(parents=True)
    assert any("nested more than" in e.message for e in files.scan(tmp_path / "docs", tmp_path))


def test_read_refuses_links_devices_and_big_files(tmp_path: Path) -> None:
    (tmp_path / "big.md").write_bytes(b"x" * 101)
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    assert files.read(tmp_path / "big.md", tmp_path, limit=100)[1].message.startswith("file is over the 100-byte limit")
    assert files.read(tmp_path / "zero.md", tmp_path)[1] is not None
    assert files.read(Path("/dev/zero"), tmp_path)[1].message.startswith("a character device")
    assert files.read(tmp_path / "big.md", tmp_path, limit=200) == (b"x" * 101, None)


def test_configured_folder_must_resolve_inside_the_project(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "project" / "docs").symlink_to(tmp_path / "outside")
    assert "outside the project" in files.inside(tmp_path / "project" / "docs", tmp_path / "project", "docs").message
    (tmp_path / "project" / "data").mkdir()
    assert files.inside(tmp_path / "project" / "data", tmp_path / "project", "data") is None


@pytest.mark.parametrize(("text", "body_line", "message"), [
    ("---\ntitle: A page\ndescription: What it holds\n---\n# T\n", 5, None),
    ("# T\n", 1, None),
    ("---\ntitle: A\nhide: [nav]\n---\n# T\n", 5, "'hide' is not allowed"),
    ("---\ntitle: '<b>x</b>'\n---\n# T\n", 4, "the character '<'"),
    ("---\ntitle: '{{ 7*7 }}'\n---\n# T\n", 4, "the character '{'"),
    ("---\ndescription: 'a \"quote\"'\n---\n# T\n", 4, "the character '\"'"),
    ("---\ntitle: \"a\\u202eb\"\n---\n# T\n", 4, "U+202E"),
    ("---\ntitle: [a, b]\n---\n# T\n", 4, "must be one line of text"),
    ("---\ntitle: !!python/name:os.system\n---\n# T\n", 1, "not valid YAML"),
    ("---\ntitle: " + "x" * 200 + "\n---\n# T\n", 4, "over the limit of 120"),
    ("Title: x\nRender_macros: true\n\n# T\n", 4, "'render_macros' is not allowed"),
])
def test_front_matter(text: str, body_line: int, message: str | None) -> None:
    body, first, errors = frontmatter.split(text, "docs/x.md")
    assert first == body_line
    assert body.startswith("# T") or message
    if message is None:
        assert errors == []
    else:
        assert len(errors) == 1 and message in errors[0].message, errors


def test_make_check_refuses_a_linked_page_before_reading_anything(tmp_path: Path) -> None:
    """`python -m macros.check` (make check) applies the same gate as the build."""
    import shutil
    import subprocess
    import sys

    valid = Path(__file__).parent / "fixtures" / "valid"
    shutil.copytree(valid / "data", tmp_path / "data")
    shutil.copytree(valid / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "env.md").symlink_to("/proc/self/environ")
    proc = subprocess.run([sys.executable, "-m", "macros.check", str(tmp_path / "data")], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, timeout=120)
    assert proc.returncode == 1
    assert "docs/env.md: a symbolic link" in proc.stderr and "Traceback" not in proc.stderr
