"""Table-driven tests of the Japanese page's pure rules (rules.japanese, rules.freetext_ja)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from author.rules.clock import home_time
from author.rules.freetext_ja import (
    KnownPersonJa,
    clock_findings_ja,
    digit_width_findings,
    english_answers,
    english_numbers,
    japanese_numbers,
    number_mismatch,
    number_mismatches,
    reference_findings_ja,
    spelled_in,
    wide_digits_in,
)
from author.rules.japanese import (
    back_to_ja,
    capitalize_designation,
    clock_ja,
    counterpart_ja,
    duration_ja,
    era_date,
    era_year,
    event_noun_ja,
    follow_on_noun_ja,
    home_parenthetical_ja,
    home_phrase_ja,
    join_ja,
    name_with_title,
    predicate_ja,
    principal_ja,
    start_ja,
)

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.mark.parametrize(
    ("hh", "mm", "expected"),
    [
        (18, 5, "午後6時05分"),
        (18, 0, "午後6時"),
        (9, 0, "午前9時"),
        (9, 30, "午前9時30分"),
        (12, 0, "午後0時"),
        (12, 30, "午後0時30分"),
        (0, 28, "午前0時28分"),
        (0, 0, "午前0時"),
        (11, 59, "午前11時59分"),
        (13, 25, "午後1時25分"),
        (23, 5, "午後11時05分"),
    ],
)
def test_clock(hh: int, mm: int, expected: str) -> None:
    assert clock_ja(time(hh, mm)) == expected


def test_no_hour_of_13_or_more_after_gozen_gogo() -> None:
    for hour in range(24):
        for minute in (0, 5, 59):
            text = clock_ja(time(hour, minute))
            assert 0 <= int(text[2:].split("時")[0]) <= 11


@pytest.mark.parametrize(
    ("local", "zone", "phrase"),
    [
        # New York → Tokyo, the next day within the month: the day alone.
        (datetime(2023, 9, 20, 18, 5), "America/New_York", "21日午前7時05分"),
        # The same date at home: 同日.
        (datetime(2023, 9, 20, 10, 0), "Europe/London", "同日午後6時"),
        # Another month: month and day.
        (datetime(2023, 9, 30, 12, 0), "America/New_York", "10月1日午前1時"),
        # Another year (New Year's Eve in New York).
        (datetime(2023, 12, 31, 20, 0), "America/New_York", "1月1日午前10時"),
        # Japan a day behind (Auckland after midnight).
        (datetime(2024, 3, 1, 2, 0), "Pacific/Auckland", "2月29日午後10時"),
        (datetime(2024, 3, 2, 2, 0), "Pacific/Auckland", "1日午後10時"),
        # The same offset as Japan (Seoul): 同じ.
        (datetime(2024, 1, 10, 15, 0), "Asia/Seoul", "同じ"),
        # Noon and the hour after midnight at home.
        (datetime(2023, 9, 20, 23, 0), "America/New_York", "21日午後0時"),
        (datetime(2023, 9, 20, 11, 28), "America/New_York", "21日午前0時28分"),
    ],
)
def test_home_phrase(local: datetime, zone: str, phrase: str) -> None:
    when = home_time(local, ZoneInfo(zone), TOKYO)
    assert home_phrase_ja(when) == phrase
    assert home_parenthetical_ja(when) == f"（日本時間{phrase}）"


def test_start_abroad_at_home_around_and_bare_date() -> None:
    when = home_time(datetime(2023, 9, 20, 18, 5), ZoneInfo("America/New_York"), TOKYO)
    day = date(2023, 9, 20)
    assert start_ja(day, time(18, 5), when, False, True) == (
        "現地時間9月20日午後6時05分（日本時間21日午前7時05分）"
    )
    # 頃 once, after the parenthesis.
    assert start_ja(day, time(18, 5), when, True, True) == (
        "現地時間9月20日午後6時05分（日本時間21日午前7時05分）頃"
    )
    # At home: a comma after the date; 頃 after the clock.
    assert start_ja(day, time(21, 0), None, False, False) == "9月20日、午後9時"
    assert start_ja(day, time(21, 0), None, True, False) == "9月20日、午後9時頃"
    # A bare date.
    assert start_ja(day, None, None, False, False) == "9月20日"
    assert start_ja(day, None, None, False, True) == "現地時間9月20日"


@pytest.mark.parametrize(
    ("minutes", "approximate", "expected"),
    [
        (25, True, "約25分間"),
        (1, True, "約1分間"),
        (59, True, "約59分間"),
        (60, True, "約1時間"),
        (120, True, "約2時間"),
        (90, True, "約1時間半"),
        (100, True, "約1時間40分"),
        (150, True, "約2時間30分"),
        (25, False, "25分間"),
        (60, False, "1時間"),
        (90, False, "1時間半"),
        (100, False, "1時間40分"),
    ],
)
def test_duration(minutes: int, approximate: bool, expected: str) -> None:
    assert duration_ja(minutes, approximate) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 9, 20), "令和5年9月20日"),
        (date(2019, 5, 1), "令和元年5月1日"),  # the era's first day: 元年
        (date(2019, 4, 30), "平成31年4月30日"),  # the day before: the last day of Heisei
        (date(2019, 12, 31), "令和元年12月31日"),
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(2018, 6, 12), "平成30年6月12日"),
    ],
)
def test_era_date(day: date, expected: str) -> None:
    assert era_date(day) == expected


def test_era_boundary_both_sides() -> None:
    assert era_year(date(2019, 4, 30)) == ("平成", 31)
    assert era_year(date(2019, 5, 1)) == ("令和", 1)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["A"], "A"),
        (["A", "B"], "A及びB"),
        (["A", "B", "C"], "A、B及びC"),
        (["A", "B", "C", "D"], "A、B、C及びD"),
    ],
)
def test_join(items: list[str], expected: str) -> None:
    assert join_ja(items) == expected


@pytest.mark.parametrize(
    ("name", "title", "expected"),
    [
        ("ドミトロ・クレーバ", "ウクライナ外務大臣", "ドミトロ・クレーバ・ウクライナ外務大臣"),
        ("アントニー・ブリンケン", "米国国務長官", "アントニー・ブリンケン米国国務長官"),
        ("エンリケ・マナロ", "フィリピン外務大臣", "エンリケ・マナロ・フィリピン外務大臣"),
        ("趙兌烈（チョ・テヨル）", "韓国外交部長官", "趙兌烈（チョ・テヨル）韓国外交部長官"),
        ("ペニー・ウォン", "オーストラリア外務大臣", "ペニー・ウォン・オーストラリア外務大臣"),
        ("ｶﾀｶﾅ", "ｶﾀｶﾅ大臣", "ｶﾀｶﾅ・ｶﾀｶﾅ大臣"),  # half-width katakana is katakana too
    ],
)
def test_nakaguro_between_name_and_katakana_title(name: str, title: str, expected: str) -> None:
    assert name_with_title(name, title) == expected


def test_participants() -> None:
    assert (
        principal_ja("上川陽子", "外務大臣", "国連総会出席のため米国・ニューヨークを訪問中の")
        == "国連総会出席のため米国・ニューヨークを訪問中の上川陽子外務大臣"
    )
    assert counterpart_ja(
        "ドミトロ・クレーバ",
        "ウクライナ外務大臣",
        designation="H.E. Mr. Dmytro KULEBA, Minister for Foreign Affairs of Ukraine",
    ) == (
        "ドミトロ・クレーバ・ウクライナ外務大臣"
        "（H.E. Mr. Dmytro KULEBA, Minister for Foreign Affairs of Ukraine）"
    )
    assert counterpart_ja("趙兌烈（チョ・テヨル）", "韓国外交部長官", "訪日中の") == (
        "訪日中の趙兌烈（チョ・テヨル）韓国外交部長官"
    )


@pytest.mark.parametrize(
    ("english", "expected"),
    [
        (
            "the Honorable Antony BLINKEN, Secretary of State",
            "The Honorable Antony BLINKEN, Secretary of State",
        ),
        ("the Rt Hon Elizabeth TRUSS MP, Secretary", "The Rt Hon Elizabeth TRUSS MP, Secretary"),
        ("H.E. Mr. Dmytro KULEBA, Minister", "H.E. Mr. Dmytro KULEBA, Minister"),
        ("theodore ROOSEVELT, President", "theodore ROOSEVELT, President"),  # not the word `the`
    ],
)
def test_designation_capitalises_a_leading_the(english: str, expected: str) -> None:
    assert capitalize_designation(english) == expected


@pytest.mark.parametrize(
    ("kind", "noun"),
    [
        ("meeting", "会談"),
        ("summit_meeting", "首脳会談"),
        ("telephone_talk", "電話会談"),
        ("summit_telephone_talk", "首脳電話会談"),
        ("video_conference", "テレビ会議形式での会談"),
        ("working_lunch", "ワーキング・ランチ"),
        ("working_dinner", "ワーキング・ディナー"),
        ("informal_talk", "懇談"),
        ("strategic_dialogue", "戦略対話"),
        ("courtesy_call_paid", None),
        ("courtesy_call_received", None),
    ],
)
def test_event_noun_by_kind(kind: str, noun: str | None) -> None:
    assert event_noun_ja(kind) == noun


def test_a_name_replaces_the_event_noun() -> None:
    assert event_noun_ja("telephone_talk", "日米外相電話会談") == "日米外相電話会談"
    assert event_noun_ja("strategic_dialogue", "日印外相間戦略対話") == "日印外相間戦略対話"
    assert event_noun_ja("courtesy_call_paid", "表敬") is None  # a call has no noun


@pytest.mark.parametrize(
    ("kind", "noun"),
    [
        ("working_lunch", "ワーキング・ランチ"),
        ("working_dinner", "ワーキング・ディナー"),
        ("meeting", "会談"),
        ("joint_press_conference", "共同記者発表"),
        ("signing_ceremony", "署名式"),
        ("dinner", "夕食会"),
        ("lunch", "昼食会"),
    ],
)
def test_follow_on_nouns(kind: str, noun: str) -> None:
    assert follow_on_noun_ja(kind) == noun


C = "X外相"


@pytest.mark.parametrize(
    ("kind", "counterparts", "options", "expected"),
    [
        ("meeting", C, {}, "X外相と会談を行った"),
        ("telephone_talk", C, {"name": "日米外相電話会談"}, "X外相と日米外相電話会談を行った"),
        ("courtesy_call_received", C, {}, "X外相による表敬を受けた"),
        ("courtesy_call_paid", C, {}, "X外相への表敬を行った"),
        (
            "meeting",
            C,
            {"follow_ons": ["ワーキング・ディナー"]},
            "X外相と会談及びワーキング・ディナーを行った",
        ),
        (
            "meeting",
            C,
            {"follow_ons": ["共同記者発表", "ワーキング・ディナー"]},
            "X外相と会談、共同記者発表及びワーキング・ディナーを行った",
        ),
        ("meeting", None, {"role": "hosted", "name": "G7外相会合"}, "G7外相会合を主催した"),
        ("meeting", None, {"role": "chaired", "name": "M"}, "Mの議長を務めた"),
        ("meeting", None, {"role": "co_chaired", "name": "M"}, "Mの共同議長を務めた"),
        ("meeting", None, {"role": "attended", "name": "M"}, "Mに出席した"),
        ("meeting", None, {"role": "participated", "name": "M"}, "Mに参加した"),
        ("meeting", C, {"role": "hosted", "name": "M"}, "X外相と共にMを主催した"),
        ("meeting", C, {"role": "chaired", "name": "M"}, "X外相と共にMの議長を務めた"),
    ],
)
def test_predicate(kind: str, counterparts: str | None, options: dict, expected: str) -> None:
    assert predicate_ja(kind, counterparts, **options) == expected


def test_back_to() -> None:
    assert back_to_ja("ウクライナ") == "ウクライナへ戻る"


# -- the Japanese free-text checks -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "suggestion"),
    [
        ("午後13時25分から会談した。", "午後13時25分", "午後1時25分"),
        ("午前13時に", "午前13時", "午後1時"),
        ("午後１３時に", "午後１３時", "午後1時"),  # full-width digits are read too
        ("午後6時から、18時まで", "18時", "午後6時"),  # mixed clocks
        ("午前9時05分及び18:05", "18:05", "午後6時05分"),
        ("午後25時", "午後25時", None),
    ],
)
def test_japanese_clock_style(text: str, found: str, suggestion: str | None) -> None:
    findings = clock_findings_ja(text)
    assert [text[f.start : f.end] for f in findings] == [found]
    assert findings[0].code == "clock-style"
    assert findings[0].suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "午後6時05分から約25分間",
        "18時から約2時間",  # a 24-hour clock alone is not mixed
        "午後0時から3時間",  # 時間 is a duration
        "午前0時28分",
        "9月18日",
    ],
)
def test_japanese_clock_style_leaves_good_times(text: str) -> None:
    assert clock_findings_ja(text) == []


def test_digit_width() -> None:
    text = "１２時に２台"
    findings = digit_width_findings(text)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [
        ("１２", "12"),
        ("２", "2"),
    ]
    assert {f.code for f in findings} == {"digit-width"}
    assert digit_width_findings("12時に2台") == []


PEOPLE = [
    KnownPersonJa("上川大臣", "上川陽子"),
    KnownPersonJa("クレーバ外相", "ドミトロ・クレーバ"),
]
OFFICES = ["外務大臣", "ウクライナ外務大臣", "ウクライナ"]


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("上山大臣から", "上山大臣", "上川大臣"),
        ("クレーパ外相から", "クレーパ外相", "クレーバ外相"),
        ("林大臣から", "林大臣", None),
        ("冒頭、茂木外相は", "茂木外相", None),
    ],
)
def test_japanese_unknown_person(text: str, flagged: str, suggestion: str | None) -> None:
    findings = reference_findings_ja(text, PEOPLE, OFFICES)
    assert [(text[f.start : f.end], f.suggestion) for f in findings] == [(flagged, suggestion)]
    assert findings[0].code == "unknown-person"


@pytest.mark.parametrize(
    "text",
    [
        "冒頭、上川大臣から",
        "クレーバ外相からは",
        "ドミトロ・クレーバ外相",
        "上川外務大臣",
        "ウクライナ外務大臣",
        "ウクライナ外相",  # a country, written in a listed title
        "両外相は",
        "G7各国外相及び",
        "相手国外相",
        "同大臣",
        "日・ウクライナ外相会談",
        "G7外相会合",
        "英外相",
        "日米外相",
        "大臣は",
    ],
)
def test_japanese_references_to_listed_people_or_no_one(text: str) -> None:
    assert reference_findings_ja(text, PEOPLE, OFFICES) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("more than 1,500 generators", {1500}),
        ("on September 18 in New York", {18}),
        ("the G7's 2 auto transformers", {7, 2}),
        ("1.5 million people", {1500000}),
        ("the 18th of September", {18}),
        ("two ministers", set()),
    ],
)
def test_english_numbers(text: str, numbers: set[int]) -> None:
    assert english_numbers(text) == numbers


def test_english_answers_carry_months_and_number_words() -> None:
    assert english_answers("on September 18, two transformers") == {9, 18, 2}


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1,500台以上", {1500}),
        ("１，５００台", {1500}),
        ("9月18日", {9, 18}),
        ("1億5000万円", {150000000}),
        ("150万人", {1500000}),
        ("G7外相会合", {7}),
        ("二国間", set()),
    ],
)
def test_japanese_numbers(text: str, numbers: set[int]) -> None:
    assert japanese_numbers(text) == numbers


@pytest.mark.parametrize(
    ("english", "japanese", "agree"),
    [
        ("more than 1,500 generators", "1,500台以上の発電機", True),
        ("more than 1,500 generators", "1500台以上の発電機", True),
        ("more than 1,500 generators", "１，５００台以上の発電機", True),
        ("more than 1,500 generators", "1,000台の発電機", False),
        ("on September 18", "9月18日", True),
        ("on September 18", "9月19日", False),
        ("two auto transformers", "変圧器2台", True),
        ("2 auto transformers", "変圧器二台", False),  # a digit needs a digit
        ("the two ministers", "両大臣", True),  # words only: nothing to compare
        ("1.5 million people", "150万人", True),
        ("in 2023", "2023年に", True),
    ],
)
def test_number_mismatch(english: str, japanese: str, agree: bool) -> None:
    assert (number_mismatch(english, japanese) is None) is agree


def test_number_mismatch_names_the_numbers() -> None:
    mismatch = number_mismatch("1,500 generators", "1,000台")
    assert mismatch is not None
    assert mismatch.missing_in_japanese == ("1500",)
    assert mismatch.missing_in_english == ("1000",)
    assert "1500" in mismatch.message() and "1000" in mismatch.message()


def _mismatch_by_values(english: str, japanese: str) -> tuple[set[Decimal], set[Decimal]] | None:
    """What `number_mismatch` must find, worked out from the numbers' values alone."""
    en, ja = english_numbers(english), japanese_numbers(japanese)
    lacking_ja = en - ja
    lacking_en = (ja - en) - spelled_in(english, ja - en)
    return (lacking_ja, lacking_en) if lacking_ja or lacking_en else None


