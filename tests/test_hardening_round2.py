"""Issue 9, "Hardening, round 2": each repro of the issue, kept as a test.

Every repro must give a located problem or a page, never exit status 3 or a traceback;
an environment fault (a closed stream, a full disk) gives one line and exit status 2.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from author.check import check_text
from author.config import ConfigError, load_config
from author.loader import LoadFailed, load_yaml, resolve_plain
from tests.conftest import REFERENCE, REPO, SEED
from tests.conftest import run_author as run

HUGE = "9" * 4301  # one digit past Python's int() limit


def reference_with(old: str, new: str) -> str:
    text = REFERENCE.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def codes(text: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.code) for d in check_text(text, "f.readout.yaml").diagnostics]


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A shell command line with `author` standing for this checkout's command."""
    author = f"{shlex.quote(sys.executable)} -m author"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        command.replace("author ", author + " "),
        shell=True,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def assert_one_line_exit_2(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    # one line: a message on standard error, or validate's `unreadable` problem
    assert len((done.stdout + done.stderr).splitlines()) == 1, done.stdout + done.stderr


# -- 1: numbers past int()'s limit, digits that are not ASCII --------------------------------


def test_a_4301_digit_number_is_text_not_a_crash() -> None:
    assert resolve_plain(HUGE) == HUGE
    assert load_yaml(f"x: {HUGE}\n").data == {"x": HUGE}


@pytest.mark.parametrize("field", ["duration: 25 min", "section: Japan-Ukraine Relations"])
def test_a_4301_digit_number_in_a_field_is_located(field: str) -> None:
    name = field.split(":")[0]
    found = codes(reference_with(field, f"{name}: {HUGE}"))
    if name == "duration":
        assert found == [(14, 13, "bad-duration")]
    else:
        assert found == []  # a number in a text field is text, as the model reads it


def test_validate_and_render_of_a_4301_digit_number_exit_1() -> None:
    text = reference_with("duration: 25 min", f"duration: {HUGE}")
    for command in ("validate", "render"):
        done = run(command, "-", stdin=text)
        assert done.returncode == 1, done.stderr
        assert "-:14:13: error: a duration must be at most 24 hours" in done.stdout + done.stderr


@pytest.mark.parametrize("typed", ["²", "³", "①", "２５", HUGE])
def test_the_duration_field_keeps_what_int_cannot_read_as_text(typed: str) -> None:
    from author.tui.widgets.fields import minutes_or_text

    assert minutes_or_text(typed) == typed
    assert minutes_or_text("25") == 25


# -- 3: merge keys -------------------------------------------------------------------------


def test_a_key_overriding_a_merged_one_is_no_crash_and_wins() -> None:
    text = "b: &b {k: 1}\nm:\n  <<: *b\n  k: 2\n"
    assert load_yaml(text).data == {"b": {"k": 1}, "m": {"k": 2}}
    done = run("validate", "-", stdin=text)
    assert done.returncode == 1, done.stderr
    assert "internal error" not in done.stderr
    assert "-:2:1: error: unknown field 'm'" in done.stdout


def test_a_key_given_twice_after_a_merge_is_still_a_duplicate() -> None:
    with pytest.raises(LoadFailed) as failure:
        load_yaml("b: &b {k: 1}\nm:\n  <<: *b\n  k: 2\n  k: 3\n")
    [problem] = failure.value.diagnostics
    assert (problem.line, problem.code) == (5, "duplicate-key")
    assert "line 4" in problem.message


def test_merged_participant_fields_can_be_overridden() -> None:
    text = reference_with(
        "principals:\n  - honorific: Ms.",
        "principals:\n  - <<: {honorific: Mr., title: Minister}\n    honorific: Ms.",
    )
    assert codes(text) == []


# -- 5: every problem of a file in one run ---------------------------------------------------


def test_a_duplicate_key_does_not_stop_the_model_or_the_lint() -> None:
    text = reference_with("section: Japan-Ukraine Relations", "section: A\nsection: B")
    text = text.replace("America/New_York", "America/NewYork").replace(
        "Minister Kuleba expressed", "Minister Kulebba expressed"
    )
    assert codes(text) == [
        (5, 1, "duplicate-key"),
        (14, 13, "unknown-timezone"),
        (44, 16, "unknown-person"),
    ]


def test_a_file_the_loader_skipped_part_of_is_not_rendered() -> None:
    text = reference_with("section: Japan-Ukraine Relations", "section: A\nsection: B")
    done = run("render", "-", stdin=text)
    assert done.returncode == 1
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("timezone: America/New_York", "timezone: America/NewYork"),
        ("kind: meeting", "kind: meting"),
        ("duration: 25 min", "duration: 25 hours"),
    ],
)
def test_published_is_checked_against_the_date_a_broken_meeting_still_has(
    old: str, new: str
) -> None:
    text = reference_with(old, new).replace("published: 2023-09-20", "published: 2023-09-01")
    found = [code for _, _, code in codes(text)]
    assert "published-before-meeting" in found and len(found) == 2, found


