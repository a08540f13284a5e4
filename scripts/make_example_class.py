"""Write lesson 06's invented class: data/clase_ejemplo.csv and the empty data/plantilla_clase.csv.

A class of 24 invented aliases (animals and colours, nobody real) measured three times, three
weeks apart, as a Google Forms export in Spanish shows it: a first column "Marca temporal"
(day first), the pillars by their full course names, decimal commas inside quotes. Three rows
are broken on purpose (an empty pillar, a pillar out of range, a word instead of a number), so
the lesson can show how ``read_class`` sets them aside. Run from the repository root:

    .venv/bin/python scripts/make_example_class.py
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = 2025
START = datetime(2025, 2, 3, 10, 0)
MEASUREMENTS = 3  # weeks 0, 3 and 6
ANIMALS = ["lince", "nutria", "garza", "zorro", "tejon", "colibri", "delfin", "puma", "ciervo", "halcon",
           "erizo", "foca"]
COLOURS = ["azul", "ocre"]
HEADER = ["Marca temporal", "Alias", "Establecer tu marca profesional", "Encontrar a las personas adecuadas",
          "Interactuar ofreciendo información", "Construir relaciones"]
TEMPLATE = ["Marca temporal", "Alias", "Marca", "Personas", "Información", "Relaciones"]


def _comma(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def rows() -> list[list[str]]:
    rng = random.Random(SEED)
    students = [f"{a}_{c}" for c in COLOURS for a in ANIMALS]
    start = {s: [rng.uniform(6, 15), rng.uniform(4, 12), rng.uniform(2, 9), rng.uniform(5, 14)] for s in students}
    gain = {s: rng.uniform(0.0, 1.0) for s in students}  # how much of the weekly work each person did
    out = []
    for m in range(MEASUREMENTS):
        day = START + timedelta(weeks=3 * m)
        for i, s in enumerate(students):
            if m > 0 and rng.random() < 0.12:
                continue  # some people skip a measurement
            pillars = [min(25.0, v + m * gain[s] * rng.uniform(0.4, 1.6)) for v in start[s]]
            when = day + timedelta(minutes=7 * i + rng.randint(0, 5), seconds=rng.randint(0, 59))
            stamp = f"{when.day}/{when.month}/{when.year} {when:%H:%M:%S}"
            out.append([stamp, s, *(_comma(v) for v in pillars)])
    # Broken on purpose: what a real form export holds now and then.
    out[4][3] = ""           # an empty pillar
    out[9][2] = "31"         # out of range (a pillar goes from 0 to 25)
    out[15][5] = "diez"      # a word instead of a number
    return out


def main() -> None:
    with open(DATA / "clase_ejemplo.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows())
    with open(DATA / "plantilla_clase.csv", "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";", lineterminator="\r\n").writerow(TEMPLATE)


if __name__ == "__main__":
    main()
