"""The commented starter readout that `author new [--kind KIND]` writes."""

from __future__ import annotations

import os
from pathlib import Path

KIND_COMMENT = """\
                         # meeting, summit_meeting, telephone_talk, video_conference,
                         # courtesy_call_paid, courtesy_call_received, working_lunch,
                         # working_dinner, informal_talk, summit_telephone_talk,
                         # strategic_dialogue"""

HEAD = """\
{schema_line}
# A readout holds facts; author writes the sentences. Fill in every empty field, then run
#   author validate THIS_FILE      (lists every problem with its line)
#   author render THIS_FILE        (prints the page)
version: 1
section:                 # the page's section, e.g. Japan-Ukraine Relations
# title:                 # the page heading, printed under the section line
published:               # the date line, YYYY-MM-DD; empty: the meeting's local date
photos: []               # photo captions, one per line: - Two Ministers who shake hands

meeting:
  kind: {kind}
{kind_comment}
"""

NAME = """\
  # name:                # the meeting's own name, without "a"/"the", e.g.
                         # Japan-Philippines Foreign Ministers’ Meeting
"""

ROLE = """\
  # role: hosted         # a multilateral meeting: hosted, chaired, co_chaired, attended or
                         # participated; needs name; counterparts may then be left out
  # note: (Foreign Ministers of the G7 countries attended.)   # after the closing
"""

TIMES = """\
  start:                 # local start where our side is: YYYY-MM-DD HH:MM (24-hour clock),
                         # or YYYY-MM-DD when the time is not published
  timezone: Asia/Tokyo   # IANA zone of start, e.g. America/New_York; the Japan time is derived
  duration:              # 25 min, 1 h, 1 h 30 min, or minutes (empty: no duration)
  approximate: true      # "for approximately 25 minutes"
  around: false          # "commencing at around 9:00 a.m."
"""

FOLLOW_ON = """\
  # followed_by:         # what followed on the same occasion, each with its own time
  #   - kind: working_dinner   # working_lunch, working_dinner, meeting, dinner, lunch,
  #                            # joint_press_conference, signing_ceremony
  #     start: "19:30"         # HH:MM on the meeting's day, or YYYY-MM-DD HH:MM
  #     duration: 90 min
"""

PRINCIPALS = """\

principals:              # our side: the subject of the lead sentence
  - honorific: Mr.       # Mr., Ms., Dr., ...
    family_name:         # written in capitals by the house style: KAMIKAWA
    given_name:
    title:               # e.g. Minister for Foreign Affairs of Japan
    # context: who is visiting New York to attend ...
"""

COUNTERPARTS = """\

counterparts:            # the other side
  - honorific: H.E. Mr.
    given_name:
    family_name:
    title:               # e.g. Minister for Foreign Affairs of Ukraine
"""

GROUP = """\
  # - group: the Ambassadors of the Latin American and Caribbean countries to Japan
  #                      # a group, printed as written, in place of a titled person
"""

POINTS = """\

points:                  # the numbered points, as you want them printed
  - >-
"""

# What each kind uses, beyond format 1: a name, a role (multilateral meetings), follow-ons,
# a group counterpart. The default `author new` is the `meeting` starter.
USES = {
    "meeting": {"name", "role", "follow_on", "group"},
    "summit_meeting": {"name", "role", "follow_on"},
    "telephone_talk": {"name"},
    "video_conference": {"name", "role", "group"},
    "courtesy_call_paid": {"group"},
    "courtesy_call_received": {"group"},
    "working_lunch": {"name"},
    "working_dinner": {"name"},
    "informal_talk": {"name"},
    "summit_telephone_talk": {"name"},
    "strategic_dialogue": {"name", "follow_on"},
}
DEFAULT_KIND = "meeting"


SCHEMA_NAME = "readout.schema.json"
NO_SCHEMA = (
    "# (for completion and checks as you type: author schema --output readout.schema.json,\n"
    "#  commit it, and start this file with  # yaml-language-server: $schema=readout.schema.json)"
)


def schema_line(folder: Path) -> str:
    """The schema line for a readout in `folder`: a relative path to the schema committed
    nearest to it (`readout.schema.json` or `schemas/readout.schema.json`, in the folder or
    one above it), which works for everyone who checks the file out; without one, how to
    add it. Never a path of this machine's installation."""
    folder = folder.resolve()
    for place in (folder, *folder.parents):
        for candidate in (place / SCHEMA_NAME, place / "schemas" / SCHEMA_NAME):
            if candidate.is_file():
                relative = Path(os.path.relpath(candidate, folder)).as_posix()
                return f"# yaml-language-server: $schema={relative}"
    return NO_SCHEMA


def starter_text(kind: str = DEFAULT_KIND, folder: Path | None = None) -> str:
    """The starter for `kind` (one of the format's meeting kinds, see `USES`), for a file
    in `folder` (default: the current folder)."""
    uses = USES[kind]
    text = HEAD.format(
        schema_line=schema_line(folder or Path.cwd()), kind=kind, kind_comment=KIND_COMMENT
    )
    if "name" in uses:
        text += NAME
    if "role" in uses:
        text += ROLE
    text += TIMES
    if "follow_on" in uses:
        text += FOLLOW_ON
    text += PRINCIPALS + COUNTERPARTS
    if "group" in uses:
        text += GROUP
    return text + POINTS
