"""Validation speed at archive scale: `author validate` against a minimal baseline, and
the batch render.

    .venv/bin/python bench/bench_validate.py [--files 1000,10000,50000] [--repeat 5] [--out DIR]

Generates readouts (3-15 points of 50-150 words, about eight times a real readout's
prose; 2-6 participants, varied kinds, zones and durations; a third of them bilingual,
with the Japanese page's `ja`
facts; of the others, a share written with edition 2's fields: named meetings,
multilateral roles, group counterparts, follow-ons with their own start, multi-paragraph
points) under bench/out/ (gitignored; the largest size once, reused by later runs while
the generator and seed are the same), then measures in this one run, each command in its
own subprocess, best of --repeat runs (halved above 10,000 files), the commands
interleaved (each round starting one command later) and each run with its files read
into the page cache first:

- for each size, `author validate` vs `bench/baseline_validate.py` (read + libyaml parse
  + Pydantic validate, same one-process model);   target: ratio <= 1.15 at 1,000 files,
                                                  <= 1.2 at 10,000 and more
- `check-jsonschema --schemafile schemas/readout.schema.json` on the smallest size;
                                                  target: author >= 8x faster
- one file: `author validate` vs the baseline (start-up);  target: ratio <= 1.2
- peak RSS of both at each size, and of a bare `python -c pass` given the same argument
  list (what the argument list itself costs);  target: author grows no more than the
  baseline from one file to the largest size
- the batch render: 1,000 pages by one `author render --write` against 1,000 `author
  render FILE --output PAGE` processes (100 of them measured, the time scaled by 10)
- with --instructions, the instructions executed (valgrind), one file and per file:
  a figure the machine's speed does not move

Prints tables and the machine. Exits 0 whatever the numbers (this is a measurement).
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    """Whether a generated readout uses edition 2's fields (or kinds). Markers at the start
    of a line: a bilingual readout's `ja` blocks hold `name:` lines too, deeper in."""
    kinds = (f"\n  kind: {kind}\n" for kind in EDITION_2_KINDS[len(KINDS) :])
    markers = ("\n  name:", "\n  followed_by:", "\n  - group:", "\n  - |", *kinds)
    return any(marker in text for marker in markers)


def is_bilingual(text: str) -> bool:
    """Whether a generated readout has the Japanese page's facts."""
    return "\nja:\n" in text


GENERATOR = 3  # raise when readout_text changes, so that old files are not reused


def generate(folder: Path, count: int, seed: int = 20260) -> list[Path]:
    """`count` readouts in `folder`, the n-th always the same (one random stream): files
    already there from the same generator and seed, at least `count` of them, are reused
    (writing 50,000 files takes longer than checking them)."""
    stamp = folder / ".generated"
    names = [f"meeting-{i:04d}.readout.yaml" for i in range(count)]
    try:
        version, made_seed, made = map(int, stamp.read_text(encoding="utf-8").split())
    except (OSError, ValueError):
        version = made_seed = made = -1
    if (version, made_seed) == (GENERATOR, seed) and made >= count:
        return [folder / name for name in names]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    for i, name in enumerate(names):
        (folder / name).write_text(readout_text(rng, i), encoding="utf-8")
    stamp.write_text(f"{GENERATOR} {seed} {count}\n", encoding="utf-8")
    return [folder / name for name in names]


# The peak RSS a parent reads from wait4 is at least its own: the kernel counts the
# forking process's high-water mark into the child's at exec. This bench holds 50,000 names
# (about 39 MiB), which would hide every figure below that; GNU time, a small C program,
# forks the command and reports the command's own peak.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


