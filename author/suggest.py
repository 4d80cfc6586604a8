""" "Did you mean …?": the one place a near miss is matched to what was meant (a field, a
setting, a lint code, a style, a kind, a zone, a person, an honorific)."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice nearest to `word` (difflib's ratio, at least `cutoff`), or None."""
    import difflib  # here, not at the top: only a near miss needs it, and start-up matters

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """`; did you mean 'x'?` for the choice nearest to `word`, or "" when none is near."""
    suggestion = closest(word, choices, cutoff)
    return hint(suggestion)


def hint(suggestion: str | None) -> str:
    """`; did you mean 'x'?` for a suggestion found some other way, or "" for none."""
    return f"; did you mean {suggestion!r}?" if suggestion else ""
