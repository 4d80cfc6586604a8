"""The commented starter readout that `author new` writes."""

from __future__ import annotations

from author.resources import resource_dir

STARTER = """\
# yaml-language-server: $schema={schema}
# A readout holds facts; author writes the sentences. Fill in every empty field, then run
#   author validate THIS_FILE      (lists every problem with its line)
#   author render THIS_FILE        (prints the page)
version: 1
section:                 # the page's section, e.g. Japan-Ukraine Relations
published:               # the date line, YYYY-MM-DD; empty: the meeting's local date
photos: []               # photo captions, one per line: - Two Ministers who shake hands

meeting:
  kind: meeting          # meeting, summit_meeting, telephone_talk, video_conference,
                         # courtesy_call_paid, courtesy_call_received, working_lunch,
                         # working_dinner
  start:                 # local start where our side is: YYYY-MM-DD HH:MM (24-hour clock),
                         # or YYYY-MM-DD when the time is not published
  timezone: Asia/Tokyo   # IANA zone of start, e.g. America/New_York; the Japan time is derived
  duration:              # 25 min, 1 h, 1 h 30 min, or minutes (empty: no duration)
  approximate: true      # "for approximately 25 minutes"
  around: false          # "commencing at around 9:00 a.m."

principals:              # our side: the subject of the lead sentence
  - honorific: Mr.       # Mr., Ms., Dr., ...
    family_name:         # written in capitals by the house style: KAMIKAWA
    given_name:
    title:               # e.g. Minister for Foreign Affairs of Japan
    # context: who is visiting New York to attend ...

counterparts:            # the other side
  - honorific: H.E. Mr.
    given_name:
    family_name:
    title:               # e.g. Minister for Foreign Affairs of Ukraine

points:                  # the numbered points, as you want them printed
  - >-
"""


def starter_text() -> str:
    try:
        schema = (resource_dir("schemas") / "readout.schema.json").as_posix()
    except FileNotFoundError:
        schema = "readout.schema.json"
    return STARTER.format(schema=schema)
