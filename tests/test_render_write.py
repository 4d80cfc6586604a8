"""`author render --write FILE...`: every readout into the pages beside it (or into
--output-dir), in one process, each page written atomically; a broken readout is reported
and skipped while the others are written."""

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
from tests.conftest import REFERENCE, REPO, SEED
from tests.conftest import run_author as run
from tests.fuzz.oracle import DIAGNOSTIC_LINE, run_cli

EXAMPLE = REFERENCE.read_text(encoding="utf-8")
# Two more meetings from the reference readout's facts, so that each page differs.
SECOND = EXAMPLE.replace("25 min", "40 min")
THIRD = EXAMPLE.replace("25 min", "1 h 10 min")
BROKEN = EXAMPLE.replace("25 min", "0 min").replace("  kind: meeting", "  kind: meting")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Three good readouts (one in a subfolder, one .yml) and a broken one."""
    (tmp_path / "2023").mkdir()
    (tmp_path / "a.readout.yaml").write_text(EXAMPLE, encoding="utf-8")
    (tmp_path / "b.readout.yml").write_text(SECOND, encoding="utf-8")
    (tmp_path / "2023" / "c.readout.yaml").write_text(THIRD, encoding="utf-8")
    (tmp_path / "broken.readout.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


GOOD = ["a.readout.yaml", "b.readout.yml", "2023/c.readout.yaml"]
PAGES = {"a.readout.yaml": "a", "b.readout.yml": "b", "2023/c.readout.yaml": "2023/c"}
EXTENSIONS = {"text": ".txt", "md": ".md", "html": ".html"}


def test_each_page_is_what_render_prints_and_check_passes_after(archive: Path) -> None:
    done = run("render", "--write", *GOOD, "-f", "text", "-f", "md", "-f", "html", cwd=archive)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == "9 pages written, 0 unchanged\n"
    for readout, stem in PAGES.items():
        for fmt, ext in EXTENSIONS.items():
            alone = run("render", readout, "--format", fmt, cwd=archive)
            assert alone.returncode == 0, alone.stderr
            assert (archive / (stem + ext)).read_text(encoding="utf-8") == alone.stdout
    assert (archive / "a.txt").read_text(encoding="utf-8") == SEED.read_text("utf-8") + "\n"
    check = run("render", "--check", *GOOD, cwd=archive)
    assert check.returncode == 0 and check.stderr == "", check.stderr
    assert leftovers(archive) == []


def test_text_is_the_default_and_unchanged_pages_are_left_alone(archive: Path) -> None:
    done = run("render", "--write", "a.readout.yaml", cwd=archive)
    assert done.returncode == 0 and done.stderr == "1 page written, 0 unchanged\n"
    assert sorted(p.name for p in archive.glob("a.*")) == ["a.readout.yaml", "a.txt"]
    page = archive / "a.txt"
    before = page.stat()
    done = run("render", "--write", "a.readout.yaml", "a.readout.yaml", "./a.readout.yaml",
               cwd=archive)  # fmt: skip
    assert done.returncode == 0 and done.stderr == "0 pages written, 1 unchanged\n"
    after = page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_broken_readout_is_reported_and_skipped_and_the_others_are_written(
    archive: Path,
) -> None:
    old = "the page as it was\n"
    (archive / "broken.txt").write_text(old, encoding="utf-8")
    done = run("render", "--write", "broken.readout.yaml", *GOOD, cwd=archive)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    # Its problems, located, as `author validate` prints them.
    validate = run("validate", "-q", "broken.readout.yaml", cwd=archive)
    problems = validate.stdout.splitlines()
    assert len(problems) == 2 and all(DIAGNOSTIC_LINE.match(line) for line in problems)
    assert problems[0].startswith("broken.readout.yaml:11:9: error:")
    lines = done.stderr.splitlines()
    assert lines == [
        *problems,
        "author: broken.readout.yaml: not rendered: fix the errors above",
        "3 pages written, 0 unchanged; 1 readout not rendered (see above)",
    ]
    assert (archive / "broken.txt").read_text(encoding="utf-8") == old
    for stem in PAGES.values():
        assert (archive / f"{stem}.txt").is_file()


def test_an_unreadable_readout_and_an_unwritable_page_do_not_stop_the_others(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mkstemp = yamlio.tempfile.mkstemp

    def denied_for_b(*args: object, **kwargs: object):
        if str(kwargs.get("prefix", "")).startswith(".b."):
            raise PermissionError(errno.EACCES, "Permission denied")
        return mkstemp(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlio.tempfile, "mkstemp", denied_for_b)
    status, out, err = run_cli(
        [
            "render",
            "--write",
            str(archive / "missing.readout.yaml"),
            *(str(archive / g) for g in GOOD),
        ]
    )
    assert status == 2, err
    assert out == "" and "Traceback" not in err
    assert "missing.readout.yaml:1:1: error: cannot read file" in err
    assert f"cannot write {archive / 'b.txt'}: Permission denied" in err
    assert err.endswith("2 pages written, 0 unchanged; 1 readout not rendered (see above)\n")
    assert (archive / "a.txt").is_file() and (archive / "2023" / "c.txt").is_file()
    assert not (archive / "b.txt").exists() and leftovers(archive) == []


def test_pages_are_replaced_whole_keeping_mode_and_links(archive: Path) -> None:
    page = archive / "a.txt"
    page.write_text("old\n", encoding="utf-8")
    page.chmod(0o640)
    inode = page.stat().st_ino
    (archive / "site").mkdir()
    (archive / "site" / "b.txt").write_text("old\n", encoding="utf-8")
    (archive / "b.txt").symlink_to(Path("site") / "b.txt")
    done = run("render", "--write", *GOOD, cwd=archive)
    assert done.returncode == 0, done.stderr
    assert page.stat().st_ino != inode  # a new file renamed over the old one
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert (archive / "b.txt").is_symlink()
    assert (archive / "site" / "b.txt").read_text(encoding="utf-8").startswith("Japan-Ukraine")
    assert leftovers(archive) == []


def test_a_killed_batch_leaves_every_page_old_or_new_never_partial(tmp_path: Path) -> None:
    """SIGKILL a `render --write` of 300 readouts in the middle: each page is the old one
    or the whole new one."""
    names = []
    for i in range(300):
        (tmp_path / f"m{i:03d}.readout.yaml").write_text(EXAMPLE, encoding="utf-8")
        (tmp_path / f"m{i:03d}.txt").write_text("old page\n", encoding="utf-8")
        names.append(f"m{i:03d}.readout.yaml")
    new = run("render", names[0], cwd=tmp_path).stdout
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-m", "author", "render", "--write", *names],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    last = tmp_path / "m299.txt"
    while time.monotonic() < deadline and child.poll() is None:
        if (tmp_path / "m010.txt").read_text(encoding="utf-8") != "old page\n":
            break  # some pages are written: kill it while it writes the rest
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    pages = [(tmp_path / f"m{i:03d}.txt").read_text(encoding="utf-8") for i in range(300)]
    assert all(text in ("old page\n", new) for text in pages)
    assert pages[0] == new
    assert last.read_text(encoding="utf-8") in ("old page\n", new)


def test_output_dir_names_pages_after_the_readout_file(archive: Path) -> None:
    done = run("render", "--write", *GOOD, "-f", "html", "--output-dir", "site/pages",
               cwd=archive)  # fmt: skip
    assert done.returncode == 0, done.stderr
    site = archive / "site" / "pages"
    assert sorted(p.name for p in site.iterdir()) == ["a.html", "b.html", "c.html"]
    alone = run("render", "2023/c.readout.yaml", "-f", "html", cwd=archive).stdout
    assert (site / "c.html").read_text(encoding="utf-8") == alone
    assert not list(archive.glob("*.html")) and not (archive / "2023" / "c.html").exists()
    check = run("render", "--check", "2023/c.readout.yaml", "-f", "html", "-o",
                "site/pages/c.html", cwd=archive)  # fmt: skip
    assert check.returncode == 0, check.stderr


def test_two_readouts_that_would_write_one_page_are_refused_before_any_write(
    archive: Path,
) -> None:
    (archive / "2024").mkdir()
    (archive / "2024" / "a.readout.yaml").write_text(SECOND, encoding="utf-8")
    done = run("render", "--write", "a.readout.yaml", "2024/a.readout.yaml", "--output-dir",
               "out", cwd=archive)  # fmt: skip
    assert done.returncode == 2
    assert "a.readout.yaml and 2024/a.readout.yaml would both write out/a.txt" in done.stderr
    assert not (archive / "out").exists()
    (archive / "a.readout.yml").write_text(SECOND, encoding="utf-8")
    done = run("render", "--write", "a.readout.yaml", "a.readout.yml", cwd=archive)
    assert done.returncode == 2 and "would both write a.txt" in done.stderr
    assert not (archive / "a.txt").exists()


def test_usage_errors(archive: Path) -> None:
    (archive / "notes.txt").write_text(EXAMPLE, encoding="utf-8")
    cases = {
        ("notes.txt",): "would be notes.txt, the readout itself",
        ("-",): "for stdin, use --output PATH",
        ("a.readout.yaml", "--check"): "--write goes without --check and --output",
        ("a.readout.yaml", "-o", "x.txt"): "--write goes without --check and --output",
        ("a.readout.yaml", "-f", "docx"): "write a Word document with --format docx --output",
    }
    for extra, message in cases.items():
        done = run("render", "--write", *extra, cwd=archive, stdin=EXAMPLE)
        assert done.returncode == 2 and message in done.stderr, done.stderr
    assert (archive / "notes.txt").read_text(encoding="utf-8") == EXAMPLE
    done = run("render", "a.readout.yaml", "-f", "md", "-f", "html", cwd=archive)
    assert done.returncode == 2 and "several only with --write" in done.stderr
    done = run("render", "a.readout.yaml", "--output-dir", "out", cwd=archive)
    assert done.returncode == 2 and "--output-dir goes with --write" in done.stderr


def test_help_says_how_pages_are_named() -> None:
    done = run("render", "--help", env={"COLUMNS": "200"})
    text = " ".join(done.stdout.split())  # as argparse wraps it
    assert "x.readout.yaml (or .yml) → x.txt" in text
    assert "(a/x.readout.yaml → DIR/x.txt)" in text


def test_a_batch_makes_each_folder_durable_once(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page is fsynced before its rename; the folder (the renames) once, at the end."""
    synced: list[Path] = []
    monkeypatch.setattr(yamlio, "_sync_folder", synced.append)
    status, _, err = run_cli(["render", "--write", *(str(archive / g) for g in GOOD)])
    assert status == 0, err
    assert sorted(synced) == sorted({archive.resolve(), (archive / "2023").resolve()})
