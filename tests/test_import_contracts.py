"""Import contracts, read from the code's import graph (grimp, import-linter's graph library).

- The headless modules never import Textual or the editor (`author.tui`): only the entry
  points that start the editor may, and they do it inside the function that starts it, as
  `test_startup.py` proves in a fresh process.
- `author.rules` holds pure functions: it imports neither Pydantic nor Jinja2 nor PyYAML.
"""

from __future__ import annotations

import grimp
import pytest

# The modules that may reach the editor: the commands that start it, and import it when
# they run (test_startup.py checks that validate/render never load it). The CLI imports a
# command's module by name, when it runs.
STARTS_THE_EDITOR = {"author.commands.edit", "author.commands.serve"}
EDITOR = ("textual", "author.tui")
NOT_IN_RULES = ("pydantic", "jinja2", "yaml")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("author", include_external_packages=True)


def _ours(graph: grimp.ImportGraph) -> list[str]:
    return sorted(m for m in graph.modules if m == "author" or m.startswith("author."))


def _chain(graph: grimp.ImportGraph, importer: str, imported: str) -> tuple[str, ...] | None:
    """The shortest import chain from `importer` to `imported` or any module inside it."""
    targets = [m for m in graph.modules if m == imported or m.startswith(imported + ".")]
    chains = [graph.find_shortest_chain(importer, target) for target in targets]
    found = [chain for chain in chains if chain]
    return min(found, key=len) if found else None


def test_the_graph_holds_the_whole_package(graph: grimp.ImportGraph) -> None:
    ours = _ours(graph)
    assert {"author.check", "author.loader", "author.rules.clock", "author.tui.app"} <= set(ours)


def _offenders(
    graph: grimp.ImportGraph, modules: list[str], targets: tuple[str, ...]
) -> dict[str, tuple[str, ...]]:
    """Each of `modules` that reaches one of `targets`, with the chain that does."""
    return {
        module: chain
        for module in modules
        for target in targets
        if (chain := _chain(graph, module, target))
    }


def test_headless_modules_never_import_textual_or_the_editor(graph: grimp.ImportGraph) -> None:
    headless = [
        m for m in _ours(graph) if not m.startswith("author.tui") and m not in STARTS_THE_EDITOR
    ]
    offenders = _offenders(graph, headless, EDITOR)
    assert not offenders, offenders


def test_the_allowance_is_no_wider_than_needed(graph: grimp.ImportGraph) -> None:
    """Every module allowed to start the editor exists and does reach it."""
    allowed = sorted(STARTS_THE_EDITOR)
    assert set(allowed) <= set(_ours(graph))
    assert set(_offenders(graph, allowed, ("author.tui",))) == STARTS_THE_EDITOR


def test_rules_import_neither_pydantic_nor_jinja2_nor_yaml(graph: grimp.ImportGraph) -> None:
    rules = [m for m in _ours(graph) if m.startswith("author.rules")]
    assert rules
    offenders = _offenders(graph, rules, NOT_IN_RULES)
    assert not offenders, offenders
