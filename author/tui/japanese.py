"""The Japanese page's fields in the form (`ja` blocks) and when the form shows them.

Every Japanese field stands under its English one. They are shown when the readout has
any `ja` block, or with F10 (all fields), so an English-only readout keeps its short form
and its tab order."""

from __future__ import annotations

from typing import Any

from author.lint_ja import has_japanese

# The CSS class of a row that holds a Japanese field, and the class of the form that shows
# them (F10's `-all-fields` shows them too).
JA_FIELD = "ja-field"
SHOW_JAPANESE = "-japanese"


def uses_japanese(data: Any) -> bool:
    """Whether the readout's data holds any `ja` block."""
    return isinstance(data, dict) and has_japanese(data)
