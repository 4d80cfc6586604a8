"""Project configuration: `[tool.author]` / `.author.toml`, found and applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from author.config import LINT_CODES, Config, ConfigError, find_config, load_config
from tests.conftest import REFERENCE
from tests.conftest import run_author as run


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path




@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding the reference readout and one that only has warnings."""
    reference = REFERENCE.read_text(encoding="utf-8")
    write(tmp_path / "ok.readout.yaml", reference)
    warned = reference.replace("Japan's support.", "Japan's support")
    assert warned != reference
    write(tmp_path / "warned.readout.yaml", warned)
    return tmp_path


# -- finding and reading the file -------------------------------------------------------------


def test_defaults_without_a_file(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None
    assert load_config(tmp_path) == Config()
    assert Config().style == "mofa" and Config().home_zone == "Asia/Tokyo"


def test_pyproject_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.author]\nstrict = true\nhome-label = "Japan time"\n',
    )
    below = tmp_path / "readouts" / "2024"
    below.mkdir(parents=True)
    config = load_config(below)
    assert config.strict is True
    assert config.home_label == "Japan time"  # dashes and underscores both work
    assert config.source == str(tmp_path / "pyproject.toml")


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / ".author.toml", "strict = true\n")
    write(tmp_path / "inner" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path / "inner").strict is True


@pytest.mark.parametrize(
    ("pyproject", "has_table"),
    [
        ("[tool.author]\nstrict = true\n", True),
        ("[ tool . author ]\nstrict = true\n", True),
        ('[tool."author"]\nstrict = true\n', True),
        ("[tool.author.extra]\nx = 1\n", True),
        ("[tool]\nauthor = { strict = true }\n", True),
        ("[tool]\nauthor.strict = true\n", True),
        ("tool.author.strict = true\n", True),
        ("tool = { author = { strict = true } }\n", True),
        ('[project]\nname = "author-archive"\nauthors = [{ name = "A. Author" }]\n', False),
        ('[project.scripts]\nauthor = "author.cli:main"\n\n[tool.ruff]\nline-length = 100\n', False),
        ("[tool.authorlint]\nx = 1\n", False),
        ("[tool]\nauthorlint = 1\n", False),
    ],
)
def test_pyproject_table_in_every_spelling(tmp_path: Path, pyproject: str, has_table: bool) -> None:
    """The table is found however TOML spells it; a pyproject that only names an author
    (or a script called `author`) is passed over, as before."""
    write(tmp_path / "pyproject.toml", pyproject)
    assert (find_config(tmp_path) is not None) is has_table


def test_author_toml_top_level_or_table_and_nearest_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.author]\nhome_name = 'Outer'\n")
    write(tmp_path / "inner" / ".author.toml", "home_name = 'Inner'\n")
    assert load_config(tmp_path / "inner").home_name == "Inner"
    write(tmp_path / "inner" / ".author.toml", "[tool.author]\nhome_name = 'Tabled'\n")
    assert load_config(tmp_path / "inner").home_name == "Tabled"
    assert load_config(tmp_path).home_name == "Outer"


