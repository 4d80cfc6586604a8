"""Project configuration: `[tool.author]` in pyproject.toml, or `.author.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_MAX_BYTES = 1024 * 1024


class ConfigError(Exception):
    """The configuration file is unreadable or holds a value of the wrong kind."""


@dataclass(frozen=True)
class Config:
    style: str = "mofa"
    home_zone: str = "Asia/Tokyo"
    home_label: str = "JST"
    home_name: str = "Japan"
    strict: bool = False
    disable: frozenset[str] = field(default_factory=frozenset)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = 64
    max_nodes: int = 100_000
    source: str | None = None  # the file the settings came from, for messages

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_TYPES: dict[str, type] = {
    "style": str,
    "home_zone": str,
    "home_label": str,
    "home_name": str,
    "strict": bool,
    "max_bytes": int,
    "max_depth": int,
    "max_nodes": int,
}


def _from_table(table: dict[str, Any], source: str) -> Config:
    known = {f.name for f in fields(Config)} - {"source"}
    values: dict[str, Any] = {"source": source}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"{source}: unknown setting {key!r} in [tool.author]")
        if name == "disable":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{source}: 'disable' must be a list of lint codes")
            values[name] = frozenset(value)
            continue
        expected = _TYPES[name]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{source}: {key!r} must be a {expected.__name__}")
        if expected is int and value <= 0:
            raise ConfigError(f"{source}: {key!r} must be more than zero")
        values[name] = value
    config = Config(**values)
    from author.timezones import check_timezone

    problem = check_timezone(config.home_zone)
    if problem:
        raise ConfigError(f"{source}: home_zone: {problem.message}")
    return config


def find_config(start: Path) -> Path | None:
    """The nearest `.author.toml`, or `pyproject.toml` with a [tool.author] table."""
    here = start.resolve()
    for folder in (here, *here.parents):
        dotfile = folder / ".author.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and b"[tool.author" in pyproject.read_bytes():
            return pyproject
    return None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    path = explicit or find_config(start or Path.cwd())
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("author", {})
    else:
        table = data.get("tool", {}).get("author", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.author] must be a table")
    return _from_table(table, str(path))
