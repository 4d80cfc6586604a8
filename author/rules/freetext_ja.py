"""Checks of the author's Japanese sentences, and the numbers two texts of a point carry.

Finders return `freetext.Finding`s with offsets into the text they were given, as the
English finders do. The contract is `../shared/design/japanese-page.md`, "Checks for the
Japanese page" and "Fine points".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import time
from decimal import Decimal, InvalidOperation
from functools import cache, cached_property, lru_cache
from itertools import accumulate

from author.rules.clock import MONTHS
from author.rules.duration import NUMBER_WORDS
from author.rules.freetext import Finding, sparse_matches
from author.rules.japanese import clock_ja, is_katakana
from author.suggest import closest, hint

ASCII_DIGITS = "0123456789"
WIDE_DIGITS = "０１２３４５６７８９"
_ANY_DIGIT = ASCII_DIGITS + WIDE_DIGITS
# The patterns only a finding or a number's value needs are kept as text and compiled on
# their first use (`re` keeps them compiled), off a hook's start-up.
_FULL_WIDTH = str.maketrans(WIDE_DIGITS + "，．", ASCII_DIGITS + ",.")
_TO_FOLD = re.compile("[０-９，．]")


def fold_digits(text: str) -> str:
    """Full-width digits (and their comma and point) as ASCII: `１２時` → `12時`.
    One character for one, so offsets stay valid. (`translate` with a table costs about
    50 ns a character: a text with nothing to fold is returned as it is.)"""
    return text.translate(_FULL_WIDTH) if _TO_FOLD.search(text) else text


# -- digit-width ---------------------------------------------------------------------------

_WIDE_DIGITS = r"[０-９][０-９]*"  # a set first: see _NUMBER


def wide_digits_in(texts: Sequence[str]) -> bool:
    """Whether any of `texts` holds a full-width digit: one look over them all, so that
    `digit_width_findings` runs only where it has something to find."""
    joined = "\x00".join(texts)
    return any(digit in joined for digit in WIDE_DIGITS)


def digit_width_findings(text: str) -> list[Finding]:
    """Full-width digits: the house style writes digits half width (`12時`, not `１２時`)."""
    out = []
    for match in re.finditer(_WIDE_DIGITS, text):
        fixed = fold_digits(match.group(0))
        out.append(
            Finding(
                match.start(),
                match.end(),
                "digit-width",
                f"full-width digits {match.group(0)!r}; write {fixed!r} (digits are half width)",
                fixed,
            )
        )
    return out


# -- clock-style ---------------------------------------------------------------------------

# Read on the folded text, so `午後１３時` is a clock reading too (and a digit-width one).
_HALF_CLOCK = re.compile(r"(?P<half>午前|午後)\s*(?P<h>[0-9]{1,2})時(?:(?P<m>[0-9]{1,2})分)?")
_BARE_CLOCK = (
    r"(?<![0-9:])(?P<h>[0-9]{1,2})(?:時(?!間)(?:(?P<m>[0-9]{1,2})分)?|:(?P<cm>[0-9]{2})(?![0-9]))"
)


def _suggest(hour: int, minute: int) -> str | None:
    if hour > 23 or minute > 59:
        return None
    return clock_ja(time(hour, minute))


def clock_findings_ja(text: str) -> list[Finding]:
    """`午後13時25分` (an hour of 13 or more after 午前/午後: write `午後1時25分`), and a
    24-hour reading (`18時`, `18:05`) in a text that also uses 午前/午後."""
    if "時" not in text and ":" not in text:
        return []
    folded = fold_digits(text)
    out: list[Finding] = []
    halves = list(_HALF_CLOCK.finditer(folded))
    for match in halves:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if hour < 13:
            continue
        found = text[match.start() : match.end()]
        fixed = _suggest(hour, minute)
        message = f"{found!r} is not a time: a 24-hour hour after {match['half']}"
        message += f"; write {fixed!r}" if fixed else ""
        out.append(Finding(match.start(), match.end(), "clock-style", message, fixed))
    if not halves:
        return out
    covered = [(m.start(), m.end()) for m in halves]
    for match in re.finditer(_BARE_CLOCK, folded):
        if any(start <= match.start() < end for start, end in covered):
            continue
        hour = int(match["h"])
        minute = int(match["m"] or match["cm"] or 0)
        found = text[match.start() : match.end()]
        fixed = _suggest(hour, minute)
        message = f"{found!r} is a 24-hour clock in a text that writes 午前/午後"
        message += f"; write {fixed!r}" if fixed else ""
        out.append(Finding(match.start(), match.end(), "clock-style", message, fixed))
    return out


# -- unknown-person on {姓}大臣 / {姓}外相 ---------------------------------------------------------

_PERSON_TITLES = ("大臣", "外相")
_REFERENCE_JA = re.compile("|".join(_PERSON_TITLES))
_TITLE_FIRSTS = "".join(sorted({title[0] for title in _PERSON_TITLES}))
# What stands before 大臣/外相 and is not a family name: the office (`外務大臣`), a word
# for "both", "the said", "each", "former" (`両外相`, `同大臣`, `元外相`), a country
# (`各国外相`, `相手国外相`).
_NOT_A_NAME_ENDINGS = (
    "外務",
    "防衛",
    "財務",
    "総務",
    "法務",
    "環境",
    "復興",
    "国務",
    "総理",
    "経済産業",
    "文部科学",
    "厚生労働",
    "農林水産",
    "国土交通",
    "担当",
    "副",
    "両",
    "同",
    "各",
    "諸",
    "全",
    "元",
    "前",
    "現",
    "新",
    "歴代",
    "国",
)
# Countries written with one kanji before an office (`英外相`, `日米外相`).
_COUNTRY_KANJI = frozenset("日米英仏独伊中韓露加豪印比越泰星馬墨伯")
# After the office, a compound noun, not a person: `日・ウクライナ外相会談`, `外相会合`.
_COMPOUND_AFTER = ("会談", "会合", "電話会談", "級", "間", "共同", "声明", "協議", "戦略")


def _is_name_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char in "々・" or is_katakana(char)


@dataclass(frozen=True)
class KnownPersonJa:
    short: str  # `上川大臣`, `クレーバ外相`
    name: str  # `上川陽子`, `ドミトロ・クレーバ`

    @cached_property
    def families(self) -> set[str]:
        """The names the Japanese points may call them by: the short form without its office
        (`上川`), the last part of a katakana name (`クレーバ`)."""
        out = set()
        for title in _PERSON_TITLES:
            if self.short.endswith(title) and len(self.short) > len(title):
                out.add(self.short[: -len(title)])
        if self.name:
            out.add(self.name.rsplit("・", 1)[-1])
        return out

    def is_called(self, family: str) -> bool:
        # A kanji name is family name first, with no separator: `上川` of `上川陽子`.
        return family in self.families or (bool(self.name) and self.name.startswith(family))


@lru_cache(maxsize=1024)
def known_person_ja(short: str, name: str) -> KnownPersonJa:
    """The person of these forms, one object for all the readouts that list them: its
    `families` are worked out once over an archive."""
    return KnownPersonJa(short=short, name=name)


def _family_before(text: str, at: int) -> tuple[int, str] | None:
    """The family name a `{姓}大臣` form at `at` names: (its start, the name), or None when
    what stands before the office is no name."""
    start = at
    while start > 0 and at - start < 12 and _is_name_char(text[start - 1]):
        start -= 1
    run = text[start:at]
    if not run or run.endswith(_NOT_A_NAME_ENDINGS):
        return None
    parts = run.split("・")
    if parts[0] and set(parts[0]) <= _COUNTRY_KANJI and (len(parts) > 1 or len(run) <= 2):
        return None  # `日・ウクライナ外相`, `英外相`, `日米外相`
    family = parts[-1]
    if not family:
        return None
    return at - len(family), family


def reference_findings_ja(
    text: str, people: Sequence[KnownPersonJa], offices: Iterable[str] = ()
) -> list[Finding]:
    """`{姓}大臣`/`{姓}外相` forms whose family name is no listed person's (`林大臣` in a
    readout of 上川 and クレーバ, or a misspelling `上山大臣`), with the closest listed short
    form as the suggestion. `offices` are texts such as the participants' Japanese titles:
    a word that stands in one (`ウクライナ` of `ウクライナ外務大臣`) is a country, no name."""
    if not people:
        return []
    office_text: str | None = None
    out = []
    for match in sparse_matches(_REFERENCE_JA, text, _TITLE_FIRSTS):
        if text.startswith(_COMPOUND_AFTER, match.end()):
            continue
        found = _family_before(text, match.start())
        if found is None:
            continue
        start, family = found
        if any(p.is_called(family) for p in people):
            continue
        office_text = "\x00".join(offices) if office_text is None else office_text
        if family in office_text:
            continue
        families = {name: p for p in people for name in p.families}
        close = closest(family, families, cutoff=0.5)
        suggestion = families[close].short if close else None
        form = text[start : match.end()]
        message = f"{form!r} is not a person listed in this readout{hint(suggestion)}"
        out.append(Finding(start, match.end(), "unknown-person", message, suggestion))
    return out


# -- translation-mismatch ------------------------------------------------------------------

# `[0-9][0-9]*`, not `[0-9]+`: a pattern that opens with a character set lets the regex
# engine skip to the next digit; one that opens with a repeat is tried at every character
# (six times slower on a point's text).
_NUMBER = r"[0-9][0-9]*(?:,[0-9]{3})*(?:\.[0-9]+)?"
_EN_NUMBER = rf"(?P<n>{_NUMBER})(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# `1兆2000億`, `1億5000万`, `1,500`: a Japanese number is read with its 万/億/兆 units,
# from a digit (`_DIGIT` finds the next one: the engine skips to it).
_DIGIT = "[0-9]"
_JA_NUMBER = (
    rf"(?:(?P<cho>{_NUMBER})兆)?(?:(?P<oku>{_NUMBER})億)?(?:(?P<man>{_NUMBER})万)?"
    rf"(?P<rest>{_NUMBER})?"
)
_JA_UNITS = (("cho", 10**12), ("oku", 10**8), ("man", 10**4), ("rest", 1))
_TENS = ("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUES = {w: i for i, w in enumerate(NUMBER_WORDS)} | {
    w: 30 + 10 * i for i, w in enumerate(_TENS)
}
_WORDS = r"(?i)\b(" + "|".join(sorted(_WORD_VALUES, key=len, reverse=True)) + r")\b"
_MONTH_NAMES = r"\b(" + "|".join(MONTHS) + r")\b"


def _value(number: str) -> Decimal:
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the patterns give digits only
        return Decimal(0)


def _shown(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def english_numbers(text: str) -> set[Decimal]:
    """The numbers written in digits in an English text: `1,500` is 1500, `1.5 million`
    is 1500000, `18th` is 18."""
    out = set()
    for match in re.finditer(_EN_NUMBER, fold_digits(text)):
        value = _value(match["n"])
        if match["scale"]:
            value *= _EN_SCALES[match["scale"]]
        out.add(value)
    return out


def english_answers(text: str) -> set[Decimal]:
    """What in an English text answers a Japanese number: its digits, the month of a month
    name (`September 18` carries 9 and 18), a number word (`two`)."""
    out = english_numbers(text)
    out.update(Decimal(MONTHS.index(m) + 1) for m in re.findall(_MONTH_NAMES, text))
    out.update(Decimal(_WORD_VALUES[w.lower()]) for w in re.findall(_WORDS, text))
    return out


# The words that answer a number, by its value: its number words (any case), its month.
_SPELLED: dict[Decimal, list[str]] = {}
for _word, _number in _WORD_VALUES.items():
    _SPELLED.setdefault(Decimal(_number), []).append(f"(?i:{_word})")
for _month, _name in enumerate(MONTHS, 1):
    _SPELLED.setdefault(Decimal(_month), []).append(_name)


@cache
def _spelled_pattern(value: Decimal) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_SPELLED[value]) + r")\b")


def spelled_in(text: str, values: Iterable[Decimal]) -> set[Decimal]:
    """Which of `values` an English text spells out, as a month name or a number word:
    what `english_answers` adds to the digits, asked only for the numbers in question."""
    return {v for v in values if v in _SPELLED and _spelled_pattern(v).search(text)}


def japanese_numbers(text: str) -> set[Decimal]:
    """The numbers written in digits in a Japanese text, full width folded: `1,500台` is
    1500, `1億5000万` is 150000000, `9月18日` is 9 and 18."""
    out = set()
    folded = fold_digits(text)
    digit, number = re.compile(_DIGIT), re.compile(_JA_NUMBER)
    at = digit.search(folded)
    while at is not None:
        match = number.match(folded, at.start())
        assert match is not None  # a digit always starts a number
        out.add(sum((_value(match[g]) * unit for g, unit in _JA_UNITS if match[g]), Decimal(0)))
        at = digit.search(folded, match.end())
    return out


@dataclass(frozen=True)
class NumberMismatch:
    """The numbers one text has and the other lacks."""

    missing_in_japanese: tuple[str, ...]
    missing_in_english: tuple[str, ...]

    def message(self) -> str:
        parts = []
        if self.missing_in_japanese:
            parts.append(f"the English has {', '.join(self.missing_in_japanese)}")
        if self.missing_in_english:
            parts.append(f"the Japanese has {', '.join(self.missing_in_english)}")
        lacks = (
            "the Japanese does not"
            if self.missing_in_japanese and not self.missing_in_english
            else "the English does not"
            if not self.missing_in_japanese
            else "the other text does not"
        )
        return f"the two texts do not carry the same numbers: {' and '.join(parts)}, {lacks}"


# The numbers of a text as written, matched on the text itself: each ASCII character of
# `_NUMBER` may also be its full-width form, which is what `_NUMBER` on the folded text
# matches (folding maps one character to one).
_WIDE_NUMBER = (
    _NUMBER.replace("[0-9]", "[0-9０-９]").replace(",", "[,，]").replace(r"\.", "[.．]")
)
_SCALE = r"(?:\s+(thousand|million|billion|trillion)\b)?"
_EN_WRITTEN = rf"({_WIDE_NUMBER}){_SCALE}"  # compiled when needed: most English is ASCII
# The same for a text of ASCII only (most English texts), where no digit is full width:
# only the ten ASCII digits are looked for, and a dense text is scanned through an ASCII set.
_EN_WRITTEN_ASCII = re.compile(rf"({_NUMBER}){_SCALE}")
_JA_WRITTEN = re.compile(rf"({_WIDE_NUMBER})([兆億万]?)")


def _written_each(
    pattern: re.Pattern[str], texts: Sequence[str], digits: str
) -> list[frozenset[str] | None]:
    """The numbers of each text as written, full width folded and thousands separators
    dropped, or None for a text where one carries a scale (`1.5 million`) or a unit
    (`150万`): then only their values compare. `digits`: the digits a number of `pattern`
    starts with.

    One scan of all the texts joined (a NUL ends every number), not one per text: a
    readout's points are many short texts, and a scan costs most in starting it."""
    joined = "\x00".join(texts)
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    found: list[list[str] | None] = [[] for _ in texts]
    for match in sparse_matches(pattern, joined, digits):
        index = bisect_right(starts, match.start()) - 1
        numbers = found[index]
        if numbers is None:
            continue
        number, scaled = match.groups()
        if scaled:
            found[index] = None
        else:
            numbers.append(number.translate(_FULL_WIDTH).replace(",", ""))
    return [None if numbers is None else frozenset(numbers) for numbers in found]


