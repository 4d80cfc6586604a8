"""The hook manifest and the configuration the README tells users to add are valid."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO


def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def test_manifest_is_valid_and_declares_both_hooks() -> None:
    done = pre_commit("validate-manifest", ".pre-commit-hooks.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["author-validate"]["entry"] == "author validate"
    assert hooks["author-rendered"]["entry"] == "author render --check"
    validate = re.compile(hooks["author-validate"]["files"])
    rendered = re.compile(hooks["author-rendered"]["files"])
    for name in ("a.readout.yaml", "dir/b.readout.yml"):
        assert validate.search(name) and rendered.search(name)
    for name in ("a.txt", "a.md", "a.html"):
        assert rendered.search(name) and not validate.search(name)
    for name in ("a.yaml", "readout.yaml.bak", "pyproject.toml"):
        assert not validate.search(name)


def test_readme_pre_commit_config_is_valid(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using author as a pre-commit hook", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    config = next(b for b in blocks if b.startswith("repos:"))
    ids = [h["id"] for r in yaml.safe_load(config)["repos"] for h in r["hooks"]]
    assert ids == ["author-validate", "author-rendered"]
    (tmp_path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    done = pre_commit("validate-config", str(tmp_path / ".pre-commit-config.yaml"))
    assert done.returncode == 0, done.stdout + done.stderr
