"""Validation speed: `author validate` against a minimal baseline and check-jsonschema.

    .venv/bin/python bench/bench_validate.py [--files 1000] [--repeat 5] [--out DIR]

Generates realistic readouts (3-15 points of 50-150 words, 2-6 participants, varied
kinds, zones and durations; a third of them bilingual, with the Japanese page's `ja`
facts; of the others, a share written with edition 2's fields: named meetings,
multilateral roles, group counterparts, follow-ons with their own start, multi-paragraph
points) under bench/out/ (gitignored), then measures in this one run,
each command in its own subprocess, best of --repeat runs:

- `author validate` on all files vs `bench/baseline_validate.py` (read + libyaml parse +
  Pydantic validate, same one-process model);          target: ratio <= 1.3
- `check-jsonschema --schemafile schemas/readout.schema.json` on the same files;
                                                        target: author >= 8x faster
- one file: `author validate` vs the baseline (start-up);  target: ratio <= 1.3
- peak RSS of `author validate` on 100 and on all files;  target: does not grow

Prints a table and the machine. Exits 0 whatever the numbers (this is a measurement).
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

_VOCABULARY = (
    "cooperation strengthen bilateral relations regional security economic partnership "
    "sustainable development international community peace stability rule of law free open "
    "Indo-Pacific support reconstruction energy supply chains investment trade dialogue "
    "exchange people-to-people education science technology climate change cooperation "
    "framework maritime security nuclear disarmament non-proliferation humanitarian "
    "assistance infrastructure digital transformation health resilience shared values "
    "democracy human rights coordination United Nations Security Council reform G7 "
    "presidency summit agenda ministers agreed continue close communication various levels"
)
WORDS = _VOCABULARY.split()

COUNTRIES = [
    ("Ukraine", "Europe/Kyiv", "Kuleba", "Dmytro"),
    ("Australia", "Australia/Sydney", "Wong", "Penny"),
    ("the Philippines", "Asia/Manila", "Manalo", "Enrique"),
    ("the United Kingdom", "Europe/London", "Cameron", "David"),
    ("France", "Europe/Paris", "Sejourne", "Stephane"),
    ("India", "Asia/Kolkata", "Jaishankar", "Subrahmanyam"),
    ("the Republic of Korea", "Asia/Seoul", "Cho", "Taeyul"),
    ("Brazil", "America/Sao_Paulo", "Vieira", "Mauro"),
    ("Canada", "America/Toronto", "Joly", "Melanie"),
    ("Kenya", "Africa/Nairobi", "Mudavadi", "Musalia"),
]
JAPANESE = [("Kamikawa", "Yoko", "Ms."), ("Tsuji", "Kiyoto", "Mr."), ("Horii", "Iwao", "Mr.")]
KINDS = ["meeting", "telephone_talk", "video_conference", "summit_meeting", "working_lunch"]
# Edition 2 (readout-format.md, "Additions, edition 2"): the share of generated readouts
# that use its fields, and what they use.
EDITION_2_SHARE = 0.3
EDITION_2_KINDS = [*KINDS, "informal_talk", "summit_telephone_talk", "strategic_dialogue"]
GROUPS = [
    "the Ambassadors of the Latin American and Caribbean countries to Japan",
    "the G7",
    "the Foreign Ministers of the Pacific Island countries",
]
ROLES = ["hosted", "chaired", "co_chaired", "attended", "participated"]
FOLLOW_ONS = ["working_dinner", "working_lunch", "joint_press_conference", "dinner"]
TITLES = ["Minister for Foreign Affairs", "Deputy Minister", "Ambassador", "Senior Vice-Minister"]


# The Japanese side of a bilingual readout: names, offices, and the words of its points.
JAPANESE_JA = {"Kamikawa": "上川陽子", "Tsuji": "辻清人", "Horii": "堀井巌"}
TITLES_JA = {
    "Minister for Foreign Affairs": ("外務大臣", "大臣"),
    "Deputy Minister": ("外務次官", "次官"),
    "Ambassador": ("大使", "大使"),
    "Senior Vice-Minister": ("外務副大臣", "副大臣"),
}
_VOCABULARY_JA = [
    *("二国間関係", "地域情勢", "経済協力", "安全保障", "法の支配", "復興支援", "人的交流"),
    *("自由で開かれたインド太平洋", "エネルギー", "気候変動", "核軍縮", "人道支援"),
    *("国連安保理改革", "緊密な連携", "意思疎通"),
]


def _point_ja(rng: random.Random, english: str, shorts: list[str]) -> str:
    """A Japanese text for an English point: about as long, with its numbers (`G7`)."""
    topics = "、".join(rng.sample(_VOCABULARY_JA, 4))
    parts = [f"{rng.choice(shorts)}から、{topics}について述べました。"]
    parts += ["G7との連携を確認しました。"] * english.count("G7")
    while sum(map(len, parts)) < len(english) // 3:
        parts.append("両者は、" + "及び".join(rng.sample(_VOCABULARY_JA, 2)) + "で一致しました。")
    return "".join(parts)


def _sentence(rng: random.Random, subject: str, words: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(max(words - 3, 1)))
    return f"{subject} stated that {body}."


def _point(rng: random.Random, shorts: list[str]) -> str:
    target = rng.randint(50, 150)
    sentences, count = [], 0
    while count < target:
        n = min(rng.randint(12, 30), max(target - count, 5))
        sentences.append(_sentence(rng, rng.choice(shorts), n))
        count += n + 2
    return " ".join(sentences)


def _participant(
    family: str, given: str, honorific: str, title: str, short: str, ja: dict | None = None
) -> list[str]:
    lines = [
        f"  - honorific: {honorific}",
        f"    family_name: {family}",
        f"    given_name: {given}",
        f"    title: {title}",
        f"    short: {short}",
    ]
    if ja:
        lines.append("    ja:")
        lines += [f"      {key}: {value}" for key, value in ja.items()]
    return lines


def _ja_person(name: str, title: str, principal: bool) -> tuple[dict, str]:
    office, word = TITLES_JA[title]
    family = name[:2] if principal else name.rsplit("・", 1)[-1]
    return {"name": name, "title": office, "short": family + word}, family + word


_DURATIONS = {"25 min": 25, "40 min": 40, "1 h": 60, "1 h 30 min": 90, 50: 50}


def _edition_2_meeting(rng: random.Random, country: str, hour: int, minute: int, length: int):
    """Edition 2's meeting lines: a name (or a role with it), follow-ons after the end."""
    lines = []
    role = rng.random() < 0.15
    if role or rng.random() < 0.6:
        name = f"Japan-{country.removeprefix('the ')} Foreign Ministers’ Meeting"
        lines.append(f"  name: {'G7 Foreign Ministers’ Meeting' if role else name}")
    if role:
        lines.append(f"  role: {rng.choice(ROLES)}")
        lines.append("  note: (Foreign Ministers of the G7 countries attended.)")
    if rng.random() < 0.4:
        lines.append("  followed_by:")
        lines.append(f"    - kind: {rng.choice(FOLLOW_ONS[2:])}")
        end = hour * 60 + minute + length + 15
        lines.append(f"    - kind: {rng.choice(FOLLOW_ONS[:2])}")
        lines.append(f'      start: "{end // 60}:{end % 60:02d}"')
        lines.append(f"      duration: {rng.choice([60, 90, '1 h 30 min'])}")
    return lines