def test_published_is_not_checked_against_a_start_that_cannot_be_read() -> None:
    text = reference_with("start: 2023-09-20 18:05", "start: 2023-09-20 25:05")
    text = text.replace("published: 2023-09-20", "published: 2023-09-01")
    assert [code for _, _, code in codes(text)] == ["bad-start"]


def test_an_empty_name_is_reported_with_a_missing_title() -> None:
    text = reference_with(
        "    family_name: Kamikawa\n    given_name: Yoko\n    title: Minister for Foreign Affairs of Japan\n",
        "    given_name: Yoko\n",
    )
    found = [(loc, code) for loc, code in ((d.loc, d.code) for d in check_text(text).errors)]
    assert (("principals", 0, "family_name"), "missing-field") in found
    assert (("principals", 0, "title"), "missing-field") in found


# -- 7: one problem, one line ----------------------------------------------------------------


@pytest.mark.parametrize("value", ['"2023-09-20\\nx"', '"2023-09-20\\rx"', '"a\\u2028b"'])
def test_a_value_with_a_line_break_gives_one_output_line(value: str) -> None:
    text = reference_with("published: 2023-09-20", f"published: {value}")
    done = run("validate", "-q", "-", stdin=text)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert all(line.startswith("-:5:12: error: ") for line in lines), lines
    assert any(line.endswith("[bad-date]") for line in lines), lines
    # a carriage return is also a control character: two problems, each on its line
    assert len(lines) == (2 if "\\r" in value else 1)


# -- 9: the smaller ones --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('1: a\n"1": b\n', [(1, "bad-key"), (2, "unknown-field")]),
        ('null: a\n"": b\n', [(1, "bad-key"), (2, "unknown-field")]),
        ('true: a\n"true": b\n', [(1, "bad-key"), (2, "unknown-field")]),
    ],
)
def test_keys_that_differ_in_yaml_are_not_duplicates(text: str, expected: list) -> None:
    found = [(line, code) for line, _, code in codes(text) if code != "missing-field"]
    assert found == expected


def test_the_non_specific_tag_makes_text() -> None:
    assert load_yaml("a: ! 12\nb: ! true\n").data == {"a": "12", "b": "true"}


def test_an_unreal_published_date_is_a_bad_date() -> None:
    text = reference_with("published: 2023-09-20", "published: 2023-02-30")
    [problem] = check_text(text).diagnostics
    assert (problem.line, problem.col, problem.code) == (5, 12, "bad-date")
    assert "'2023-02-30' is not a real date" in problem.message


@pytest.mark.parametrize("old", ["section: Japan-Ukraine Relations", "    title: Minister for Foreign Affairs of Ukraine"])
def test_a_blank_text_is_refused(old: str) -> None:
    name = old.split(":")[0]
    [problem] = check_text(reference_with(old, f"{name}: '   '")).diagnostics
    assert problem.code == "empty-value"
    assert "must not be blank" in problem.message