class Run:
    """Best wall time and CPU time (s) of a command over several runs, its exit status and
    peak RSS (KiB)."""

    def __init__(self) -> None:
        self.wall = self.cpu = float("inf")
        self.status = 0
        self.rss = 0

    def add(self, cmd: list[str], cwd: Path = ROOT) -> None:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
            wrapped = [GNU_TIME, "-f", "%M", "-o", rss.name, *cmd] if GNU_TIME else cmd
            start = time.perf_counter()
            proc = subprocess.Popen(
                wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd
            )
            stderr = proc.stderr.read() if proc.stderr else b""
            _, status, usage = os.wait4(proc.pid, 0)  # CPU: the command's, reaped by time
            self.wall = min(self.wall, time.perf_counter() - start)
            # GNU time writes "Command exited with non-zero status N" before the figure
            peak = int((rss.read().split() or ["0"])[-1]) if GNU_TIME else usage.ru_maxrss
        self.cpu = min(self.cpu, usage.ru_utime + usage.ru_stime)
        self.status = os.waitstatus_to_exitcode(status)
        self.rss = max(self.rss, peak)
        if self.status != 0:
            sys.stderr.write(stderr.decode(errors="replace")[-2000:])


def read_into_cache(paths: list[Path]) -> None:
    """Read every file once, so that the command measured next finds them in the page
    cache. This VM drops its page cache now and then (`Cached` in /proc/meminfo fell from
    1.5 GB to 66 MB in minutes, the machine idle); a file read from the disk costs about
    88 µs against 14 µs cached, a seventh of a file's check, and falls on whichever
    command runs first after the drop."""
    for path in paths:
        with open(path, "rb") as handle:
            handle.read()


def measure(
    cmds: list[list[str]], repeat: int, cwd: Path = ROOT, reads: list[Path] | None = None
) -> list[Run]:
    """Run the commands in turn, `repeat` rounds, so that a change in the machine's load
    falls on all of them alike: each round starts one command later than the one before
    (no command always runs first), and each command finds the files it `reads` in the
    page cache (`read_into_cache`)."""
    runs = [Run() for _ in cmds]
    for round_ in range(repeat):
        for i in range(len(cmds)):
            at = (round_ + i) % len(cmds)
            if reads:
                read_into_cache(reads)
            runs[at].add(cmds[at], cwd)
    return runs


def breakdown(files: list[str], repeat: int) -> list[tuple[str, float]]:
    """Where the time of one batch goes, in this process (imports excluded), best of
    `repeat`: author's phases and the baseline's. Each round works on inputs made afresh
    before it (texts decoded again, documents loaded again), as a real run sees each file
    once: data reused from round to round would find its strings' hashes already worked
    out and the caches keyed by text warm, and flatter the phases that read it."""
    sys.path.insert(0, str(ROOT))
    import gc

    import yaml

    from author.check import check_file, check_text
    from author.config import Config
    from author.lint import lint
    from author.lint_ja import has_japanese, japanese_problems
    from author.loader import EventLoader, load_yaml
    from author.model import Readout
    from bench.baseline_validate import Readout as BaselineReadout

    config = Config()
    context = {"home_zone": config.home_zone}
    raw = [Path(f).read_bytes() for f in files]
    # The same files with two warnings each (a misspelt name, an ordinal): what a file
    # with a problem costs (its positions found by a second read; the woken finders run).
    warned = b"  - >-\n    Minister Kamikava met on June 4th.\n"
    flawed = [r.replace(b"  - >-\n", warned, 1) for r in raw]

    def texts(source: list[bytes] = raw) -> list[str]:
        return [r.decode("utf-8") for r in source]

    def documents() -> list[Any]:
        return [load_yaml(t, f) for t, f in zip(texts(), files, strict=True)]

    def clock(step: Callable[[Any], object], prepare: Callable[[], Any] = lambda: None) -> float:
        """Best time of `step(prepare())`, the collector tuned as `author validate` tunes it."""
        times = []
        thresholds = gc.get_threshold()
        gc.set_threshold(50_000, 20, 20)
        for _ in range(repeat):
            given = prepare()
            gc.collect()
            gc.freeze()  # the inputs held here are not the collector's work in a real run
            start = time.perf_counter()
            step(given)
            times.append(time.perf_counter() - start)
            gc.unfreeze()
            del given
        gc.set_threshold(*thresholds)
        return min(times)

    def whole_check(_: None) -> None:
        for f in files:
            check_file(f, config)

    def load(given: list[str]) -> None:
        for text in given:
            load_yaml(text)

    def events(given: list[str]) -> None:
        for text in given:
            loader = EventLoader(text)
            while loader.get_event() is not None:
                pass
            loader.dispose()

    def model(given: list[Any]) -> None:
        for d in given:
            Readout.model_validate(d.data, context=context)

    def warnings(given: list[Any]) -> None:
        for d in given:
            lint(d, "x", config)

    def japanese(given: list[Any]) -> None:
        for d in given:
            if has_japanese(d.data):
                list(japanese_problems(d.data))

    def check_texts(given: list[str]) -> None:
        for text in given:
            check_text(text, "x", config)

    def baseline_parse(given: list[str]) -> None:
        for text in given:
            yaml.load(text, Loader=yaml.CSafeLoader)

    def baseline_model(given: list[Any]) -> None:
        for data in given:
            BaselineReadout.model_validate(data)

    def parsed() -> list[Any]:
        return [yaml.load(text, Loader=yaml.CSafeLoader) for text in texts()]

    return [
        ("author: whole check (read, load, model, lint)", clock(whole_check)),
        ("author: load (libyaml events; positions on demand)", clock(load, texts)),
        ("author:   of which the libyaml event stream alone", clock(events, texts)),
        ("author: Pydantic model", clock(model, documents)),
        ("author: lint (warnings)", clock(warnings, documents)),
        ("author:   of which the Japanese checks", clock(japanese, documents)),
        ("author: check of the texts (no read), as generated", clock(check_texts, texts)),
        ("author: the same, 2 warnings added to each file", clock(check_texts, lambda: texts(flawed))),  # noqa: E501
        ("baseline: yaml.load (CSafeLoader)", clock(baseline_parse, texts)),
        ("baseline: Pydantic model", clock(baseline_model, parsed)),
    ]  # fmt: skip