def _multi_paragraph(rng: random.Random, shorts: list[str]) -> list[str]:
    lines = ["  - |"]
    for paragraph in range(rng.randint(2, 3)):
        if paragraph:
            lines.append("")
        words = _point(rng, shorts).split()
        for start in range(0, len(words), 12):
            lines.append("    " + " ".join(words[start : start + 12]))
    return lines


def readout_text(rng: random.Random, index: int) -> str:
    country, zone, family, given = rng.choice(COUNTRIES)
    bilingual = index % 3 == 0
    # Edition 2 among the English-only two thirds, so that EDITION_2_SHARE of all use it.
    edition_2 = not bilingual and rng.random() < EDITION_2_SHARE * 1.5
    kind = rng.choice(EDITION_2_KINDS if edition_2 else KINDS)
    total = rng.randint(2, 6)
    n_ours = rng.randint(1, total - 1)
    month = rng.randint(1, 12)
    hour, minute = rng.randint(7, 21), rng.choice([0, 5, 15, 30, 45])
    duration = rng.choice(list(_DURATIONS))
    lines = [
        f"# generated readout {index}",
        f"section: Japan-{country.removeprefix('the ')} Relations",
        f"published: 2024-{month:02d}-28",
        "meeting:",
        f"  kind: {kind}",
        f"  start: 2024-{month:02d}-{rng.randint(1, 26):02d} {hour}:{minute:02d}",
        f"  timezone: {rng.choice([zone, 'Asia/Tokyo'])}",
        f"  duration: {duration}",
    ]
    if edition_2:
        lines += _edition_2_meeting(rng, country, hour, minute, _DURATIONS[duration])
    lines.append("principals:")
    shorts, shorts_ja = [], []
    for i in range(n_ours):
        fam, giv, hon = JAPANESE[i % len(JAPANESE)]
        title = TITLES[i % len(TITLES)]
        short = f"{title.split()[0]} {fam}"
        ja = None
        if bilingual:
            ja, short_ja = _ja_person(JAPANESE_JA[fam], title, True)
            shorts_ja.append(short_ja)
        lines += _participant(fam.upper(), giv, hon, f"{title} of Japan", short, ja)
        shorts.append(short)
    lines.append("counterparts:")
    for i in range(total - n_ours):
        fam = family if i == 0 else f"{family}{chr(ord('a') + i)}"
        title = TITLES[i % len(TITLES)]
        short = f"{title.split()[0]} {fam}"
        ja = None
        if bilingual:
            ja, short_ja = _ja_person(f"ギヴン・ファミリー{'イロハニホヘト'[i]}", title, False)
            ja["title"] = "相手国" + ja["title"]
            shorts_ja.append(short_ja)
        lines += _participant(fam, given, "H.E. Mr.", f"{title} of {country}", short, ja)
        shorts.append(short)
    if bilingual:
        lines += ["ja:", "  section: 相手国", "  title: 外相会談"]
    elif edition_2 and rng.random() < 0.3:
        lines.append(f"  - group: {rng.choice(GROUPS)}")
    lines.append("points:")
    for _ in range(rng.randint(3, 15)):
        if edition_2 and rng.random() < 0.3:
            lines += _multi_paragraph(rng, shorts)
            continue
        point = _point(rng, shorts)
        words = point.split()
        lines.append("  - text: >-" if bilingual else "  - >-")
        indent = "      " if bilingual else "    "
        for start in range(0, len(words), 12):
            lines.append(indent + " ".join(words[start : start + 12]))
        if bilingual:
            lines.append("    ja: " + _point_ja(rng, point, shorts_ja))
    return "\n".join(lines) + "\n"


