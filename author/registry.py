"""Every diagnostic code and every output format, listed once.

What is derived from here: the lint codes a `[tool.author]` `disable` may name
(`config.py`), the CLI's `--format` and `--lang` choices (`author/commands/`), the page
suffixes (`pages.py`), the `code` and `severity` of the JSON output's schema
(`schemas/validate-output.schema.json`, `diagnostics.validate_output_schema`), and the
README's table of codes; `tests/test_registry.py` fails when one of them drifts.
"""

from __future__ import annotations

# Errors: a file with one is not rendered, and they cannot be turned off. code → what it says.
ERRORS: dict[str, str] = {
    "yaml-syntax": "the file is not valid YAML",
    "encoding": "the file is not UTF-8 (nor UTF-16 or UTF-32 with a byte-order mark)",
    "control-character": "a control character (other than tab and line breaks) in the file",
    "too-large": "the file is larger than `max_bytes`",
    "too-deep": "mappings and lists nest deeper than `max_depth`",
    "too-many-nodes": "more values than `max_nodes`, every alias expansion counted",
    "duplicate-key": "a key given twice in one mapping (the first is kept)",
    "bad-key": 'a key that is not text, or is a mapping or list (quote it: `"1":`)',
    "bad-merge": "`<<` of something that is not a mapping",
    "unsupported-tag": "a YAML tag such as `!!python/object` (never run)",
    "multiple-documents": "more than one YAML document in the file",
    "not-a-readout": "the file does not hold a mapping of fields",
    "missing-field": "a required field is missing or empty; also a `role` without `name` "
    "(at `meeting`)",
    "unknown-field": "a field the format does not have (with the nearest one it has)",
    "wrong-type": "a value of the wrong type (a list where text belongs, text where a number does)",
    "bad-value": "a value that is not one of those allowed (a `kind`, a `role`, …)",
    "empty-value": "a text that is blank (`'   '`), or a list that needs an entry",
    "empty-point": "a point with no text",
    "unknown-version": "a `version` other than 1",
    "bad-start": "a `start` that cannot be read, or outside the years 1900–2999",
    "bad-date": "a date that cannot be read, or does not exist (`2023-02-30`)",
    "bad-duration": "a duration that cannot be read, or outside 1 to 1,440 minutes",
    "unknown-timezone": "a time zone that is not an IANA name",
    "ambiguous-timezone": "an abbreviation or alias (`EST`, `JST`, `Japan`) for a time zone",
    "nonexistent-time": "a `start` in a daylight-saving gap",
    "ambiguous-time": "a `start` in a repeated hour (a fixed-offset `Etc/GMT…` zone is suggested)",
    "published-before-meeting": "`published` before the meeting's date",
    "unknown-style": "a `style` with no template set",
    "unreadable": "the file cannot be read (exit status 2)",
    "invalid": "a value the model refuses for a reason none of the other codes names; its "
    "message says what",
    "name-not-used": "edition 2: a `meeting.name` on a courtesy call",
    "group-with-name": "edition 2: a group participant with a name or title field (at the "
    "first of them)",
    "follow-on-order": "edition 2: a follow-on that starts before the meeting ends, or not "
    "after its start (at its `start`)",
}

# Warnings: `validate` fails on them only under --strict, and `disable` turns them off.
WARNINGS: dict[str, str] = {
    "unknown-honorific": "an honorific the house style does not use (with the nearest one)",
    "point-punctuation": "a point (or `meeting.note`) that does not end with `.`, `!` or `?`",
    "unknown-person": "a reference like `Minister Kamikava` to no listed person (see "
    "`mentions`); in Japanese texts `{姓}大臣`/`{姓}外相`",
    "clock-style": "a time not in house style (`9:20am`, `午後13時25分`)",
    "ordinal-style": "an ordinal date (`June 22th`)",
    "honorific-style": "a bare `H.E.` before a name (`H.E. Mr.` is the house style)",
    "unused-duration": "a `duration`, `approximate: false` or `around: true` the lead cannot show",
    "context-punctuation": "a `context` ending in `.`, `,` or `;`",
    "missing-translation": "a Japanese text the Japanese page needs (an error for "
    "`render --lang ja`, whatever `disable` says)",
    "translation-mismatch": "a number in one of a point's two texts that the other lacks",
    "digit-width": "full-width digits in a Japanese text (`１２時`)",
}

CODES: dict[str, str] = {**ERRORS, **WARNINGS}

# The codes a project may turn off with `disable`: the warnings. An error cannot be turned
# off: a file with an error cannot be rendered.
LINT_CODES = frozenset(WARNINGS)

SEVERITIES = ("error", "warning")

# The text pages `render` writes (`x.txt`, `x.md`, `x.html`), by format, and the Word
# document, which is not text (`render --check` leaves it alone).
PAGE_SUFFIXES = {"text": ".txt", "md": ".md", "html": ".html"}
DOCUMENT_SUFFIX = ".docx"
PAGE_FORMATS = tuple(PAGE_SUFFIXES)
RENDER_FORMATS = (*PAGE_FORMATS, "docx")
LANGS = ("en", "ja")  # the pages' languages; the English page's name has no mark: `x.txt`

# `author validate --format`.
VALIDATE_FORMATS = ("text", "json", "github")


def code_table() -> str:
    """The README's table of codes (section "Codes"), as Markdown."""
    rows = ["| code | severity | what it reports |", "|---|---|---|"]
    for severity, codes in (("error", ERRORS), ("warning", WARNINGS)):
        rows += [f"| `{code}` | {severity} | {what} |" for code, what in codes.items()]
    return "\n".join(rows) + "\n"
