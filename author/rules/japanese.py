"""The Japanese page's house style: clock, dates, era, durations, names, events.

Small pure functions, as the English rules (`clock`, `duration`, `names`, `prose`); the
contract is `../shared/design/japanese-page.md`. The same facts feed both pages: every
value here is derived from what the English side derives from (`HomeTime`, minutes,
dates), never typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from author.rules.clock import HomeTime


def clock_ja(t: time) -> str:
    """`午後6時05分`, `午前9時` (on the hour no minutes), `午後0時` (noon), `午前0時28分`.

    A 12-hour clock after `午前`/`午後`: the hour is 0–11, so `午後13時` cannot come out."""
    half = "午前" if t.hour < 12 else "午後"
    hour = t.hour % 12
    return f"{half}{hour}時" if t.minute == 0 else f"{half}{hour}時{t.minute:02d}分"


def month_day_ja(d: date) -> str:
    """`9月20日`: no year, no weekday, as the leads write it."""
    return f"{d.month}月{d.day}日"


def home_phrase_ja(when: HomeTime) -> str:
    """What follows `日本時間` in the parenthesis: `同日午前7時05分` (same date),
    `21日午前7時05分` (another day of the month), `10月1日午前1時` (another month), or
    `同じ` when the offsets agree at that instant (Seoul)."""
    if when.same_offset:
        return "同じ"
    home = when.home
    clock = clock_ja(home.time())
    if not when.date_differs:
        return f"同日{clock}"
    if (home.year, home.month) == (when.local.year, when.local.month):
        return f"{home.day}日{clock}"
    return f"{month_day_ja(home.date())}{clock}"


def home_parenthetical_ja(when: HomeTime) -> str:
    """`（日本時間21日午前7時05分）`, full-width parentheses."""
    return f"（日本時間{home_phrase_ja(when)}）"


def start_ja(
    start: date, clock: time | None, when: HomeTime | None, around: bool, abroad: bool
) -> str:
    """The lead's opening up to `から` (exclusive): `現地時間9月20日午後6時05分（日本時間21日
    午前7時05分）`, `1月10日、午後9時頃`; a bare date (no clock) is `9月20日` alone.

    Abroad the date follows `現地時間` with no comma; at home a comma follows the date.
    `頃` stands once, after the parenthesis, or after the clock when there is none."""
    day = month_day_ja(start)
    if clock is None:
        return f"現地時間{day}" if abroad else day
    text = f"現地時間{day}{clock_ja(clock)}" if abroad else f"{day}、{clock_ja(clock)}"
    if abroad and when is not None:
        text += home_parenthetical_ja(when)
    return text + ("頃" if around else "")


def duration_ja(minutes: int, approximate: bool = True) -> str:
    """`約25分間`, `約1時間`, `約1時間半` (90 minutes), `約1時間40分` (no 間, as the pages
    write it); without `約` when the duration is exact."""
    prefix = "約" if approximate else ""
    if minutes < 60:
        return f"{prefix}{minutes}分間"
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return f"{prefix}{hours}時間"
    if rest == 30 and hours == 1:
        return f"{prefix}1時間半"
    return f"{prefix}{hours}時間{rest}分"


def join_ja(items: Sequence[str]) -> str:
    """`A`; `A及びB`; `A、B及びC`."""
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "及び" + items[-1]


def is_katakana(char: str) -> bool:
    """A katakana letter (full width, the phonetic extensions, or half width); the long
    vowel mark `ー` counts, the middle dot `・` does not."""
    return (
        "\u30a1" <= char <= "\u30fa"
        or char == "\u30fc"
        or "\u31f0" <= char <= "\u31ff"
        or "\uff66" <= char <= "\uff9d"
    )


def name_with_title(name: str, title: str) -> str:
    """`ドミトロ・クレーバ・ウクライナ外務大臣` (a title that begins with katakana is set off
    with `・`), `アントニー・ブリンケン米国国務長官` (a kanji title is not)."""
    if title and is_katakana(title[0]):
        return f"{name}・{title}"
    return f"{name}{title}"


def capitalize_designation(english: str) -> str:
    """The English designation in the Japanese lead: the English lead's participant text,
    a leading `the` capitalised (`The Honorable Antony BLINKEN, …`)."""
    if english.startswith("the "):
        return "The " + english[4:]
    return english


def principal_ja(name: str, title: str, context: str | None = None) -> str:
    """`国連総会出席のため米国・ニューヨークを訪問中の上川陽子外務大臣`: context, name and
    title with no honorific and no `・` (the principal's own name is Japanese)."""
    return f"{context or ''}{name}{title}"


def counterpart_ja(
    name: str, title: str, context: str | None = None, designation: str | None = None
) -> str:
    """`ドミトロ・クレーバ・ウクライナ外務大臣（H.E. Mr. Dmytro KULEBA, Minister for Foreign
    Affairs of Ukraine）`; without the parenthesis when `designation` is None."""
    text = f"{context or ''}{name_with_title(name, title)}"
    if designation:
        text += f"（{capitalize_designation(designation)}）"
    return text


def group_ja(group: str, context: str | None = None) -> str:
    """A group participant: its Japanese text, after its context; no designation."""
    return f"{context or ''}{group}"


# The event noun of each kind (`{counterparts}と{noun}を行ったところ`); the courtesy calls
# have none: they change the particle instead (see `predicate_ja`).
EVENT_NOUNS = {
    "meeting": "会談",
    "summit_meeting": "首脳会談",
    "telephone_talk": "電話会談",
    "summit_telephone_talk": "首脳電話会談",
    "video_conference": "テレビ会議形式での会談",
    "working_lunch": "ワーキング・ランチ",
    "working_dinner": "ワーキング・ディナー",
    "informal_talk": "懇談",
    "strategic_dialogue": "戦略対話",
}
COURTESY_KINDS = ("courtesy_call_paid", "courtesy_call_received")

FOLLOW_ON_NOUNS = {
    "working_lunch": "ワーキング・ランチ",
    "working_dinner": "ワーキング・ディナー",
    "meeting": "会談",
    "joint_press_conference": "共同記者発表",
    "signing_ceremony": "署名式",
    "dinner": "夕食会",
    "lunch": "昼食会",
}

# A principal's part in a multilateral meeting: `{name}` then the verb.
ROLE_VERBS = {
    "hosted": "を主催した",
    "chaired": "の議長を務めた",
    "co_chaired": "の共同議長を務めた",
    "attended": "に出席した",
    "participated": "に参加した",
}

CLOSING_JA = "ところ、概要は以下のとおりです。"


def event_noun_ja(kind: str, name: str | None = None) -> str | None:
    """The event noun: the kind's (`会談`, `電話会談`, …), or the meeting's Japanese name in
    its place (`日・ウクライナ外相会談`); None for a courtesy call, which has no noun."""
    if kind in COURTESY_KINDS:
        return None
    return name or EVENT_NOUNS[kind]


def follow_on_noun_ja(kind: str) -> str:
    return FOLLOW_ON_NOUNS[kind]


def predicate_ja(
    kind: str,
    counterparts: str | None,
    *,
    name: str | None = None,
    role: str | None = None,
    follow_ons: Sequence[str] = (),
) -> str:
    """The lead after `{principals}は、` up to its closing (exclusive), ending in `ところ`'s
    stem: `{counterparts}と会談を行った`, `{counterparts}による表敬を受けた`,
    `{counterparts}への表敬を行った`, `G7外相会合を主催した`,
    `{counterparts}と共に{name}の議長を務めた`, `{counterparts}と会談及びワーキング・
    ディナーを行った`. `follow_ons` are the follow-on events' nouns, in order."""
    if role is not None:
        event = join_ja([name or "", *follow_ons]) if follow_ons else name or ""
        verb = ROLE_VERBS[role]
        with_them = f"{counterparts}と共に" if counterparts else ""
        return f"{with_them}{event}{verb}"
    if kind == "courtesy_call_received":
        text = f"{counterparts}による表敬を受け"
        return text + (f"、{join_ja(follow_ons)}を行った" if follow_ons else "た")
    if kind == "courtesy_call_paid":
        return f"{counterparts}への{join_ja(['表敬', *follow_ons])}を行った"
    noun = event_noun_ja(kind, name) or ""
    return f"{counterparts}と{join_ja([noun, *follow_ons])}を行った"


@dataclass(frozen=True)
class LeadPartsJa:
    """Every piece of the Japanese lead, already in house style."""

    start: str  # `現地時間9月20日午後6時05分（日本時間21日午前7時05分）`, `9月20日`
    timed: bool  # the start has a clock: `から` follows it
    duration: str | None  # `約25分間`
    principals: str  # `…上川陽子外務大臣`
    predicate: str  # `ドミトロ・クレーバ・…（…）と会談を行った`
    note: str | None  # `meeting.ja.note`, after the closing's `。` with nothing between

    @property
    def sentence(self) -> str:
        opening = self.start
        if self.timed:
            opening += "から" + (self.duration or "")
        text = f"{opening}、{self.principals}は、{self.predicate}{CLOSING_JA}"
        return text + (self.note or "")


def era_year(d: date) -> tuple[str, int]:
    """The Japanese era and its year for a date: (`令和`, 5) for 2023-09-20; (`令和`, 1) from
    2019-05-01; (`平成`, 31) on 2019-04-30. From `japanera`'s table of the eras."""
    from japanera import EraDate  # only the Japanese page needs it: off the start-up path

    era = EraDate.from_date(d).era
    if era is None:  # before the table's first era (not reachable from a valid readout)
        raise ValueError(f"no Japanese era for {d.isoformat()}")
    return era.kanji, d.year - era.since.year + 1


def era_date(d: date) -> str:
    """The Japanese date line: `令和5年9月20日`; the era's first year is `元年`
    (`令和元年5月1日`)."""
    era, year = era_year(d)
    return f"{era}{'元' if year == 1 else year}年{d.month}月{d.day}日"


_WIDE = "\u2e80"  # from here on: CJK radicals, kana, ideographs, full-width forms


def join_lines_ja(lines: Sequence[str]) -> str:
    """A Japanese paragraph written over several lines (a YAML `|` block): the lines joined
    with nothing, as Japanese has no spaces between words; with a space only where a
    line break falls between two Latin words (`H.E.` / `Mr.`)."""
    out = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if out and out[-1] < _WIDE and line[0] < _WIDE:
            out += " "
        out += line
    return out


def paragraphs_ja(text: str | None) -> tuple[str, ...]:
    """A Japanese point's paragraphs: its text split at blank lines, each joined by
    `join_lines_ja`."""
    text = (text or "").strip()
    if not text:
        return ()
    return tuple(join_lines_ja(part.split("\n")) for part in _PARAGRAPH_BREAK.split(text))


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def back_to_ja(section: str) -> str:
    """The footer: `ウクライナへ戻る`."""
    return f"{section}へ戻る"
