"""The pre-commit hooks, driven by the real `pre-commit try-repo`.

One snapshot of this repository (its tracked and untracked-but-not-ignored files, as
they are on disk) is committed into a temporary git repository once per module, so
pre-commit sees a clean repository at a fixed commit. `try-repo` builds its hook
environment in a temporary store on every call (a virtualenv and a pip install of this
project, some seconds each), so the tests keep to three calls.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE, REPO

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(),
    reason="needs git and a git checkout of this repository",
)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        GIT_AUTHOR_NAME="test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        NO_COLOR="1",
    )
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A committed snapshot of this repository, and the environment to run pre-commit in."""
    home = tmp_path_factory.mktemp("hook-home")
    env = _env()
    snapshot = home / "author-snapshot"
    snapshot.mkdir()
    listed = _git(REPO, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # a deleted but still tracked file is skipped
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _git(snapshot, env, "init", "-q")
    _git(snapshot, env, "add", "-A")
    _git(snapshot, env, "commit", "-q", "--no-verify", "-m", "snapshot")
    return snapshot, env


def _author(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "author", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.fixture
def user_repo(tmp_path: Path, hook_repo: tuple[Path, dict[str, str]]) -> Path:
    """A user's repository of readouts: a good one with its pages rendered beside it, a
    bad one, and a good one whose committed text page has gone stale."""
    _, env = hook_repo
    reference = REFERENCE.read_text(encoding="utf-8")
    (tmp_path / "good.readout.yaml").write_text(reference, encoding="utf-8")
    assert _author("render", "good.readout.yaml", "-o", "good.txt", cwd=tmp_path).returncode == 0
    assert (
        _author("render", "good.readout.yaml", "-f", "md", "-o", "good.md", cwd=tmp_path)
    ).returncode == 0
    bad = reference.replace("America/New_York", "America/NewYork").replace(
        "  duration:", "  duraton:"
    )
    assert bad != reference
    (tmp_path / "bad.readout.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "stale.readout.yaml").write_text(reference, encoding="utf-8")
    (tmp_path / "stale.txt").write_text(
        (tmp_path / "good.txt").read_text(encoding="utf-8").replace("25 minutes", "45 minutes"),
        encoding="utf-8",
    )
    (tmp_path / "README.md").write_text("# Readouts\n", encoding="utf-8")
    _git(tmp_path, env, "init", "-q")
    _git(tmp_path, env, "add", "-A")
    return tmp_path


def try_repo(
    hook_repo: tuple[Path, dict[str, str]], cwd: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    snapshot, env = hook_repo
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(snapshot), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def _where(text: str, needle: str) -> str:
    """`line:col` (1-based) of the first `needle` in `text`."""
    before = text[: text.index(needle)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def test_good_readout_and_fresh_pages_pass(hook_repo, user_repo: Path) -> None:
    done = try_repo(
        hook_repo, user_repo, "--files", "good.readout.yaml", "good.txt", "good.md", "README.md"
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert out.count("Passed") == 2, out


def test_bad_readout_and_stale_page_fail(hook_repo, user_repo: Path) -> None:
    done = try_repo(hook_repo, user_repo, "--all-files")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert out.count("Failed") == 2, out
    # author-validate: every problem of the bad file, at its path:line:col.
    bad = (user_repo / "bad.readout.yaml").read_text(encoding="utf-8")
    zone = _where(bad, "America/NewYork")
    typo = _where(bad, "duraton")
    assert f"bad.readout.yaml:{zone}: error: unknown time zone 'America/NewYork'" in out, out
    assert "did you mean 'America/New_York'?" in out
    assert f"bad.readout.yaml:{typo}: error: unknown field 'duraton'" in out, out
    assert "good.readout.yaml:" not in out and "stale.readout.yaml:" not in out
    # author-rendered: the stale page, and the command that fixes it; not the fresh pages.
    fix = "author render --write stale.readout.yaml"
    assert f"stale.txt: out of date with stale.readout.yaml; to fix, run: {fix}" in out, out
    # One process per hook (require_serial): the page and its readout, both passed, are
    # reported once, and the summary counts every readout of the commit.
    assert out.count("stale.txt: out of date") == 1, out
    assert "3 files checked: 2 errors, 0 warnings; 1 failed" in out, out
    assert "good.txt" not in out and "good.md" not in out
    # The command it names does fix the page.
    assert _author(*fix.split()[1:], cwd=user_repo).returncode == 0
    assert _author("render", "--check", "stale.readout.yaml", cwd=user_repo).returncode == 0


def test_a_hand_edited_page_alone_is_caught(hook_repo, user_repo: Path) -> None:
    """Only the page is staged (someone edited the rendered text by hand)."""
    done = try_repo(hook_repo, user_repo, "author-rendered", "--files", "stale.txt", "README.md")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "stale.txt: out of date with stale.readout.yaml" in out, out
