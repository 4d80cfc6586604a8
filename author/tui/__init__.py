"""The terminal editor (Textual). Only this package imports Textual."""

import os

# Textual paints at most TEXTUAL_FPS frames a second (60 by default), on a timer that
# runs only while something is to be painted. A key's echo takes one frame and its
# preview the next; a frame that comes late (the echo's: the timer was idle) sets the
# next one a slot further, so the preview waited one to two frame times after the echo:
# up to 33 ms at Textual's 60, 17 ms at 120, 8 ms at 240 (bench/bench_tui.py: the
# keystroke's median at 30 points went from 27 to 18 ms). Frames are painted only for
# what changed, so a higher rate costs nothing while nothing moves. Set here, before
# Textual is imported (it reads the variable once); a TEXTUAL_FPS the user sets wins.
os.environ.setdefault("TEXTUAL_FPS", "240")
