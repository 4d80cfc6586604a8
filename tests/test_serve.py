"""`author serve`: the editor in a browser, through textual-serve.

The browser test drives Debian's Chromium with Playwright (no browser download): it opens
the served editor on a copy of the reference readout, reads the terminal the page shows,
types a new point, saves, and checks the file on disk. Everything stays on the loopback
address; every wait is bounded; the server and the app it runs are always killed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from author import cli
from tests.conftest import REFERENCE, REPO

pytest.importorskip(
    "textual_serve", reason="textual-serve (the author[web] extra) is not installed"
)

from author.serve import editor_command, is_loopback

ARTIFACTS = Path(os.environ.get("AUTHOR_TEST_ARTIFACTS", REPO / "test-artifacts"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NEW_POINT = "Both Ministers confirmed that they would keep in close communication."


def chromium() -> str | None:
    """Debian's Chromium (the `chromium` package), or one named by AUTHOR_CHROMIUM."""
    named = os.environ.get("AUTHOR_CHROMIUM")
    if named:
        return named if os.access(named, os.X_OK) else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def served(
    folder: Path, *args: str, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`author serve ARGS` in its own process group, on a free loopback port; yields the
    address and the process once it answers. The whole group (the server and every editor it started) is
    killed afterwards, whatever happened."""
    port = free_port()
    env = {**os.environ, **(env or {}), "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "author", "serve", *args, "--port", str(port)],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    address = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"author serve exited with {process.returncode}: {output}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if time.monotonic() > deadline:
                pytest.fail("author serve did not answer within 30 s")
            time.sleep(0.1)
        yield address, process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # and any editor still running
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()


@pytest.fixture
def readout(tmp_path: Path) -> Path:
    target = tmp_path / "japan-ukraine-2023-09-20.readout.yaml"
    shutil.copyfile(REFERENCE, target)
    return target


def status_of(request: urllib.request.Request) -> int:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


# -- the command, without a browser ---------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("example.org", False),
        ("localhost.example.org", False),
        ("", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_remote_host_needs_allow_remote(capsys, readout: Path) -> None:
    status = cli.main(["serve", str(readout), "--host", "0.0.0.0"])
    err = capsys.readouterr().err
    assert status == 2
    assert "--host 0.0.0.0 is not a loopback address" in err
    assert "add --allow-remote" in err


def test_allow_remote_warns_before_serving(capsys, monkeypatch, readout: Path) -> None:
    calls = []
    monkeypatch.setattr("author.serve.serve", lambda *args, **kwargs: calls.append(kwargs) or 0)
    status = cli.main(["serve", str(readout), "--host", "0.0.0.0", "--allow-remote"])
    err = capsys.readouterr().err
    assert status == 0
    assert err.startswith(
        "author: warning: serving the editor to the network at http://0.0.0.0:8000/"
    )
    assert calls == [{"host": "0.0.0.0", "port": 8000, "remote": True, "config_path": None}]


def test_serve_refuses_what_edit_refuses(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "x.readout.yaml"
    broken.write_text("section: [unclosed\n", encoding="utf-8")
    assert cli.main(["serve", str(broken)]) == 2
    assert "yaml-syntax" in capsys.readouterr().err
    assert cli.main(["serve", str(tmp_path / "x.readout.yaml"), "--port", "0"]) == 2
    assert "a port is a number from 1 to 65535" in capsys.readouterr().err


def test_a_missing_extra_is_named(capsys, monkeypatch, readout: Path) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # as if not installed
    assert cli.main(["serve", str(readout)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "author: author serve needs textual-serve: install it with pip install 'author[web]'"
    ]


def test_the_served_command_is_author_edit_quoted_for_the_shell() -> None:
    command = editor_command("my readout; rm -rf ~.readout.yaml", "my settings.toml")
    assert command == (
        f"{sys.executable} -m author --config 'my settings.toml' edit -- "
        "'my readout; rm -rf ~.readout.yaml'"
    )
    assert editor_command(None, None) == f"{sys.executable} -m author edit"


def test_the_server_answers_only_to_its_own_address(readout: Path) -> None:
    with served(readout.parent, readout.name) as (address, _):
        page = urllib.request.Request(address)
        assert status_of(page) == 200
        with urllib.request.urlopen(page, timeout=10) as response:
            html = response.read().decode()
        assert "<title>author — japan-ukraine-2023-09-20.readout.yaml</title>" in html
        assert "googleapis" not in html and "https://" not in html  # nothing from outside
        # a domain name rebound to 127.0.0.1 is refused
        rebound = urllib.request.Request(address, headers={"Host": "evil.example:80"})
        assert status_of(rebound) == 403
        # a WebSocket opened by another site's page is refused
        upgrade = {
            "Connection": "Upgrade",
            "Upgrade": "websocket",
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        }
        foreign = urllib.request.Request(
            address + "ws", headers={**upgrade, "Origin": "http://evil.example"}
        )
        assert status_of(foreign) == 403


# -- in a real browser -------------------------------------------------------------------------

# Playwright has no view of what a canvas shows, so the page's xterm.js terminal is caught as
# textual-serve's client creates it (its `this.terminal = new Terminal(…)` assignment passes
# through this setter) and its screen is read from its buffer: the text the browser shows.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true,
                                             enumerable: true});
    if (value && value.buffer && value.buffer.active) {
      window.__terminal = value;
      delete Object.prototype.terminal;
    }
  },
});
"""
SCREEN = """() => {
  const term = window.__terminal;
  if (!term) return null;
  const buffer = term.buffer.active, lines = [];
  for (let row = 0; row < term.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
}"""


def wait_for_screen(page, *texts: str, timeout: float = 30) -> str:
    """The terminal's screen once it shows every one of `texts` (bounded)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = page.evaluate(SCREEN) or ""
        if all(text in screen for text in texts):
            return screen
        page.wait_for_timeout(200)
    pytest.fail(f"the browser never showed {texts!r}; the screen was:\n{screen}")


def wait_for(condition, what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout:g} s for {what}")
        time.sleep(0.2)


def process_group(group: int) -> list[str]:
    """The processes still in a process group (`ps`, which Debian always has)."""
    listing = subprocess.run(["ps", "-e", "-o", "pgid=,pid=,args="], capture_output=True, text=True)
    return [line for line in listing.stdout.splitlines() if line.split()[0] == str(group)]


def test_the_editor_in_a_real_browser(readout: Path, tmp_path: Path) -> None:
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium installed (apt-get install chromium): the browser test needs one")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    drafts = tmp_path / "cache" / "author" / "drafts"  # the editor's drafts, for this test only
    served_editor = served(
        readout.parent, readout.name, env={"XDG_CACHE_HOME": str(drafts.parents[1])}
    )
    with served_editor as (address, server), playwright_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh profile for every run
            executable_path=executable,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 900},
            timeout=60_000,
        )
        try:
            context.set_default_timeout(30_000)
            # Loopback only: any request for another address is cut off in the browser.
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(address) else route.abort()
                ),
            )
            context.add_init_script(CATCH_TERMINAL)
            page = context.new_page()
            page.goto(address)
            page.wait_for_selector(".xterm-screen")
            # the form and the preview (the form's participants come right after the first
            # paint: author/tui/widgets/progressive.py)
            wait_for_screen(
                page, "Section", "Japan-Ukraine Relations", "7:05 a.m. JST", "Preview", "Principals"
            )
            page.screenshot(path=str(ARTIFACTS / "serve-browser-opened.png"))

            # One tab at a time: a second one is told the readout is open elsewhere.
            second = context.new_page()
            response = second.goto(address)
            assert response is not None and response.status == 409
            assert "already open in another browser tab" in second.content()
            second.close()

            # From the section, back past the problems, the preview and "Add point" to the
            # last point; F5 adds a point after it, and the focus moves into it.
            page.focus("textarea.xterm-helper-textarea")  # the terminal's keyboard input
            for _ in range(4):
                page.keyboard.press("Shift+Tab")
                page.wait_for_timeout(150)
            page.keyboard.press("F5")
            page.wait_for_timeout(500)
            page.keyboard.type(NEW_POINT, delay=5)
            # the new point in the form, whole, and the header says the file is modified
            wait_for_screen(page, NEW_POINT, f"{readout.name} (modified)")
            page.keyboard.press("Control+s")
            wait_for_screen(page, f"Saved {readout.name}.")
            points = yaml.safe_load(readout.read_text(encoding="utf-8"))["points"]
            assert len(points) == 4 and points[3] == NEW_POINT
            assert points[0]["text"].startswith("At the outset, Minister Kamikawa")
            assert not list(drafts.glob("*"))  # a clean save: no draft
            page.screenshot(path=str(ARTIFACTS / "serve-browser-saved.png"))

            # Typing not saved yet goes to the recovery draft; closing the tab ends that
            # editor, and the next one offers the draft.
            page.keyboard.type(" Unsaved words.", delay=5)
            wait_for(lambda: list(drafts.glob(f"{readout.name}*")), "a recovery draft")
            page.close()
            wait_for(lambda: status_of(urllib.request.Request(address)) == 200, "a free server")
            page = context.new_page()
            page.goto(address)
            page.wait_for_selector(".xterm-screen")
            assert "draft" in wait_for_screen(page, "draft").lower()
            page.screenshot(path=str(ARTIFACTS / "serve-browser-draft.png"))

            # SIGTERM stops the server and the editor it runs, with a browser connected.
            server.terminate()
            server.wait(timeout=20)
            wait_for(lambda: not process_group(server.pid), "the editor to end")
        finally:
            context.close()
