"""The space inside a figure, as the scanning layer defines it for every step of the extractor.

A hard wrap ("25\\npercent", "billions of\\ndollars"), a soft hyphen or markdown emphasis ("**52** percent")
may stand wherever a space may; a blank line always ends a figure. Offsets are never changed: the surface
of a figure keeps the line break.
"""
from __future__ import annotations

WS = r"[ \t\u00a0]"  # white space inside a line
#: What stands for a space inside a figure: spaces, tabs, no-break spaces, soft hyphens and markdown emphasis
#: ("**5** percent", "_million_").
SPACE = r"(?:[ \t\u00a0\u00ad]|\*\*|_)"
#: White space inside a figure wherever a space may stand: a run of spaces holding at most one line break (a
#: hard wrap: "25\npercent", "billions of\ndollars"); a blank line always ends a figure. GAP may be empty.
GAP = rf"(?:{SPACE}*+(?:\n{SPACE}*+)?)"
GAP1 = rf"(?:{SPACE}++(?:\n{SPACE}*+)?|\n{SPACE}*+)"
