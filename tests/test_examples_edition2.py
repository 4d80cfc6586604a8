"""The five edition-2 examples: valid with no warning, every format renders, and the text
page committed beside each is what `author render` gives (`author render --check`)."""

from __future__ import annotations

import pytest

from author.check import check_text
from author.render import render
from tests.conftest import EXAMPLES, run_author

# Each example, and what of edition 2 its lead must show.
EDITION_2 = {
    "japan-philippines-foreign-ministers-tokyo-2024-07-08": (
        "held a Japan-Philippines Foreign Ministers’ Meeting with H.E. Mr. Enrique A. MANALO",
    ),
    "g7-foreign-ministers-new-york-2023-09-18": (
        "United Nations General Assembly, hosted the G7 Foreign Ministers’ Meeting. The "
        "overview of the meeting is as follows. (Foreign Ministers of the G7 countries",
    ),
    "japan-latin-america-ambassadors-courtesy-call-2024-06-12": (
        "received a courtesy call from the Ambassadors of the Latin American and Caribbean "
        "countries to Japan. The overview of the courtesy call is as follows.",
    ),
    "japan-poland-meeting-working-dinner-2023-05-08": (
        "followed by a joint press conference and a working dinner commencing at 7:10 p.m. "
        "for approximately one and a half hours. The overview of the meeting, the joint press "
        "conference, and the working dinner is as follows.",
    ),
    "japan-australia-summit-telephone-talk-2022-05-24": (
        "held a summit telephone talk with the Hon. Anthony ALBANESE, MP, Prime Minister of "
        "Australia. The overview of the talk is as follows.",
    ),
}


@pytest.mark.parametrize("name", sorted(EDITION_2))
def test_example_is_clean_and_renders_in_every_format(name: str) -> None:
    path = EXAMPLES / f"{name}.readout.yaml"
    result = check_text(path.read_text(encoding="utf-8"), str(path))
    assert result.diagnostics == [], [d.text() for d in result.diagnostics]
    assert result.readout is not None
    text = render(result.readout)
    for words in EDITION_2[name]:
        assert words in text.replace("\n", " ")
    assert (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8") == text
    for fmt in ("md", "html"):
        assert result.readout.section in render(result.readout, fmt)


def test_committed_pages_are_up_to_date() -> None:
    done = run_author("render", "--check", *sorted(str(p) for p in EXAMPLES.iterdir()))
    assert done.returncode == 0, done.stdout + done.stderr
    for name in EDITION_2:
        assert (EXAMPLES / f"{name}.txt").is_file()


def test_validate_strict_passes_on_every_example() -> None:
    done = run_author("validate", "--strict", *sorted(map(str, EXAMPLES.glob("*.readout.yaml"))))
    assert done.returncode == 0, done.stdout + done.stderr
