"""`author serve`: the editor in a browser, through textual-serve (the author[web] extra).

textual-serve runs a command for each browser that connects and relays its terminal over
a WebSocket. The command is `author edit FILE` itself (the same app, saves, drafts and
guards as in a terminal), run by this Python. What this module adds to textual-serve:

- one editor at a time: a second tab would edit the same file and draft behind the
  first one's back, so it is told the readout is already open;
- the page and the WebSocket answer only to this server's own address (a Host header
  check against DNS rebinding; an Origin check, since any web page may open a WebSocket to
  a loopback port), so a site visited in another tab cannot drive the editor;
- the page loads nothing from third parties (textual-serve's page loads a web font).
"""

from __future__ import annotations

import asyncio
import ipaddress
import shlex
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

PAGE_FOLDER = Path(__file__).parent / "web"
LOOPBACK_NAMES = ("localhost", "localhost.")


def is_loopback(host: str) -> bool:
    """`127.0.0.1`, `::1`, `localhost`: reachable from this machine only."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # any other name may resolve to an outside address


def url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def editor_command(file: str | None, config_path: str | None) -> str:
    """The shell command textual-serve runs for each browser: this Python's `author edit`."""
    words = [sys.executable, "-m", "author"]
    if config_path:
        words += ["--config", config_path]
    words.append("edit")
    if file:
        words += ["--", file]
    return shlex.join(words)


class EditorServer(Server):
    """textual-serve's server, for one editor at a time, answering only to its own address."""

    def __init__(self, command: str, *, host: str, port: int, label: str, remote: bool) -> None:
        title = f"author — {label}"
        super().__init__(command, host=host, port=port, title=title, templates_path=PAGE_FOLDER)
        self.label = label
        self.remote = remote
        self.sessions: set[asyncio.Task[Any]] = set()  # the handlers of browsers connected now

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C or SIGTERM: end every session now (its editor is told to quit, as when
        its tab closes) rather than wait for browsers to leave."""
        for task in self.sessions:
            task.cancel()

    def initialize_logging(self) -> None:
        """No rich log handler: the command prints its own lines."""

    async def on_startup(self, app: web.Application) -> None:
        where = url(self.host, self.port)
        print(f"author serve: editing {self.label} at {where} (Ctrl+C to stop)")
        sys.stdout.flush()

    def _own_host(self, request: web.Request) -> bool:
        """Whether the request names this server: any name when serving remotely, else a
        loopback name or address (a rebound domain name is refused)."""
        if self.remote:
            return True
        host = urlsplit(f"//{request.host}").hostname or ""
        return is_loopback(host)

    def _same_origin(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        return origin is None or urlsplit(origin).netloc == request.host

    async def handle_index(self, request: web.Request) -> web.Response:
        if not self._own_host(request):
            raise web.HTTPForbidden(text="author serve answers only to its own address\n")
        if self.sessions:
            return web.Response(
                status=409,
                content_type="text/html",
                text="<!DOCTYPE html><title>author</title><p>This readout is already open in "
                "another browser tab or window. Close that one (its work is saved or kept as a "
                "draft), then reload this page.</p>",
            )
        origin = f"{request.scheme}://{request.host}"
        router = request.app.router
        context: dict[str, Any] = {
            "font_size": max(8, min(_number(request.query.get("fontsize"), 16), 48)),
            "app_websocket_url": "ws" + origin[4:] + str(router["websocket"].url_for()),
            "config": {"static": {"url": f"{origin}/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not (self._own_host(request) and self._same_origin(request)):
            raise web.HTTPForbidden(text="author serve answers only to its own page\n")
        if self.sessions:
            raise web.HTTPConflict(text="the readout is already open in another browser tab\n")
        task = asyncio.current_task()
        assert task is not None
        self.sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(task)


def _number(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def serve(file: str | None, *, host: str, port: int, remote: bool, config_path: str | None) -> int:
    """Serve the editor on FILE until Ctrl+C (or SIGTERM)."""
    server = EditorServer(
        editor_command(file, config_path),
        host=host,
        port=port,
        label=Path(file).name if file else "a new readout",
        remote=remote,
    )
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's
        print(f"author: cannot serve on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
