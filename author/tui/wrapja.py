"""Line breaking for the Japanese page in the preview. No Textual here.

A terminal text area breaks lines at spaces; Japanese has none, so a numbered point
(`1. 冒頭、…`) broke after its number, and `。` could start a line. Here a line may break
between any two characters of which one is wide (CJK), or after a space — but not before
closing punctuation (`、。）」`) nor after an opening bracket (`（「`), the basic rule of
Japanese typesetting (kinsoku) — and a Latin word or number (`1,500`, `Ukraine`) stays
whole where it fits on a line.
"""

from __future__ import annotations

from itertools import pairwise

from rich.cells import get_character_cell_size

NO_LINE_START = set("、。，．・：；？！）」』】〕〉》ー…,.:;?!)]}")
NO_LINE_END = set("（「『【〔〈《([{")


def _wide(char: str) -> bool:
    return get_character_cell_size(char) > 1


def may_break_before(line: str, at: int) -> bool:
    """Whether a line may end just before `line[at]`."""
    before, char = line[at - 1], line[at]
    if char in NO_LINE_START or before in NO_LINE_END:
        return False
    if before == " ":
        return char != " "
    return _wide(before) or _wide(char)


def wrap_offsets(line: str, width: int) -> list[int]:
    """Where `line` breaks to fit `width` cells (the offsets each new line starts at)."""
    if width <= 0:
        return []
    offsets: list[int] = []
    start, used, candidate = 0, 0, 0
    for at, char in enumerate(line):
        cells = get_character_cell_size(char)
        if at > start and may_break_before(line, at):
            candidate = at
        if used + cells > width and at > start:
            cut = candidate if candidate > start else at  # else fold inside a long word
            offsets.append(cut)
            start = cut
            used = sum(get_character_cell_size(c) for c in line[cut:at])
            candidate = at if at > cut and may_break_before(line, at) else cut
        used += cells
    return offsets


def wrap_page(text: str, width: int) -> str:
    """`text` with each line broken to fit `width` cells (the page's own lines stay)."""
    out: list[str] = []
    for line in text.split("\n"):
        cuts = [0, *wrap_offsets(line, width), len(line)]
        out.extend(line[a:b].rstrip(" ") if b < len(line) else line[a:b]
                   for a, b in pairwise(cuts))
    return "\n".join(out)