def number_mismatch(english: str, japanese: str) -> NumberMismatch | None:
    """Every number written in digits in one text must appear in the other: as digits
    (full width folded, thousands separators ignored), as part of a date, or, in the
    English, as a number word. Numbers written only as words need no counterpart."""
    return number_mismatches([(english, japanese)])[0]


def number_mismatches(pairs: Sequence[tuple[str, str]]) -> list[NumberMismatch | None]:
    """`number_mismatch` of each (English, Japanese) pair of texts."""
    english = [en for en, _ in pairs]
    if all(text.isascii() for text in english):  # most English texts: ten digits to find
        written_en = _written_each(_EN_WRITTEN_ASCII, english, ASCII_DIGITS)
    else:
        written_en = _written_each(re.compile(_EN_WRITTEN), english, _ANY_DIGIT)
    written_ja = _written_each(_JA_WRITTEN, [ja for _, ja in pairs], _ANY_DIGIT)
    # Most points write the same numbers the same way in both texts: then they agree, and
    # no number needs reading as a value.
    return [
        None if en is not None and en == ja else _mismatch_by_value(*pair)
        for pair, en, ja in zip(pairs, written_en, written_ja, strict=True)
    ]


def _mismatch_by_value(english: str, japanese: str) -> NumberMismatch | None:
    en, ja = english_numbers(english), japanese_numbers(japanese)
    if not en and not ja:
        return None
    lacking_ja = sorted(en - ja)
    rest = ja - en  # the Japanese numbers the English digits lack: spelled out, maybe
    lacking_en = sorted(rest - spelled_in(english, rest)) if rest else []
    if not lacking_ja and not lacking_en:
        return None
    return NumberMismatch(
        tuple(_shown(v) for v in lacking_ja), tuple(_shown(v) for v in lacking_en)
    )
