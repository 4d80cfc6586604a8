"""Issue 9, item 2: a template set cannot print files outside its folder, and cannot run
or build without bound. A limit hit is one line and exit status 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from author.check import check_text
from author.config import Config, ConfigError, load_config
from author.model import Readout
from author.render import MAX_TEMPLATE_WIDTH, RenderError, render
from tests.conftest import REFERENCE
from tests.conftest import run_author as run

FAST = Config(render_timeout=1)


@pytest.fixture(scope="module")
def readout() -> Readout:
    result = check_text(REFERENCE.read_text(encoding="utf-8"))
    assert result.readout is not None
    return result.readout


def template(folder: Path, text: str) -> Path:
    (folder / "page.txt.j2").write_text(text, encoding="utf-8")
    return folder


def refused(readout: Readout, folder: Path, config: Config = FAST) -> str:
    with pytest.raises(RenderError) as caught:
        render(readout, "text", template_dir=folder, config=config)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300, message
    return message


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path, readout: Readout) -> None:
    (tmp_path / "etc").symlink_to("/etc")
    template(tmp_path, "{% include 'etc/passwd' %}")
    assert "'etc/passwd' resolves outside the template folder" in refused(readout, tmp_path)


def test_a_linked_template_file_out_of_the_folder_is_refused(
    tmp_path: Path, readout: Readout
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret\n")
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "page.txt.j2").symlink_to(secret)
    assert "resolves outside the template folder" in refused(readout, folder)


def test_a_link_inside_the_folder_is_fine(tmp_path: Path, readout: Readout) -> None:
    (tmp_path / "part.j2").write_text("{{ heading }}")
    (tmp_path / "link.j2").symlink_to("part.j2")
    template(tmp_path, "{% include 'link.j2' %}")
    assert render(readout, "text", template_dir=tmp_path) == "Japan-Ukraine Relations"


def test_a_fifo_template_does_not_block(tmp_path: Path, readout: Readout) -> None:
    os.mkfifo(tmp_path / "page.txt.j2")
    assert "is not a regular file" in refused(readout, tmp_path)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{{ 'x'|center(2000000000) }}", "center filter's width"),
        ("{{ 'x'|indent(2000000000, true) }}", "indent filter's width"),
        ("{{ 'x'.center(2000000000) }}", "str.center width"),
        ("{{ 'x'.ljust(2000000000) }}", "str.ljust width"),
        ("{{ 'x'.zfill(2000000000) }}", "str.zfill width"),
        ("{{ 'a\tb'.expandtabs(2000000000) }}", "tab size"),
        ("{{ '{:>999999999}'.format(1) }}", "format width"),
        ("{{ '{:.999999999f}'.format(1.5) }}", "format width"),
        ("{{ '{:{}}'.format(1, 999999999) }}", "taken from an argument"),
        ("{{ '%0999999999d' % 1 }}", "printf width"),
        ("{{ '%.999999999f' % 1.5 }}", "printf width"),
        ("{{ '%*d' % (999999999, 1) }}", "printf width"),
        ("{{ '%0999999999d'|format(1) }}", "printf width"),
        ("{{ [1]|batch(1000000000, 'x')|list }}", "batch filter's linecount"),
        ("{{ lipsum(1000000) }}", "lipsum is capped"),
        ("{{ ('a' * 40000)|replace('a', 'b' * 40000) }}", "max_page_size"),
        ("{{ ('a' * 40000).replace('a', 'b' * 40000) }}", "max_page_size"),
        ("{{ ('x' * 100000).join(range(100000)|map('string')|list) }}", "max_page_size"),
        ("{% for i in range(100000) %}{{ 'x' * 1000000 }}{% endfor %}", "max_page_size"),
        ("{% macro d(s) %}{{ d(s ~ s) }}{% endmacro %}{{ d('x') }}", "max_page_size"),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(100) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
            "max_page_size",
        ),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(100) %}"
            "{% set ns.s = ns.s + ns.s %}{% endfor %}",
            "max_page_size",
        ),
    ],
)
def test_widths_and_sizes_are_capped(
    text: str, says: str, tmp_path: Path, readout: Readout
) -> None:
    assert says in refused(readout, template(tmp_path, text))


@pytest.mark.parametrize(
    "text",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        # no call, attribute or item inside the loops: only the timer can stop these
        "{% set l = range(100000)|list %}{% for a in l %}{% for b in l %}{% endfor %}{% endfor %}",
        "{% macro f(n) %}{% for i in range(100000) %}{% endfor %}{{ f(n) if n else '' }}"
        "{% endmacro %}{% for i in range(100000) %}{{ f(0) }}{% endfor %}",
    ],
)
def test_rendering_runs_under_the_time_limit(text: str, tmp_path: Path, readout: Readout) -> None:
    # The limit's own message is the proof that it stopped the loops (they would run for
    # hours): no wall-clock assertion.
    assert "rendering took longer than 1 s (render_timeout)" in refused(
        readout, template(tmp_path, text)
    )


def test_the_page_size_limit_is_a_setting(tmp_path: Path, readout: Readout) -> None:
    template(tmp_path, "{{ lead }}")
    assert "longer than 100 characters (max_page_size)" in refused(
        readout, tmp_path, Config(max_page_size=100)
    )
    assert render(readout, "text", template_dir=tmp_path, config=Config(max_page_size=1000))


def test_fair_widths_and_formats_render(tmp_path: Path, readout: Readout) -> None:
    template(
        tmp_path,
        "{{ 'ab'|center(10) }}|{{ '%5d' % 3 }}|{{ '{:>6}'.format('x') }}|{{ 'x'.zfill(3) }}"
        "|{{ '%s-%s'|format(1, 2) }}|{{ lipsum(1, false, 3, 5)|length > 0 }}"
        f"|{{{{ ''|center({MAX_TEMPLATE_WIDTH})|length }}}}",
    )
    page = render(readout, "text", template_dir=tmp_path)
    assert page == f"    ab    |    3|     x|00x|1-2|True|{MAX_TEMPLATE_WIDTH}"


def test_the_shipped_templates_render_far_inside_the_limits(readout: Readout) -> None:
    page = render(readout, "html", config=Config(render_timeout=1, max_page_size=20_000))
    assert "Kamikawa" in page.upper() or "KAMIKAWA" in page


def test_a_limit_hit_through_the_command_is_one_line_exit_2(tmp_path: Path) -> None:
    folder = template(tmp_path, "{% for i in range(100000) %}{{ 'x' * 1000000 }}{% endfor %}")
    out = tmp_path / "page.txt"
    done = run("render", str(REFERENCE), "--template-dir", str(folder), "--output", str(out))
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and not out.exists()
    assert len(done.stderr.splitlines()) == 1 and "max_page_size" in done.stderr


def test_the_time_limit_set_in_the_settings_stops_the_command(tmp_path: Path) -> None:
    """The time bound, deterministically: a template that would loop for hours, under
    `render_timeout = 1` in `.author.toml`, stops with the one-line limit message and exit
    status 2 (reaching that message is the proof that the limit stopped it)."""
    folder = template(
        tmp_path,
        "{% set l = range(100000)|list %}{% for a in l %}{% for b in l %}{% endfor %}{% endfor %}",
    )
    (tmp_path / ".author.toml").write_text("render_timeout = 1\n", encoding="utf-8")
    out = tmp_path / "page.txt"
    done = run(
        "render", str(REFERENCE), "--template-dir", str(folder), "--output", str(out), cwd=tmp_path
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and not out.exists()
    assert done.stderr.splitlines() == [
        f"author: {folder}/page.txt.j2: rendering took longer than 1 s (render_timeout)"
    ]


@pytest.mark.parametrize("setting", ["render_timeout", "max_page_size"])
def test_the_limits_are_checked_settings(setting: str, tmp_path: Path) -> None:
    (tmp_path / ".author.toml").write_text(f"{setting} = 0\n")
    with pytest.raises(ConfigError, match="more than zero"):
        load_config(tmp_path)
    (tmp_path / ".author.toml").write_text(f"{setting} = 5\n")
    assert getattr(load_config(tmp_path), setting) == 5
