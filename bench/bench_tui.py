"""Editor speed: first paint and keystroke-to-preview latency, each beside a baseline.

    .venv/bin/python bench/bench_tui.py [--points 30,100,200] [--keys 40] [--runs 5]

Generates a readout with --points points (the reference meeting, its points repeated and
numbered) in a temporary folder, then measures in this one run, headless (Textual's
`run_test`, 120×40):

- first paint: from creating the app (opening the file included) to the editor screen's
  first refresh, median of --runs; baseline: a bare Textual App with one Static showing
  the same page text. The editor paints the page's fields, the preview and the problems
  first and mounts the rest of the form right after (author/tui/widgets/progressive.py):
  "all in" is the time until every field is mounted and painted. Each run starts with
  `gc.collect()`, editor and baseline alike: an editor starts in a process of its own,
  and without it each run would also pay for collecting the garbage of the apps run
  before it in this one (up to twice the first paint, measured).
                                      target: median <= 400 ms at 30 points
- keystroke → preview painted: a key typed into a point's text, until the preview has
  painted the new page (check + render + the frame that paints it: the preview reports
  when the compositor asks it for its lines, author/tui/widgets/preview.py; until stop 18
  the report came one refresh after the check, which could be before the paint: that
  measure read 10-20 ms low); median and p95 of --keys isolated keystrokes, typed once the
  whole form is mounted; baseline: one plain `render()` call of the same readout (and
  check_text + render).
                                      target: p95 <= 33 ms at 30 points, <= 50 ms at 200

Exits 0 whatever the numbers (a measurement, not a test).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import logging
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# before Textual, as `author edit` imports it: it sets Textual's frame rate
importlib.import_module("author.tui")

from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Static  # noqa: E402

from author.check import check_text  # noqa: E402
from author.config import Config  # noqa: E402
from author.loader import load_yaml  # noqa: E402
from author.render import render  # noqa: E402
from author.tui.app import AuthorApp  # noqa: E402
from author.tui.messages import FirstPaint, FormComplete, PreviewPainted  # noqa: E402
from author.tui.session import EditSession  # noqa: E402
from author.yamlio import dump_readout  # noqa: E402

REFERENCE = ROOT / "examples" / "japan-ukraine-2023-09-20.readout.yaml"


def numbered(point: Any, number: int) -> Any:
    """A point of the reference, its texts (English and Japanese) numbered: `(7) At the …`."""
    if isinstance(point, dict):
        return {k: f"({number}) {v}" if k in ("text", "ja") else v for k, v in point.items()}
    return f"({number}) {point}"


def generated_readout(points: int) -> str:
    data = load_yaml(REFERENCE.read_text(encoding="utf-8"), str(REFERENCE)).data
    texts = data["points"]
    data["points"] = [numbered(texts[n % len(texts)], n + 1) for n in range(points)]
    return dump_readout(data)


class BenchApp(AuthorApp):
    """The editor, with the times of the paints it reports (author/tui/messages.py)."""

    CSS_PATH = str(ROOT / "author" / "tui" / "author.tcss")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first_paint_at = 0.0
        self.complete_at = 0.0
        self.preview_painted_at = 0.0
        self.checks = 0

    @classmethod
    def open(cls, path: Path) -> BenchApp:
        session = EditSession.open(path, Config())
        return cls(session, Config())

    def on_first_paint(self, message: FirstPaint) -> None:
        self.first_paint_at = time.perf_counter()

    def on_form_complete(self, message: FormComplete) -> None:
        self.complete_at = time.perf_counter()  # every point mounted and painted

    def on_preview_painted(self, message: PreviewPainted) -> None:
        self.preview_painted_at = time.perf_counter()
        self.checks = message.check


class BaselineApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.first_paint_at = 0.0

    def compose(self) -> ComposeResult:
        yield Static(self.text)

    def on_mount(self) -> None:
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self.first_paint_at = time.perf_counter()


async def first_paint(make_app) -> float:
    return (await paint_times(make_app))[0]


async def paint_times(make_app) -> tuple[float, float]:
    """(first paint, everything painted) in seconds from creating the app."""
    gc.collect()  # no garbage of the runs before this one (see the docstring)
    started = time.perf_counter()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.first_paint_at or not getattr(app, "complete_at", 1.0):
            await asyncio.sleep(0.001)
        painted = app.first_paint_at - started
        complete = getattr(app, "complete_at", app.first_paint_at) - started
        await pilot.pause()
    return painted, complete


async def keystroke_latencies(path: Path, keys: int) -> list[float]:
    app = BenchApp.open(path)
    latencies = []
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.complete_at:  # typing in the whole form (see the docstring)
            await asyncio.sleep(0.01)
        await pilot.pause()
        editor = app.editor
        editor.query_one("#point-14-text").focus()
        await pilot.press("end")
        await pilot.pause()
        for n in range(keys):
            before = app.checks
            started = time.perf_counter()
            char = "abcdefghij"[n % 10]
            app.post_message(events.Key(char, char))  # as the terminal driver delivers it
            while app.checks == before or app.preview_painted_at < started:
                await asyncio.sleep(0.0005)
            latencies.append(app.preview_painted_at - started)
            assert char in editor.preview.text
            await asyncio.sleep(editor.CHECK_INTERVAL + 0.05)  # an isolated keystroke
    return latencies


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def measure(points: int, keys: int, runs: int, folder: Path) -> None:
    path = folder / f"bench-{points}.readout.yaml"
    text = generated_readout(points)
    path.write_text(text, encoding="utf-8")
    result = check_text(text, str(path))
    assert result.readout is not None and not result.errors, result.diagnostics
    page = render(result.readout, "text")

    asyncio.run(first_paint(lambda: BaselineApp(page)))  # warm up imports and caches
    asyncio.run(first_paint(lambda: BenchApp.open(path)))
    editor_times = [asyncio.run(paint_times(lambda: BenchApp.open(path))) for _ in range(runs)]
    editor_paints = [first for first, _ in editor_times]
    editor_complete = [complete for _, complete in editor_times]
    baseline_paints = [asyncio.run(first_paint(lambda: BaselineApp(page))) for _ in range(runs)]

    latencies = asyncio.run(keystroke_latencies(path, keys))
    render_times, check_render_times, dump_times = [], [], []
    data = load_yaml(text, "x").data
    for _ in range(keys):
        started = time.perf_counter()
        render(result.readout, "text")
        render_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        checked = check_text(text, "x")
        render(checked.readout, "text")
        check_render_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        dump_readout(data)
        dump_times.append(time.perf_counter() - started)

    def p95(values: list[float]) -> float:
        return sorted(values)[max(0, int(len(values) * 0.95) - 1)]

    print(f"-- {points}-point readout")
    paint, base = statistics.median(editor_paints), statistics.median(baseline_paints)
    print(f"first paint (median of {runs})")
    print(f"  editor                 {ms(paint)}   target <= 400 ms (30 points)")
    print(f"  baseline (App+Static)  {ms(base)}   ratio {paint / base:5.1f}x")
    print(
        f"  editor, all fields in  {ms(statistics.median(editor_complete))}   (the form "
        "after the page's fields is mounted right after the first paint)"
    )
    med, high = statistics.median(latencies), p95(latencies)
    print(f"keystroke -> preview painted ({keys} isolated keys)")
    print(f"  editor median          {ms(med)}")
    print(f"  editor p95             {ms(high)}   target <= 33 ms (30), <= 50 ms (200)")
    r_med = statistics.median(render_times)
    c_med = statistics.median(check_render_times)
    print(f"  baseline render()      {ms(r_med)}   ratio {med / r_med:5.1f}x")
    print(f"  check+render           {ms(c_med)}   ratio {med / c_med:5.1f}x")
    dump = statistics.median(dump_times)
    print(f"  (a whole-file dump, which the editor no longer does per key: {ms(dump)})")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", default="30,100,200", help="sizes, comma-separated")
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    # Textual's cursor-blink timers are cancelled at teardown; asyncio would log each one.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    folder = Path(tempfile.mkdtemp(prefix="author-bench-"))
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
    print("author editor bench, 120x40 headless")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}"
    )
    print()
    for points in (int(n) for n in args.points.split(",")):
        measure(points, args.keys, args.runs, folder)
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
