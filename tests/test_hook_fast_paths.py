"""The fast paths that keep the hook quick give exactly the answers of the plain code.

- `freetext.findings` scans a readout's texts once and runs a finder only where the scan
  saw something for it; it must equal running every finder on every text.
- `load_yaml` skips positions while loading and finds them again when first asked; the
  positions must equal those of a load that records them as it goes.
- `ends_with_punctuation` must equal its regex.
"""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from author import loader
from author.loader import LoadFailed, load_yaml
from author.rules import freetext
from tests.fuzz.corpus import OPS, dump, mutate, valid_data

WORDS = st.sampled_from(
    [
        "Minister",
        "Kamikawa",
        "Kamikawa's",
        "Kamikava",
        "Kuleba",
        "Kulebba’s",
        "Vice-Minister",
        "Prime",
        "President",
        "Zelenskyy",
        "Deputy",
        "Secretary",
        "de",
        "Foreign",
        "xMinister",
        "-Minister",
        "Ambassador",
        "the",
        "H.E.",
        "H. E.",
        "H.E",
        "H.E.Mr.",
        "Mr.",
        "said",
        "9:20a.m.",
        "13:00 p.m.",
        "6:05 p.m.",
        "9: 00",
        "10 : 30",
        "June",
        "22th",
        "4th",
        "of",
        "May",
        "G7",
        "2023",
        ".",
        ":",
        ")",
        "”",
        "!",
        "  ",
        "\n",
        "-",
        "é",
    ]
)
TEXTS = (
    st.lists(WORDS, max_size=30).map(" ".join)
    | st.text(max_size=60)
    | st.lists(WORDS | st.text(alphabet="0123456789١٢:. stndrhapmHE", max_size=6), max_size=12).map(
        " ".join
    )
)
PEOPLE = [
    freetext.KnownPerson("Minister Kamikawa", "Minister", "KAMIKAWA"),
    freetext.KnownPerson("Minister Kuleba", "Minister", "Kuleba"),
    freetext.KnownPerson("Deputy Kuleba", "Deputy", "Kuleba"),
    freetext.KnownPerson("Ambassador Tsuji", "Ambassador", "TSUJI"),
    freetext.KnownPerson("G7 Sherpa Mori", "G7 Sherpa", "Mori"),
]


def _every_finder(
    text: str, people: list[freetext.KnownPerson], mentions: list[str] | None = None
) -> list[freetext.Finding]:
    return (
        freetext.clock_findings(text)
        + freetext.ordinal_findings(text)
        + freetext.honorific_findings(text)
        + freetext.reference_findings(text, people, mentions)
    )


@settings(max_examples=500, deadline=None)
@given(st.lists(TEXTS, max_size=4), st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))
def test_one_scan_finds_what_every_finder_finds(
    texts: list[str], people: list[freetext.KnownPerson]
) -> None:
    assert freetext.findings(texts, people) == [_every_finder(t, people) for t in texts]


MENTIONS = st.none() | st.lists(
    st.sampled_from(["President Zelenskyy", "Prime Minister Abe", "Minister Kamikawa", "Kuleba"]),
    max_size=3,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(TEXTS, max_size=4),
    st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True),
    MENTIONS,
)
def test_one_scan_finds_what_every_finder_finds_with_mentions(
    texts: list[str], people: list[freetext.KnownPerson], mentions: list[str] | None
) -> None:
    assert freetext.findings(texts, people, mentions) == [
        _every_finder(t, people, mentions) for t in texts
    ]


def test_a_readout_of_listed_people_runs_no_finder(monkeypatch) -> None:
    def must_not_run(*_args: object) -> list[freetext.Finding]:
        raise AssertionError("a finder ran")

    for name in ("clock_findings", "ordinal_findings", "honorific_findings"):
        monkeypatch.setattr(freetext, name, must_not_run)
    monkeypatch.setattr(freetext, "_reference_findings", must_not_run)
    texts = ["Minister Kamikawa met Minister Kuleba's team.", "Deputy Kuleba and G7 leaders."]
    assert freetext.findings(texts, PEOPLE) == [[], []]


def test_a_title_glued_to_a_word_is_not_a_reference() -> None:
    people = [freetext.KnownPerson("Minister Kamikawa", "Minister", "Kamikawa")]
    text = "Minister Kamikava met xMinister Kamikava and Envoy-Minister Kamikava."
    findings = freetext.reference_findings(text, people)
    assert [(f.start, f.code) for f in findings] == [(0, "unknown-person")]


def test_a_title_is_read_whole_before_its_name() -> None:
    # `Ex-Prime Minister Abe` is not `Minister Abe`; `Deputy Secretary of State` is no
    # reference to a `Deputy` called `Secretary`.
    people = [
        freetext.KnownPerson("Minister Kamikawa", "Minister", "Kamikawa"),
        freetext.KnownPerson("Deputy Kuleba", "Deputy", "Kuleba"),
    ]
    text = "Ex-Prime Minister Abe and the Deputy Secretary of State met Minister Abe."
    # With `mentions` (edition 2), a name that is no participant's nor a mention's is flagged.
    findings = freetext.reference_findings(text, people, mentions=[])
    assert [text[f.start : f.end] for f in findings] == ["Minister Abe"]


