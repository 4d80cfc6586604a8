"""No lost work: every write is atomic, a failed command leaves every file as it was, and a
symlinked file is written through its link. (The editor's kill-and-recover test is in
tests/tui/.)"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from author import yamlio
from author.yamlio import write_atomic
from tests.conftest import REFERENCE, REPO
from tests.conftest import run_author as author

EXAMPLE = REFERENCE.read_bytes()
ENV = dict(os.environ, PYTHONPATH=str(REPO))




def snapshot(path: Path) -> tuple[bytes, int, int, int]:
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, info.st_ino, stat.S_IMODE(info.st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- write_atomic ------------------------------------------------------------------------------


def test_write_replaces_the_file_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old page\n", encoding="utf-8")
    target.chmod(0o640)
    inode = target.stat().st_ino
    write_atomic(target, "new page\n")
    assert target.read_text(encoding="utf-8") == "new page\n"
    assert target.stat().st_ino != inode  # a new file renamed over the old one
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_old_file(
    failing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.readout.yaml"
    target.write_bytes(EXAMPLE)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        def fdopen(*args: object, **kwargs: object):
            handle = real_fdopen(*args, **kwargs)  # type: ignore[arg-type]
            handle.write = disk_full  # type: ignore[method-assign]
            return handle

        monkeypatch.setattr(yamlio.os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(yamlio.os, failing, disk_full)
    with pytest.raises(OSError):
        write_atomic(target, "half a page")
    assert target.read_bytes() == EXAMPLE
    assert leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.readout.yaml"
    target.write_bytes(EXAMPLE)

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(yamlio.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_bytes() == EXAMPLE
    assert leftovers(tmp_path) == []


KILLED_WRITER = r"""
import sys
from author.yamlio import write_atomic
target, size = sys.argv[1], int(sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    write_atomic(target, "AB"[n % 2] * size)
    n += 1
"""


def test_sigkill_during_writes_never_leaves_a_partial_file(tmp_path: Path) -> None:
    """Kill a process that writes a 4 MB file again and again: the file is always one whole
    version, never a mix or a truncated one."""
    size = 4 * 1024 * 1024
    target = tmp_path / "page.txt"
    target.write_text("A" * size, encoding="utf-8")
    for delay in (0.05, 0.11, 0.17, 0.23, 0.31):
        child = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(target), str(size)],
            stdout=subprocess.PIPE,
            env=ENV,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        data = target.read_bytes()
        assert len(data) == size and data in (b"A" * size, b"B" * size)


def test_a_symlinked_file_is_written_through_its_link(tmp_path: Path) -> None:
    real = tmp_path / "drafts" / "meeting.readout.yaml"
    real.parent.mkdir()
    real.write_bytes(EXAMPLE)
    real.chmod(0o600)
    link = tmp_path / "meeting.readout.yaml"
    link.symlink_to(Path("drafts") / "meeting.readout.yaml")  # relative, as people make them
    chain = tmp_path / "latest.readout.yaml"
    chain.symlink_to(link.name)
    write_atomic(chain, "section: edited\n")
    assert link.is_symlink() and chain.is_symlink()
    assert os.readlink(link) == str(Path("drafts") / "meeting.readout.yaml")
    assert real.read_text(encoding="utf-8") == "section: edited\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "page.html"
    link.symlink_to("out/page.html")
    (tmp_path / "out").mkdir()
    write_atomic(link, "<p>page</p>\n")
    assert link.is_symlink() and (tmp_path / "out" / "page.html").read_text() == "<p>page</p>\n"


# -- the command -------------------------------------------------------------------------------


def test_render_output_is_atomic_and_written_through_a_link(tmp_path: Path) -> None:
    source = tmp_path / "r.readout.yaml"
    source.write_bytes(EXAMPLE)
    (tmp_path / "site").mkdir()
    page = tmp_path / "site" / "r.html"
    page.write_text("old page\n", encoding="utf-8")
    page.chmod(0o644)
    link = tmp_path / "r.html"
    link.symlink_to(Path("site") / "r.html")
    before = snapshot(source)
    done = author("render", str(source), "--format", "html", "--output", str(link), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(page.stat().st_mode) == 0o644
    assert snapshot(source) == before
    assert leftovers(tmp_path) == [] and leftovers(page.parent) == []


BROKEN = {
    "syntax error": EXAMPLE.replace(b"  kind: meeting", b"  kind: [meeting"),
    "wrong type": EXAMPLE.replace(b"duration: 25 min", b"duration: [25]"),
    "invalid UTF-8": EXAMPLE + b"\xff",
    "alias bomb": EXAMPLE
    + b"x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
    + b"".join(b"x%d: &a [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" % i for i in range(6)),
    "empty": b"",
}


@pytest.mark.parametrize("name", BROKEN)
def test_a_failed_render_touches_no_file(name: str, tmp_path: Path) -> None:
    source = tmp_path / "r.readout.yaml"
    source.write_bytes(BROKEN[name])
    page = tmp_path / "r.txt"
    page.write_text("the page as it was\n", encoding="utf-8")
    before_source, before_page = snapshot(source), snapshot(page)
    done = author("render", str(source), "--output", str(page), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "not rendered" in done.stderr and "Traceback" not in done.stderr
    done = author("validate", str(source), cwd=tmp_path)
    assert done.returncode == 1
    assert snapshot(source) == before_source  # not truncated, not rewritten, not touched
    assert snapshot(page) == before_page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.readout.yaml", "r.txt"]


def test_a_failing_template_touches_no_file(tmp_path: Path) -> None:
    source = tmp_path / "r.readout.yaml"
    source.write_bytes(EXAMPLE)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.txt.j2").write_text("{{ ''.__class__ }}", encoding="utf-8")
    page = tmp_path / "r.txt"
    page.write_text("the page as it was\n", encoding="utf-8")
    before = snapshot(page)
    done = author(
        "render", str(source), "--output", str(page), "--template-dir", str(templates), cwd=tmp_path
    )
    assert done.returncode == 2 and "unsafe" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(page) == before


def test_an_unwritable_output_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the user may not write into (simulated: the tests may run as root)."""
    from tests.fuzz.oracle import run_cli

    source = tmp_path / "r.readout.yaml"
    source.write_bytes(EXAMPLE)
    page = tmp_path / "r.txt"
    page.write_text("old\n", encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(yamlio.tempfile, "mkstemp", denied)
    status, out, err = run_cli(["render", str(source), "--output", str(page)])
    assert status == 2 and "cannot write" in err and "Permission denied" in err, err
    assert "Traceback" not in err and out == ""
    assert page.read_text(encoding="utf-8") == "old\n"


def test_output_into_a_missing_folder_or_onto_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "r.readout.yaml"
    source.write_bytes(EXAMPLE)
    (tmp_path / "folder").mkdir()
    for output in (tmp_path / "missing" / "r.txt", tmp_path / "folder"):
        done = author("render", str(source), "--output", str(output), cwd=tmp_path)
        assert done.returncode == 2 and "cannot write" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert (tmp_path / "folder").is_dir() and list((tmp_path / "folder").iterdir()) == []


def test_new_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "r.readout.yaml"
    target.write_bytes(EXAMPLE)
    before = snapshot(target)
    done = author("new", str(target), cwd=tmp_path)
    assert done.returncode == 2 and "already exists" in done.stderr
    assert snapshot(target) == before
    done = author("new", str(target), "--force", cwd=tmp_path)
    assert done.returncode == 0
    assert target.stat().st_ino != before[2]  # replaced whole, not rewritten in place
    assert leftovers(tmp_path) == []


def test_render_never_writes_over_its_own_source(tmp_path: Path) -> None:
    source = tmp_path / "r.readout.yaml"
    source.write_bytes(EXAMPLE)
    link = tmp_path / "r.txt"
    link.symlink_to(source.name)
    for output in (source, link):
        done = author("render", str(source), "--output", str(output), cwd=tmp_path)
        assert source.read_bytes() == EXAMPLE, "the readout was overwritten by its page"
        assert done.returncode == 2 and "Traceback" not in done.stderr