_NUMBER_PIECES = st.sampled_from(
    ["1,500", "1500", "１，５００", "2.5", "2.50", "18", "９", "007", "7", "1.5", "150"]
)
_EN_PIECES = st.one_of(
    _NUMBER_PIECES,
    st.sampled_from([" million", " thousand", "th", " September", " two", " and ", ", "]),
)
_JA_PIECES = st.one_of(_NUMBER_PIECES, st.sampled_from(["万", "億", "兆", "台", "月", "日", "、"]))


@given(
    english=st.lists(_EN_PIECES, max_size=8).map("".join),
    japanese=st.lists(_JA_PIECES, max_size=8).map("".join),
)
def test_number_mismatch_agrees_with_the_values(english: str, japanese: str) -> None:
    """The shortcut for texts that write the same numbers the same way changes no verdict."""
    mismatch = number_mismatch(english, japanese)
    expected = _mismatch_by_values(english, japanese)
    if expected is None:
        assert mismatch is None
    else:
        assert mismatch is not None
        assert len(mismatch.missing_in_japanese) == len(expected[0])
        assert len(mismatch.missing_in_english) == len(expected[1])


@given(
    st.lists(
        st.tuples(
            st.lists(_EN_PIECES, max_size=8).map("".join),
            st.lists(_JA_PIECES, max_size=8).map("".join),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_number_mismatches_of_a_readout_are_each_pairs_own(pairs: list[tuple[str, str]]) -> None:
    """All the points' texts read in one scan per language: each verdict is the pair's."""
    each = [_mismatch_by_values(english, japanese) for english, japanese in pairs]
    verdicts = number_mismatches(pairs)
    assert [verdict is None for verdict in verdicts] == [expected is None for expected in each]
    assert verdicts == [number_mismatch(english, japanese) for english, japanese in pairs]


@given(st.lists(st.lists(_JA_PIECES, max_size=6).map("".join), max_size=5))
def test_wide_digits_in_tells_where_digit_width_has_work(texts: list[str]) -> None:
    assert wide_digits_in(texts) is any(digit_width_findings(text) for text in texts)
