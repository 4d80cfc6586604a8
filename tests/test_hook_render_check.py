"""`author render --check FILE...`, the command behind the `author-rendered` hook."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REFERENCE
from tests.conftest import run_author as run


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """a.readout.yaml with a.txt, a.md and a.html rendered beside it; b.readout.yml with
    none; notes.md alone."""
    (tmp_path / "a.readout.yaml").write_text(REFERENCE.read_text(encoding="utf-8"), "utf-8")
    for fmt, ext in (("text", "txt"), ("md", "md"), ("html", "html")):
        done = run("render", "a.readout.yaml", "-f", fmt, "-o", f"a.{ext}", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    (tmp_path / "b.readout.yml").write_text(REFERENCE.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    return tmp_path


def test_fresh_pages_pass_and_strangers_are_ignored(pages: Path) -> None:
    done = run(
        "render", "--check", "a.readout.yaml", "a.txt", "a.md", "b.readout.yml", "notes.md",
        cwd=pages,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""


def test_each_stale_page_is_named_with_its_fix(pages: Path) -> None:
    (pages / "a.md").write_text("edited by hand\n", encoding="utf-8")
    (pages / "a.html").unlink()
    html = run("render", "a.readout.yaml", "-f", "html", cwd=pages).stdout
    (pages / "a.html").write_text(html.replace("Kuleba", "Kouleba"), encoding="utf-8")
    done = run("render", "--check", "a.md", cwd=pages)  # the page alone stands for its readout
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines == [
        "a.md: out of date with a.readout.yaml; to fix, run: "
        "author render --write a.readout.yaml --format md",
        "a.html: out of date with a.readout.yaml; to fix, run: "
        "author render --write a.readout.yaml --format html",
        "2 pages out of date; to fix them all, run: "
        "author render --write a.readout.yaml --format md --format html; then add the pages",
    ]
    fix_all = lines[2].split("to fix them all, run: ")[1].removesuffix("; then add the pages")
    assert run(*fix_all.split()[1:], cwd=pages).returncode == 0
    assert run("render", "--check", "a.readout.yaml", cwd=pages).returncode == 0
    for line in lines[:2]:
        (pages / line.split(":")[0]).write_text("stale again\n", encoding="utf-8")
        fix = line.split("to fix, run: ")[1].split()
        assert run(*fix[1:], cwd=pages).returncode == 0
    assert run("render", "--check", "a.readout.yaml", cwd=pages).returncode == 0
    assert not (pages / "b.txt").exists()  # b had no pages: none was written


def test_the_fix_for_many_readouts_writes_only_the_stale_formats(pages: Path) -> None:
    (pages / "b.txt").write_text("stale\n", encoding="utf-8")
    (pages / "a.md").write_text("stale\n", encoding="utf-8")
    (pages / "c.readout.yaml").write_bytes((pages / "a.readout.yaml").read_bytes())
    (pages / "c.md").write_text("stale\n", encoding="utf-8")
    done = run("render", "--check", "a.readout.yaml", "b.readout.yml", "c.readout.yaml",
               cwd=pages)  # fmt: skip
    assert done.returncode == 1
    summary = done.stderr.splitlines()[-1]
    assert summary == (
        "3 pages out of date; to fix them all, run: "
        "author render --write a.readout.yaml c.readout.yaml --format md && "
        "author render --write b.readout.yml; then add the pages"
    )
    command = summary.split("run: ")[1].removesuffix("; then add the pages")
    for part in command.split(" && "):
        assert run(*part.split()[1:], cwd=pages).returncode == 0
    assert not (pages / "c.txt").exists() and not (pages / "b.md").exists()
    again = run("render", "--check", "a.readout.yaml", "b.readout.yml", "c.readout.yaml",
                cwd=pages)  # fmt: skip
    assert again.returncode == 0, again.stderr


def test_the_fix_repeats_the_settings_and_templates_of_the_check(pages: Path) -> None:
    templates = pages / "my templates"
    templates.mkdir()
    for name in ("page.txt.j2", "page.md.j2", "page.html.j2"):
        (templates / name).write_text("{{ heading }}\n", encoding="utf-8")
    (pages / "a.md").unlink()
    (pages / "a.html").unlink()
    (pages / "author.toml").write_text("[tool.author]\n", encoding="utf-8")
    done = run("--config", "author.toml", "render", "--check", "a.readout.yaml",
               "--template-dir", "my templates", cwd=pages)  # fmt: skip
    assert done.returncode == 1
    fix = done.stderr.splitlines()[0].split("to fix, run: ")[1]
    assert fix == (
        "author --config author.toml render --write a.readout.yaml --template-dir 'my templates'"
    )
    import shlex

    assert run(*shlex.split(fix)[1:], cwd=pages).returncode == 0
    mine = run("render", "a.readout.yaml", "--template-dir", "my templates", cwd=pages).stdout
    assert (pages / "a.txt").read_text(encoding="utf-8") == mine
    assert run("--config", "author.toml", "render", "--check", "a.readout.yaml",
               "--template-dir", "my templates", cwd=pages).returncode == 0  # fmt: skip


def test_a_readout_with_errors_fails_the_check(pages: Path) -> None:
    text = (pages / "a.readout.yaml").read_text(encoding="utf-8")
    (pages / "a.readout.yaml").write_text(text.replace("25 min", "0 min"), encoding="utf-8")
    done = run("render", "--check", "a.readout.yaml", "b.readout.yml", cwd=pages)
    assert done.returncode == 1
    assert "a.readout.yaml:" in done.stderr and "error:" in done.stderr
    assert "not rendered: fix the errors above" in done.stderr


def test_usage_errors(pages: Path) -> None:
    done = run("render", "a.readout.yaml", "b.readout.yml", cwd=pages)
    assert done.returncode == 2 and "several only with --check" in done.stderr
    done = run("render", "--check", "-o", "a.txt", "a.readout.yaml", "b.readout.yml", cwd=pages)
    assert done.returncode == 2 and "--output takes one FILE" in done.stderr
    done = run("render", "--check", "-", cwd=pages)
    assert done.returncode == 2 and "needs --output" in done.stderr
    done = run("render", "--check", "missing.readout.yaml", "a.readout.yaml", cwd=pages)
    assert done.returncode == 0  # no pages beside a missing readout: nothing to compare


def test_check_against_one_named_page(pages: Path) -> None:
    done = run("render", "--check", "a.readout.yaml", "-f", "md", "-o", "a.md", cwd=pages)
    assert done.returncode == 0
    done = run("render", "--check", "a.readout.yaml", "-o", "a.md", cwd=pages)  # text vs md
    assert done.returncode == 1
    assert "--format text --output a.md" in done.stderr


def test_page_names_follow_the_readout_names() -> None:
    from author.pages import page_path

    assert page_path(Path("a/x.readout.yaml"), "text") == Path("a/x.txt")
    assert page_path(Path("x.readout.yml"), "md") == Path("x.md")
    assert page_path(Path("x.yaml"), "html") == Path("x.html")
