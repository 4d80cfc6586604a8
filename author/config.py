"""Project configuration: `[tool.author]` in pyproject.toml, or `.author.toml`.

Looked up from the current directory upwards: the first folder holding a `.author.toml`,
or a `pyproject.toml` with a `[tool.author]` table, wins; `--config PATH` names the file
instead. Every setting is optional; README "Configuration" lists them. An unknown
setting, a value of the wrong kind, an unknown lint code in `disable` or an unknown zone
is an error (exit 2), never silently ignored.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from author.registry import LINT_CODES as LINT_CODES  # the codes `disable` may name
from author.suggest import closest, did_you_mean

DEFAULT_MAX_BYTES = 1024 * 1024

# C0 controls (tab included: a setting is one line), DEL and the C1 controls. (The
# patterns of this module are compiled on first use, by `re`: most runs read no settings
# file, and compiling costs start-up.)
_CONTROL = r"[\x00-\x1f\x7f-\x9f]"

CONFIG_FILE = ".author.toml"


class ConfigError(Exception):
    """The configuration file is unreadable or holds a value of the wrong kind."""


class Config(NamedTuple):
    """The settings in force (immutable; a NamedTuple, as a frozen dataclass of this many
    fields costs start-up: its methods are compiled from source)."""

    style: str = "mofa"  # house style (template set) for readouts that name none
    home_zone: str = "Asia/Tokyo"  # the zone the home-time parenthetical is given in
    home_label: str = "JST"  # `(local time; 7:05 a.m. JST)`
    home_name: str = "Japan"  # `(local time; same time in Japan)`
    strict: bool = False  # warnings fail `author validate` too
    disable: frozenset[str] = frozenset()  # lint codes turned off
    max_bytes: int = DEFAULT_MAX_BYTES  # a larger file is refused (too-large)
    max_depth: int = 64  # deeper nesting is refused (too-deep)
    max_nodes: int = 100_000  # more values, aliases expanded, are refused (too-many-nodes)
    render_timeout: int = 10  # seconds a template may run (a page takes milliseconds)
    max_page_size: int = 16 * 1024 * 1024  # characters a rendered page may hold
    source: str | None = None  # the file the settings came from, for messages


SETTINGS: dict[str, type[Any]] = {
    "style": str,
    "home_zone": str,
    "home_label": str,
    "home_name": str,
    "strict": bool,
    "disable": list,
    "max_bytes": int,
    "max_depth": int,
    "max_nodes": int,
    "render_timeout": int,
    "max_page_size": int,
}


_KINDS = {str: "text", bool: "true or false", int: "a whole number"}


def _check_disable(value: Any, source: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: 'disable' must be a list of lint codes, like ['clock-style']")
    for code in value:
        if code not in LINT_CODES:
            close = closest(code, sorted(LINT_CODES))
            hint = f"did you mean {close!r}? " if close else ""
            raise ConfigError(
                f"{source}: 'disable': unknown lint code {code!r}; {hint}(only warnings can be "
                f"turned off: {', '.join(sorted(LINT_CODES))})"
            )
    return frozenset(value)


def _setting(key: str, value: Any, source: str) -> tuple[str, Any]:
    """(the setting's name, its value) for `key = value` in the table, or ConfigError."""
    name = key.replace("-", "_")
    if name not in SETTINGS:
        hint = did_you_mean(name, SETTINGS) or f" (known: {', '.join(SETTINGS)})"
        raise ConfigError(f"{source}: unknown setting {key!r} in [tool.author]{hint}")
    if name == "disable":
        return name, _check_disable(value, source)
    expected = SETTINGS[name]
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ConfigError(f"{source}: {key!r} must be {_KINDS[expected]}, not {value!r}")
    if expected is int and value <= 0:
        raise ConfigError(f"{source}: {key!r} must be more than zero")
    if expected is str:
        _check_text(key, value, source)
    return name, value


def _check_text(key: str, value: str, source: str) -> None:
    if not value.strip():
        raise ConfigError(f"{source}: {key!r} must not be empty")
    if char := re.search(_CONTROL, value):
        # `home_label = "\u001b[31m"` would print a terminal escape into every page
        raise ConfigError(
            f"{source}: {key!r} holds the control character U+{ord(char.group()):04X}"
        )


def _from_table(table: dict[str, Any], source: str) -> Config:
    values: dict[str, Any] = dict(_setting(key, value, source) for key, value in table.items())
    config = Config(**values, source=source)
    if "home_zone" in values:
        from author.timezones import check_timezone

        problem = check_timezone(config.home_zone)
        if problem:
            raise ConfigError(f"{source}: home_zone: {problem.message}")
    if "style" in values:
        from author.resources import available_styles

        styles = available_styles()
        if config.style not in styles:
            raise ConfigError(
                f"{source}: unknown style {config.style!r}; known: {', '.join(styles)}"
            )
    return config


def find_config(start: Path) -> Path | None:
    """The nearest `.author.toml`, or `pyproject.toml` with a [tool.author] table."""
    here = start.resolve()
    for folder in (here, *here.parents):
        dotfile = folder / CONFIG_FILE
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        try:
            if pyproject.is_file() and _has_author_table(pyproject.read_bytes()):
                return pyproject
        except OSError:
            continue
    return None


# Where a TOML file can give `tool` an `author` key: `[tool.author]` (also as a dotted or
# quoted key, `tool.author.strict = …`), or a `[tool]` table or a `tool = {…}` value that
# may hold it. A pyproject with none of these has no [tool.author]: decided without
# parsing it (most mention "author" in `authors`, or in a script named after this tool).
_MAY_HOLD_THE_TABLE = (
    rb"""["']?tool["']?\s*\.\s*["']?author|^\s*\[\s*["']?tool["']?\s*\]|^\s*["']?tool["']?\s*="""
)


def _has_author_table(raw: bytes) -> bool:
    """Whether a pyproject.toml holds [tool.author] (`[tool.authorlint]` does not). A file
    that is not valid TOML counts when it mentions the table: its error is then shown."""
    if b"author" not in raw or not re.search(_MAY_HOLD_THE_TABLE, raw, re.MULTILINE):
        return False  # the usual pyproject, decided without parsing
    import tomllib

    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return b"tool.author" in raw
    return isinstance(tool, dict) and "author" in tool


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The settings in force: `explicit` if given, else the nearest file from `start`
    (default: the current directory), else the defaults."""
    path = explicit or find_config(start or Path.cwd())
    if path is None:
        return Config()
    import tomllib  # only when there is a file to read: kept off the start-up path

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ConfigError(f"{path}: cannot read configuration: {reason}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table")
    if path.name == "pyproject.toml":
        table = tool.get("author", {})
    else:  # .author.toml: settings at the top level, or under [tool.author]
        table = tool.get("author", {k: v for k, v in data.items() if k != "tool"})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.author] must be a table")
    return _from_table(table, str(path))
