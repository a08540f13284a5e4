"""The colours every picture and message of ssi-kit shares (figures, widgets, exercise feedback).

A module of its own, with no imports, so exercise feedback gets its colours without loading plotly.
"""

from __future__ import annotations

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
PINK = "#CC79A7"
SKY = "#56B4E9"
VERMILION = "#D55E00"
YELLOW = "#F0E442"
GREY = "#7F7F7F"
PALETTE = (BLUE, ORANGE, GREEN, PINK, SKY, VERMILION, YELLOW)
ERROR_COLOR = VERMILION  # messages about a mistake, in widgets and exercises
PILLAR_COLORS = {"brand": BLUE, "people": ORANGE, "insights": GREEN, "relationships": PINK}