@settings(max_examples=400, deadline=None)
@given(TEXTS | st.text(alphabet="0123456789:. apm١٢²", max_size=20))
def test_clock_scan_matches_the_look_behind_regex(text: str) -> None:
    slow = re.compile(r"(?<![0-9:.])" + freetext.CLOCK_TIME)
    spans = [(m.start(), m.end(), m.groupdict()) for m in freetext.clock_times(text)]
    assert spans == [(m.start(), m.end(), m.groupdict()) for m in slow.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_closing_punctuation_matches_the_regex(text: str) -> None:
    # The rule as a regex, the plain way to say it; `ends_with_punctuation` reads the tail.
    closing = re.compile(r"[.!?…](?:[\"'”’)\]]*)$|:$")
    assert freetext.ends_with_punctuation(text) is bool(closing.search(text.rstrip()))


def _located(text: str) -> loader.Document | None:
    """The document as a load that records positions as it goes gives it."""
    try:
        return load_yaml(text, "f.readout.yaml", record_positions=True)
    except LoadFailed:
        return None


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.integers(0, 2**32 - 1),
    st.lists(
        st.tuples(st.sampled_from(OPS), st.integers(0, 1 << 16), st.integers(0, 1 << 16)),
        max_size=3,
    ),
)
def test_positions_found_later_equal_positions_recorded_while_loading(seed, steps) -> None:
    raw = mutate(dump(valid_data(random.Random(seed))), steps)
    try:
        text = loader.decode(raw)
    except LoadFailed:
        return
    try:
        document = load_yaml(text, "f.readout.yaml")
    except LoadFailed as failed:
        try:
            load_yaml(text, "f.readout.yaml", record_positions=True)
        except LoadFailed as recorded:
            assert failed.diagnostics == recorded.diagnostics
        return
    located = _located(text)
    assert located is not None
    assert document.data == located.data
    assert document.values == located.values
    assert document.keys == located.keys


# -- the title trie and the caches shared across readouts ------------------------------------

TITLE_PARTS = st.sampled_from(["Minister", "Vice", "Vice-", "Prime", "Chair", "man", "M", "S", " "])
TITLE_SETS = st.lists(
    st.lists(TITLE_PARTS, min_size=1, max_size=3).map("".join).map(str.strip).filter(bool),
    max_size=6,
).map(frozenset)


def _longest_first(titles: frozenset[str]) -> re.Pattern[str]:
    """The plain form of the scan's title part: every title, longest first."""
    ordered = sorted(titles, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in ordered))


@settings(max_examples=300, deadline=None)
@given(TITLE_SETS, st.lists(TITLE_PARTS | WORDS, max_size=20).map("".join))
def test_the_title_trie_matches_the_longest_title_as_the_plain_alternation(
    titles: frozenset[str], text: str
) -> None:
    titles |= {"Minister", "Vice Minister", "Vice-Minister", "Chair", "Chairman"}
    trie = re.compile(freetext.alternation(titles))
    assert [m.span() for m in trie.finditer(text)] == [
        m.span() for m in _longest_first(titles).finditer(text)
    ]


def test_readouts_with_the_same_people_share_one_index_and_others_do_not() -> None:
    from author.lint import known_people

    def readout(family: str) -> dict:
        person = {"family_name": family, "title": "Minister for Foreign Affairs of Japan"}
        return {"principals": [person], "counterparts": [{"display_name": "Mr. X", "title": "E"}]}

    first, again, other = readout("KAMIKAWA"), readout("KAMIKAWA"), readout("HAYASHI")
    assert known_people(first) is known_people(again)  # one cached answer for equal inputs
    _, index = freetext.references(known_people(first), None)
    assert freetext.references(known_people(again), None)[1] is index
    assert freetext.references(known_people(other), None)[1] is not index
    text = ["Minister Kamikava said so."]
    assert freetext.findings(text, known_people(first))[0][0].suggestion == "Minister Kamikawa"
    assert freetext.findings(text, known_people(other)) == [[]]  # not Hayashi's near miss


def test_people_fields_that_cannot_be_a_key_are_read_without_the_cache() -> None:
    from author.lint import known_people

    data = {"principals": [{"family_name": ["KAMIKAWA"], "title": "Minister", "short": "Ms. K"}]}
    assert known_people(data) == (freetext.KnownPerson("Ms. K", "Ms.", "K"),)


def test_remembered_verdicts_stay_bounded() -> None:
    _, index = freetext.references((freetext.KnownPerson("Minister Abe", "Minister", "Abe"),), None)
    assert index is not None
    for i in range(5000):
        index.judged("Minister", f"Name{i}")
    assert len(index) <= 4096
    assert index.judged("Minister", "Abbe") == index.judge("Minister", "Abbe") is not None