def test_every_setting_is_read(tmp_path: Path) -> None:
    write(
        tmp_path / ".author.toml",
        "\n".join(
            [
                'style = "mofa"',
                'home_zone = "Europe/Kyiv"',
                'home_label = "Kyiv time"',
                'home_name = "Ukraine"',
                "strict = true",
                'disable = ["clock-style", "point-punctuation"]',
                "max_bytes = 4096",
                "max_depth = 8",
                "max_nodes = 500",
            ]
        ),
    )
    config = load_config(tmp_path)
    assert config == Config(
        style="mofa",
        home_zone="Europe/Kyiv",
        home_label="Kyiv time",
        home_name="Ukraine",
        strict=True,
        disable=frozenset({"clock-style", "point-punctuation"}),
        max_bytes=4096,
        max_depth=8,
        max_nodes=500,
        source=str(tmp_path / ".author.toml"),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("strikt = true", "unknown setting 'strikt' in [tool.author]; did you mean 'strict'?"),
        ('strict = "yes"', "'strict' must be true or false"),
        ("max_bytes = true", "'max_bytes' must be a whole number"),
        ("max_depth = 0", "'max_depth' must be more than zero"),
        ('home_label = " "', "'home_label' must not be empty"),
        ('home_zone = "Asia/Tokio"', "home_zone: "),
        ('home_zone = "JST"', "home_zone: "),
        ('style = "mofaa"', "unknown style 'mofaa'; known: mofa"),
        ('disable = "clock-style"', "'disable' must be a list of lint codes"),
        ('disable = ["clok-style"]', "unknown lint code 'clok-style'; did you mean 'clock-style'?"),
        ('disable = ["unknown-timezone"]', "only warnings can be turned off"),
        ("strict = ", "not valid TOML"),
        ("tool = 3", "'tool' must be a table"),
    ],
)
def test_bad_settings_are_errors(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path / ".author.toml", text + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert message in str(info.value)
    assert str(tmp_path / ".author.toml") in str(info.value)


def test_lint_codes_are_the_documented_warnings() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for code in LINT_CODES:
        assert f"`{code}`" in readme


# -- the settings at work ------------------------------------------------------------------


def test_strict_setting_and_its_command_line_overrides(project: Path) -> None:
    assert run("validate", "warned.readout.yaml", cwd=project).returncode == 0
    write(project / "pyproject.toml", "[tool.author]\nstrict = true\n")
    done = run("validate", "warned.readout.yaml", cwd=project)
    assert done.returncode == 1
    assert "warning:" in done.stdout and "[point-punctuation]" in done.stdout
    assert run("validate", "--no-strict", "warned.readout.yaml", cwd=project).returncode == 0
    assert run("validate", "ok.readout.yaml", cwd=project).returncode == 0


def test_disable_turns_a_lint_code_off(project: Path) -> None:
    write(project / ".author.toml", 'disable = ["point-punctuation"]\nstrict = true\n')
    done = run("validate", "warned.readout.yaml", cwd=project)
    assert done.returncode == 0, done.stdout
    assert "point-punctuation" not in done.stdout


def test_home_zone_label_and_name_shape_the_lead(project: Path) -> None:
    write(project / ".author.toml", 'home_zone = "Europe/Kyiv"\nhome_label = "Kyiv time"\n')
    done = run("render", "ok.readout.yaml", cwd=project)
    assert done.returncode == 0, done.stderr
    # 18:05 in New York on September 20 is 1:05 the next morning in Kyiv.
    assert "(local time; on September 21, 1:05 a.m. Kyiv time)" in done.stdout
    write(project / ".author.toml", 'home_zone = "America/Toronto"\nhome_name = "Canada"\n')
    done = run("render", "ok.readout.yaml", cwd=project)
    assert "(local time; same time in Canada)" in done.stdout, done.stdout


def test_limits_apply(project: Path) -> None:
    write(project / ".author.toml", "max_bytes = 100\n")
    done = run("validate", "ok.readout.yaml", cwd=project)
    assert done.returncode == 1
    assert "ok.readout.yaml:1:1: error: file is larger than 100 bytes" in done.stdout


def test_explicit_config_file_and_a_broken_one(project: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("settings") / "team.toml"
    write(elsewhere, "[tool.author]\nstrict = true\n")
    done = run("--config", str(elsewhere), "validate", "warned.readout.yaml", cwd=project)
    assert done.returncode == 1
    write(project / ".author.toml", "strict = 1\n")
    for command in (["validate", "ok.readout.yaml"], ["render", "ok.readout.yaml"]):
        done = run(*command, cwd=project)
        assert done.returncode == 2
        assert done.stderr.startswith("author: ") and "'strict' must be true or false" in (
            done.stderr
        )
        assert "Traceback" not in done.stderr
    done = run(
        "--config", str(project / "missing.toml"), "validate", "ok.readout.yaml", cwd=project
    )
    assert done.returncode == 2 and "cannot read configuration" in done.stderr
