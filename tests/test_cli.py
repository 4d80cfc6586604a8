"""The `author` command as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from author.cli import main
from author.schema import schema_text
from tests.conftest import REFERENCE, REPO, SEED
from tests.conftest import run_author as run


def test_render_reference_prints_the_seed_page() -> None:
    done = run("render", str(REFERENCE))
    assert done.returncode == 0, done.stderr
    assert done.stdout == SEED.read_text(encoding="utf-8") + "\n"
    assert done.stderr == ""


def test_render_from_stdin_and_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    done = run(
        "render",
        "-",
        "--format",
        "html",
        "--output",
        str(out),
        stdin=REFERENCE.read_text(encoding="utf-8"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "7:05 a.m. JST" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # no temporary left behind


def test_render_refuses_a_file_with_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.readout.yaml"
    bad.write_text(REFERENCE.read_text().replace("America/New_York", "America/NewYork"))
    out = tmp_path / "page.txt"
    out.write_text("previous page\n")
    done = run("render", str(bad), "--output", str(out))
    assert done.returncode == 1
    assert f"{bad}:13:13: error: unknown time zone 'America/NewYork'" in done.stderr
    assert out.read_text() == "previous page\n"
    assert "Traceback" not in done.stderr


def test_validate_exit_codes(tmp_path: Path) -> None:
    good = REFERENCE
    warn = tmp_path / "warn.readout.yaml"
    warn.write_text(
        REFERENCE.read_text().replace("Minister Kuleba expressed", "Minister Kulebba expressed")
    )
    bad = tmp_path / "bad.readout.yaml"
    bad.write_text(REFERENCE.read_text().replace("kind: meeting", "kind: meetng"))

    assert run("validate", str(good)).returncode == 0
    done = run("validate", str(warn))
    assert done.returncode == 0
    assert "warning: 'Minister Kulebba' is not a person listed" in done.stdout
    assert run("validate", "--strict", str(warn)).returncode == 1
    done = run("validate", str(good), str(bad))
    assert done.returncode == 1
    assert f"{bad}:11:9: error:" in done.stdout
    assert "2 files checked: 1 error, 0 warnings; 1 failed" in done.stderr
    done = run("validate", str(tmp_path / "missing.readout.yaml"))
    assert done.returncode == 2 and "cannot read file" in done.stdout


def test_validate_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.readout.yaml"
    bad.write_text(REFERENCE.read_text().replace("kind: meeting", "kind: meetng"))
    done = run("validate", "--format", "json", str(bad))
    report = json.loads(done.stdout)
    [entry] = report["files"]
    assert entry["errors"] == 1
    assert entry["diagnostics"][0]["line"] == 11
    assert entry["diagnostics"][0]["code"] == "bad-value"
    assert entry["diagnostics"][0]["suggestion"] == "meeting"


def test_schema_is_committed_and_current() -> None:
    committed = (REPO / "schemas" / "readout.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "schemas/readout.schema.json is out of date; regenerate it with:\n"
        "    author schema --output schemas/readout.schema.json"
    )


def test_schema_accepts_the_examples() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(schema_text())
    for path in (REPO / "examples").glob("*.readout.yaml"):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        data = _typed(data)
        jsonschema.validate(data, schema)


def _typed(value):
    """BaseLoader gives strings only; turn the obvious ones back into bool/int."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if value in ("true", "false"):
        return value == "true"
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value


def test_new_points_at_the_schema_committed_nearest_the_file(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "readout.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "minutes").mkdir()
    for target, expected in (
        (tmp_path / "x.readout.yaml", "schemas/readout.schema.json"),
        (tmp_path / "minutes" / "y.readout.yaml", "../schemas/readout.schema.json"),
    ):
        done = run("new", str(target))
        assert done.returncode == 0, done.stderr
        first = target.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={expected}"


def test_new_writes_a_starter_that_validates_once_filled(tmp_path: Path) -> None:
    target = tmp_path / "x.readout.yaml"
    done = run("new", str(target))
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    # no schema committed near the file: the starter says how to add one, and names no
    # path of this machine's installation
    assert "$schema=" not in text.splitlines()[0]
    assert "author schema --output readout.schema.json" in text
    empty = run("validate", str(target))
    assert empty.returncode == 1  # not filled yet: it says what is missing
    assert "section is empty; fill it in" in empty.stdout
    filled = (
        text.replace("section:  ", "section: Japan-Ukraine Relations  ", 1)
        .replace("  start:  ", "  start: 2024-01-07 10:00  ", 1)
        .replace("    family_name:  ", "    family_name: Kamikawa  ", 1)
        .replace(
            "    given_name:\n    title:  ",
            "    given_name: Yoko\n    title: Minister for Foreign Affairs of Japan  ",
            1,
        )
        .replace(
            "    given_name:\n    family_name:\n    title:  ",
            "    given_name: Dmytro\n    family_name: Kuleba\n    title: Minister for Foreign "
            "Affairs of Ukraine  ",
            1,
        )
        .replace("  - >-\n", "  - >-\n    The two ministers met.\n", 1)
    )
    target.write_text(filled, encoding="utf-8")
    done = run("validate", str(target))
    assert done.returncode == 0, done.stdout
    assert run("new", str(target)).returncode == 2  # no silent overwrite


@pytest.mark.parametrize("command", ["render", "validate", "schema", "new", "edit"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: author " + command in capsys.readouterr().out


def test_help_lists_every_command_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    names = ["render", "validate", "schema", "new", "edit", "serve"]
    places = [out.find(f"\n    {name} ") for name in names]
    assert -1 not in places and places == sorted(places), out


def test_a_misspelt_command_is_told_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["valdate", "x.readout.yaml"])
    assert "invalid choice: 'valdate' (choose from 'render', 'validate'" in capsys.readouterr().err


def test_version_and_usage_errors() -> None:
    done = run("--version")
    assert done.returncode == 0 and done.stdout.startswith("author ")
    done = run("render")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    done = run("render", str(REFERENCE), "--template-dir", "/nonexistent")
    assert done.returncode == 2 and "does not exist" in done.stderr


def test_a_directory_is_not_a_traceback(tmp_path: Path) -> None:
    done = run("validate", str(tmp_path))
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr


def test_output_to_a_device_writes_into_it_and_keeps_the_node(tmp_path: Path) -> None:
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    done = run("render", str(REFERENCE), "--output", str(fifo))
    out, _ = reader.communicate(timeout=30)
    assert done.returncode == 0, done.stderr
    assert out == SEED.read_text(encoding="utf-8") + "\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # not replaced by a regular file


def test_a_narrow_terminal_encoding_is_no_failure(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run(
        [sys.executable, "-m", "author", "render", str(REFERENCE)],
        capture_output=True, cwd=REPO, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == SEED.read_text(encoding="utf-8") + "\n"
    bad = tmp_path / "bad.readout.yaml"
    bad.write_text(REFERENCE.read_text(encoding="utf-8").replace("kind: meeting", "kind: meeting’"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "author", "validate", str(bad)],
        capture_output=True, cwd=REPO, env=env, timeout=60,
    )
    assert done.returncode == 1
    assert b"\\u2019" in done.stdout and b"internal error" not in done.stderr
