"""The terminal editor (Textual). Only this package imports Textual."""

import os

# Textual paints at most TEXTUAL_FPS frames a second (60 by default). A key's echo takes
# one frame and the preview of its check the next, so a key waited up to 17 ms for the
# frame of its preview; 120 halves that wait. Set here, before Textual is imported (it
# reads the variable once); a TEXTUAL_FPS the user sets wins.
os.environ.setdefault("TEXTUAL_FPS", "120")