def test_output_dev_stdout_into_a_pipe(tmp_path: Path) -> None:
    done = shell(f"author render {REFERENCE} --output /dev/stdout | cat", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == SEED.read_text(encoding="utf-8") + "\n"


def test_output_dev_stdout_appends_under_a_shell_append(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("before\n")
    done = shell(f"author render {REFERENCE} --output /dev/stdout >> log.txt", tmp_path)
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8") == "before\n" + SEED.read_text(encoding="utf-8") + "\n"


@pytest.mark.parametrize(
    "command",
    [
        f"author render {REFERENCE} >&-",
        f"author render {REFERENCE} > /dev/full",
        "author schema > /dev/full",
        "printf 'a: 1\\n' | author validate -q - > /dev/full",
        "printf 'a: 1\\n' | author validate --format json - > /dev/full",
        "author validate -q - <&-",
    ],
)
def test_environment_faults_are_one_line_and_exit_2(command: str, tmp_path: Path) -> None:
    if "/dev/full" in command and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    assert_one_line_exit_2(shell(command, tmp_path))


def test_a_huge_max_bytes_reads_stdin_in_chunks(tmp_path: Path) -> None:
    (tmp_path / ".author.toml").write_text("max_bytes = 100000000000000000000\n")
    done = run("validate", "-", cwd=tmp_path, stdin=REFERENCE.read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr


def test_a_control_character_in_a_setting_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".author.toml").write_text('home_label = "\\u001b[31mJST"\n')
    with pytest.raises(ConfigError, match="control character U\\+001B"):
        load_config(tmp_path)


def test_a_tool_authorlint_table_does_not_hide_the_parent_settings(tmp_path: Path) -> None:
    (tmp_path / ".author.toml").write_text('home_label = "Japan time"\n')
    child = tmp_path / "child"
    child.mkdir()
    (child / "pyproject.toml").write_text("[tool.authorlint]\nx = 1\n")
    assert load_config(child).home_label == "Japan time"
    (child / "pyproject.toml").write_text('[tool.author]\nhome_label = "JST"\n')
    assert load_config(child).home_label == "JST"


def test_render_check_names_a_stale_page_once(tmp_path: Path) -> None:
    readout = tmp_path / "kyiv.readout.yaml"
    readout.write_text(REFERENCE.read_text(encoding="utf-8"))
    page = tmp_path / "kyiv.txt"
    page.write_text("stale\n")
    done = run("render", "--check", str(readout), str(page), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("out of date with") == 1, done.stderr
    assert "1 page out of date" in done.stderr


# -- 6: positions of all findings of a text from one pass -----------------------------------


@pytest.mark.parametrize("style", ["folded", "plain", "quoted", "short points"])
def test_every_repeated_warning_points_at_its_own_words(style: str) -> None:
    head = REFERENCE.read_text(encoding="utf-8")
    head = head[: head.index("points:")] + "points:\n"
    sentence = "They met at 9:20am. then"
    if style == "folded":
        body = "  - >-\n" + f"    {sentence} {sentence}\n" * 300
    elif style == "plain":
        body = "  - " + f"{sentence} " * 600 + "\n"
    elif style == "quoted":
        body = '  - "' + f"{sentence} " * 600 + '"\n'
    else:
        body = f"  - {sentence} {sentence}.\n" * 300
    text = head + body
    found = [d for d in check_text(text).diagnostics if d.code == "clock-style"]
    assert len(found) == 600
    lines = text.splitlines()
    places = [(d.line, d.col) for d in found]
    assert len(set(places)) == 600 and places == sorted(places)
    for d in found:
        assert lines[d.line - 1][d.col - 1 :].startswith("9:20am."), (d.line, d.col)


def test_a_warning_split_by_a_line_break_points_at_its_value() -> None:
    text = reference_with(
        "  - >-\n    At the outset,", "  - >-\n    At 9:20am. and at 9:20\n    am. the outset,"
    )
    found = [(d.line, d.col) for d in check_text(text).diagnostics if d.code == "clock-style"]
    # the second is not in the source as one piece: it points at its value
    assert found == [(30, 5), (31, 8)]


# -- 8: what validate reads, now that the schema says the same -------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("published: 2023-09-20", "published: 0", ["wrong-type"]),  # was read as 1970-01-01
        ("duration: 25 min", "duration: 25.0", []),
        ("duration: 25 min", "duration: 25 MIN", []),
        ("duration: 25 min", "duration: ２５ min", ["bad-duration"]),
        ("start: 2023-09-20 18:05", "start: 2023-09-20T18:05", []),
        ("start: 2023-09-20 18:05", "start: ２０２３-09-20 18:05", ["bad-start"]),
        ("section: Japan-Ukraine Relations", "section: 2023", []),
    ],
)
def test_validate_reads_what_the_schema_describes(old: str, new: str, expected: list) -> None:
    assert [code for _, _, code in codes(reference_with(old, new))] == expected


def test_a_word_page_with_a_title_past_255_characters(tmp_path: Path) -> None:
    """Found by the editor key fuzz (F4 export of a pasted long title): exit 3 before."""
    pytest.importorskip("docx")
    text = reference_with("section: Japan-Ukraine Relations", "section: " + "S" * 300)
    readout = tmp_path / "long.readout.yaml"
    readout.write_text(text, encoding="utf-8")
    done = run("render", str(readout), "--format", "docx", "--output", str(tmp_path / "x.docx"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "x.docx").stat().st_size > 0


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_a_point_of_sub_points_only_renders(fmt: str) -> None:
    """Found by the campaign (seed 101, 28 inputs): `{points: [...]}` without text or
    heading, valid in edition 2, stopped the text and Markdown templates."""
    from author.render import render

    text = reference_with("points:\n", "points:\n  - points:\n      - North and South.\n")
    result = check_text(text)
    assert result.readout is not None and not result.errors
    page = render(result.readout, fmt)
    assert "(1) North and South." in page