def is_edition_2(text: str) -> bool:
    """Whether a generated readout uses edition 2's fields (or kinds)."""
    markers = ("  name:", "  followed_by:", "  - group:", "  - |", *EDITION_2_KINDS[len(KINDS) :])
    return any(marker in text for marker in markers)


def generate(folder: Path, count: int, seed: int = 20260) -> list[Path]:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = folder / f"meeting-{i:04d}.readout.yaml"
        path.write_text(readout_text(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


class Run:
    """Best wall time and CPU time (s) of a command over several runs, its exit status and
    peak RSS (KiB)."""

    def __init__(self) -> None:
        self.wall = self.cpu = float("inf")
        self.status = 0
        self.rss = 0

    def add(self, cmd: list[str]) -> None:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        stderr = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        self.wall = min(self.wall, time.perf_counter() - start)
        self.cpu = min(self.cpu, usage.ru_utime + usage.ru_stime)
        self.status = os.waitstatus_to_exitcode(status)
        self.rss = max(self.rss, usage.ru_maxrss)
        if self.status != 0:
            sys.stderr.write(stderr.decode(errors="replace")[-2000:])


def measure(cmds: list[list[str]], repeat: int) -> list[Run]:
    """Run the commands in turn, `repeat` rounds, so that a change in the machine's load
    falls on all of them alike."""
    runs = [Run() for _ in cmds]
    for _ in range(repeat):
        for cmd, result in zip(cmds, runs, strict=True):
            result.add(cmd)
    return runs


def breakdown(files: list[str], repeat: int) -> list[tuple[str, float]]:
    """Where the time of one batch goes, in this process (imports excluded), best of
    `repeat`: author's phases and the baseline's."""
    sys.path.insert(0, str(ROOT))
    import yaml

    from author.check import check_file, check_text
    from author.config import Config
    from author.lint import lint
    from author.loader import load_yaml
    from author.model import Readout
    from bench.baseline_validate import Readout as BaselineReadout

    config = Config()
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    docs = [load_yaml(t, f) for t, f in zip(texts, files, strict=True)]

    def clock(step) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            step()
            times.append(time.perf_counter() - start)
        return min(times)

    parsed = [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts]
    context = {"home_zone": config.home_zone}
    import gc

    gc.collect()
    gc.freeze()  # the inputs held here are not the collector's work in a real run

    def author_check() -> None:
        for f in files:
            check_file(f, config)

    def author_load() -> None:
        for t in texts:
            load_yaml(t)

    def author_model() -> None:
        for d in docs:
            Readout.model_validate(d.data, context=context)

    def author_lint() -> None:
        for d in docs:
            lint(d, "x", config)

    # The same files with two warnings each (a misspelt name, an ordinal): what a file
    # with a problem costs (its positions found by a second read; the woken finders run).
    warned = "  - >-\n    Minister Kamikava met on June 4th.\n"
    flawed = [t.replace("  - >-\n", warned, 1) for t in texts]

    def author_check_texts() -> None:
        for t in texts:
            check_text(t, "x", config)

    def author_check_flawed() -> None:
        for t in flawed:
            check_text(t, "x", config)

    def baseline_parse() -> None:
        for t in texts:
            yaml.load(t, Loader=yaml.CSafeLoader)

    def baseline_model() -> None:
        for d in parsed:
            BaselineReadout.model_validate(d)

    return [
        ("author: whole check (read, load, model, lint)", clock(author_check)),
        ("author: load (libyaml events; positions on demand)", clock(author_load)),
        ("author: Pydantic model", clock(author_model)),
        ("author: lint (warnings)", clock(author_lint)),
        ("author: check of the texts (no read), as generated", clock(author_check_texts)),
        ("author: the same, 2 warnings added to each file", clock(author_check_flawed)),
        ("baseline: yaml.load (CSafeLoader)", clock(baseline_parse)),
        ("baseline: Pydantic model", clock(baseline_model)),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()

    files = [str(p) for p in generate(args.out / "readouts", args.files)]
    author = [str(BIN / "author"), "validate", "-q"]
    baseline = [sys.executable, str(ROOT / "bench" / "baseline_validate.py")]
    jsonschema = [
        str(BIN / "check-jsonschema"),
        "--schemafile",
        str(ROOT / "schemas" / "readout.schema.json"),
    ]
    # Measure what a user's second run costs: `pip install` (or the first run of an
    # editable install) leaves compiled .pyc files. With PYTHONDONTWRITEBYTECODE set, as on
    # some machines, no run writes them and every run compiles author's modules from
    # source, which the baseline (one script; its libraries compiled by pip) does not pay.
    # So compile them here first.
    compileall.compile_dir(str(ROOT / "author"), quiet=1)
    for cmd in (author, baseline, jsonschema):  # warm the disk cache
        Run().add([*cmd, *files[:5]])
    load_before = os.getloadavg()[0]

    a_all, b_all = measure([[*author, *files], [*baseline, *files]], args.repeat)
    (j_all,) = measure([[*jsonschema, *files]], max(1, args.repeat // 2))
    a_one, b_one = measure([[*author, files[0]], [*baseline, files[0]]], args.repeat * 4)
    tenth = files[: max(1, len(files) // 10)]
    (a_tenth,) = measure([[*author, *tenth]], 2)

    rows = [
        ("author validate, all files", a_all, b_all, "baseline", "<= 1.3", 1.3, True),
        ("check-jsonschema, all files", j_all, a_all, "author", ">= 8 (x faster)", 8, False),
        ("author validate, one file", a_one, b_one, "baseline", "<= 1.3", 1.3, True),
    ]
    share = sum(is_edition_2(Path(f).read_text(encoding="utf-8")) for f in files)
    print(
        f"{len(files)} generated readouts in {args.out / 'readouts'}, {share} of them "
        "with edition 2's fields (named meetings, roles, groups, follow-ons, "
        "multi-paragraph points, the added kinds)"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}, "
        f"Python {platform.python_version()}; best of {args.repeat} runs (one file: "
        f"{args.repeat * 4}); load average {load_before:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after"
    )
    print(
        f"exit status: author {a_all.status}, baseline {b_all.status}, "
        f"check-jsonschema {j_all.status} (0 = all valid)"
    )
    print()
    header = ("measure", "wall", "against", "ratio", "cpu ratio", "target", "met")
    print("| {:<28} | {:>8} | {:>17} | {:>5} | {:>9} | {:<15} | {:<3} |".format(*header))
    print(f"|{'-' * 30}|{'-' * 10}|{'-' * 19}|{'-' * 7}|{'-' * 11}|{'-' * 17}|-----|")
    for name, mine, other, other_name, target, limit, at_most in rows:
        ratio = mine.wall / other.wall
        met = ratio <= limit if at_most else ratio >= limit
        against = f"{other.wall:.3f} s {other_name}"
        print(
            f"| {name:<28} | {mine.wall:>6.3f} s | {against:>17} | {ratio:>5.2f} | "
            f"{mine.cpu / other.cpu:>9.2f} | {target:<15} | {'yes' if met else 'NO':<3} |"
        )
    a_rss, a_tenth_rss, a_one_rss, b_rss = a_all.rss, a_tenth.rss, a_one.rss, b_all.rss
    print()
    growth = 100 * (a_rss - a_tenth_rss) / a_tenth_rss
    print(
        f"peak RSS of author validate: {a_one_rss / 1024:.1f} MiB for 1 file, "
        f"{a_tenth_rss / 1024:.1f} MiB for {len(tenth)} files, "
        f"{a_rss / 1024:.1f} MiB for {len(files)} files ({growth:+.1f}%); "
        f"baseline {b_rss / 1024:.1f} MiB for {len(files)} files"
    )
    print()
    print(f"in-process breakdown over {len(files)} files (imports excluded):")
    for name, seconds in breakdown(files, args.repeat):
        print(f"  {name:<52} {seconds:6.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