def target(count: int) -> float:
    """The ratio to the baseline that `author validate` must keep on `count` files: at
    1,000 files start-up is a sixth of the time and the per-file cost must be lower to
    stay within 1.15; from 10,000 on, the per-file cost is all there is."""
    return 1.15 if 1000 <= count < 10_000 else 1.2


def batch_render(folder: Path, files: list[Path], out: Path, repeat: int) -> tuple[Run, Run, int]:
    """1,000 pages (or as many files as there are): one `render --write` process, against
    `render FILE --output PAGE` processes, of which a tenth are run and scaled."""
    pages = files[:1000]
    sample = pages[: max(1, len(pages) // 10)]
    write = [str(BIN / "author"), "render", "--write", "--output-dir"]
    one, each = Run(), Run()
    for round_ in range(repeat):
        target_dir = out / f"pages-{round_}"
        shutil.rmtree(target_dir, ignore_errors=True)  # every page written, none unchanged
        one.add([*write, str(target_dir), *(p.name for p in pages)], folder)
        start = time.perf_counter()
        cpu = 0.0
        for path in sample:
            run = Run()
            run.add(
                [str(BIN / "author"), "render", path.name, "--output", str(target_dir / "x.txt")],
                folder,
            )
            cpu += run.cpu
        each.wall = min(each.wall, (time.perf_counter() - start) * len(pages) / len(sample))
        each.cpu = min(each.cpu, cpu * len(pages) / len(sample))
    return one, each, len(pages)


VALGRIND = shutil.which("valgrind")
_INSTRUCTIONS = re.compile(r"I\s+refs:\s+([\d,]+)")


def parse_instructions(report: str) -> int:
    """The instructions executed, from cachegrind's summary on standard error."""
    found = _INSTRUCTIONS.search(report)
    if found is None:
        raise ValueError(f"no instruction count in valgrind's report: {report[-500:]!r}")
    return int(found.group(1).replace(",", ""))


def instructions(cmd: list[str], cwd: Path) -> int:
    """How many instructions `cmd` executes (valgrind's cachegrind without its cache
    simulation): a count the VM's speed and its neighbours do not move."""
    assert VALGRIND is not None
    report = subprocess.run(
        [VALGRIND, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
    ).stderr
    return parse_instructions(report)


def instruction_rows(
    author: list[str], baseline: list[str], names: list[str], cwd: Path
) -> list[tuple[str, int, int]]:
    """(measure, author's instructions, the baseline's): one file, and a file's own cost,
    the difference between a batch of `few` files and one of `few + extra`, divided by
    `extra` (start-up cancels out)."""
    few, extra = 100, min(1000, len(names) - 100)
    counts = {
        n: (instructions([*author, *names[:n]], cwd), instructions([*baseline, *names[:n]], cwd))
        for n in (1, few, few + extra)
    }
    (author_few, baseline_few), (author_all, baseline_all) = counts[few], counts[few + extra]
    per_file = ((author_all - author_few) // extra, (baseline_all - baseline_few) // extra)
    return [
        ("one file (start-up)", *counts[1]),
        (f"per file ({few + extra:,} files less {few:,}, / {extra:,})", *per_file),
    ]


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--files",
        default="1000",
        help="how many readouts, or several sizes: 1000,10000,50000 (default: 1000)",
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions executed (valgrind; a few minutes), one file and "
        "per file, which the machine's speed does not move",
    )
    args = parser.parse_args()
    sizes = sorted({int(n) for n in args.files.split(",")})

    folder = args.out / "readouts"
    paths = generate(folder, max(sizes))
    # Names relative to the folder: 50,000 absolute paths would pass the kernel's limit on
    # a command line (ARG_MAX, 2 MiB here).
    names = [p.name for p in paths]
    author = [str(BIN / "author"), "validate", "-q"]
    baseline = [sys.executable, str(ROOT / "bench" / "baseline_validate.py")]
    bare = [sys.executable, "-c", "pass"]
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
    # One run of each first, so that the measured ones find the interpreter and libraries
    # in the page cache; each measured run finds its readouts there (`measure`).
    for cmd in (author, baseline, jsonschema):
        Run().add([*cmd, *names[:5]], folder)
    load_before = os.getloadavg()[0]
    uptime = _uptime()

    by_size = {}
    for count in sizes:
        repeat = args.repeat if count <= 10_000 else max(2, (args.repeat + 1) // 2)
        cmds = [[*author, *names[:count]], [*baseline, *names[:count]], [*bare, *names[:count]]]
        by_size[count] = (*measure(cmds, repeat, folder, paths[:count]), repeat)
    smallest = names[: sizes[0]]
    (j_all,) = measure(
        [[*jsonschema, *smallest]], max(1, args.repeat // 2), folder, paths[: sizes[0]]
    )
    a_one, b_one, bare_one = measure(
        [[*author, names[0]], [*baseline, names[0]], [*bare, names[0]]],
        args.repeat * 4,
        folder,
        paths[:1],
    )
    one, each, pages = batch_render(folder, paths, args.out, max(1, args.repeat // 2))

    texts = [path.read_text(encoding="utf-8") for path in paths[: sizes[0]]]
    share, bilingual = sum(map(is_edition_2, texts)), sum(map(is_bilingual, texts))
    print(
        f"{len(paths)} generated readouts in {folder}; of the first {len(texts):,}, "
        f"{bilingual:,} bilingual ({bilingual / len(texts):.0%}, with the Japanese page's "
        f"facts) and {share:,} ({share / len(texts):.0%}) with edition 2's fields (named "
        "meetings, roles, groups, follow-ons, multi-paragraph points, the added kinds)"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}, "
        f"Python {platform.python_version()}; load average {load_before:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after; uptime before: {uptime}"
    )
    statuses = ", ".join(f"{n}: {runs[0].status}/{runs[1].status}" for n, runs in by_size.items())
    print(f"exit status author/baseline ({statuses}), check-jsonschema {j_all.status} (0 = valid)")
    print()
    header = ("measure", "wall", "against", "ratio", "cpu ratio", "target", "met")
    print("| {:<30} | {:>8} | {:>18} | {:>5} | {:>9} | {:<15} | {:<3} |".format(*header))
    print(f"|{'-' * 32}|{'-' * 10}|{'-' * 20}|{'-' * 7}|{'-' * 11}|{'-' * 17}|-----|")

    def row(name: str, mine: Run, other: Run, other_name: str, limit: float, at_most: bool):
        ratio = mine.wall / other.wall
        met = ratio <= limit if at_most else ratio >= limit
        goal = f"<= {limit:g}" if at_most else f">= {limit:g} (x faster)"
        against = f"{other.wall:.3f} s {other_name}"
        print(
            f"| {name:<30} | {mine.wall:>6.3f} s | {against:>18} | {ratio:>5.2f} | "
            f"{mine.cpu / other.cpu:>9.2f} | {goal:<15} | {'yes' if met else 'NO':<3} |"
        )

    for count, (a_run, b_run, _, _) in by_size.items():
        row(f"author validate, {count:,} files", a_run, b_run, "baseline", target(count), True)
    row(f"check-jsonschema, {sizes[0]:,} files", j_all, by_size[sizes[0]][0], "author", 8, False)
    row("author validate, one file", a_one, b_one, "baseline", 1.2, True)
    print(
        "best of: "
        + ", ".join(f"{n:,} files {r[3]}" for n, r in by_size.items())
        + f", one file {args.repeat * 4}"
    )
    print()
    print("peak RSS (the argument list is the same for all three commands):")
    print("| files | author validate | baseline | python -c pass (the argument list) |")
    print("|---|---|---|---|")
    print(f"| 1 | {mib(a_one.rss)} | {mib(b_one.rss)} | {mib(bare_one.rss)} |")
    for count, (a_run, b_run, bare_run, _) in by_size.items():
        print(f"| {count:,} | {mib(a_run.rss)} | {mib(b_run.rss)} | {mib(bare_run.rss)} |")
    a_big, b_big, bare_big, _ = by_size[sizes[-1]]
    growth_a, growth_b = a_big.rss - a_one.rss, b_big.rss - b_one.rss
    print(
        f"from 1 to {sizes[-1]:,} files: author +{mib(growth_a)}, baseline +{mib(growth_b)}, "
        f"the argument list +{mib(bare_big.rss - bare_one.rss)}; author beyond the baseline's "
        f"growth: {mib(growth_a - growth_b)} "
        f"(target: no more than the baseline's: {'yes' if growth_a <= growth_b else 'NO'})"
    )
    print()
    print(
        f"batch render of {pages:,} pages (text), best of {max(1, args.repeat // 2)}: one "
        f"`author render --write` process {one.wall:.2f} s (CPU {one.cpu:.2f} s); {pages:,} "
        f"`author render FILE --output PAGE` processes {each.wall:.1f} s (CPU {each.cpu:.1f} "
        f"s; {max(1, pages // 10)} run, scaled by {pages / max(1, pages // 10):g}): "
        f"{each.wall / one.wall:.0f}x faster in one process"
    )
    print()
    print(f"in-process breakdown over {len(smallest)} files (imports excluded):")
    for name, seconds in breakdown([str(folder / n) for n in smallest], args.repeat):
        print(f"  {name:<52} {seconds:6.3f} s")
    if args.instructions:
        print()
        if VALGRIND is None or len(names) < 200:
            print("instructions: not counted (needs valgrind and at least 200 files)")
            return 0
        print("instructions executed (valgrind's cachegrind):")
        print("| measure | author | baseline | ratio |")
        print("|---|---|---|---|")
        for name, mine, theirs in instruction_rows(author, baseline, names, folder):
            print(f"| {name} | {mine:,} | {theirs:,} | {mine / theirs:.3f} |")
    return 0


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "n/a"


if __name__ == "__main__":
    raise SystemExit(main())
