"""Your one-page personal plan: one HTML file to keep, print on A4 or open without internet.

:func:`report` gathers what the lessons built for you (your SSI and its weakest pillar, a
plan of weekly actions and its projection, your relationship pyramid and, with your
LinkedIn export, who could introduce you to whom) into a single standalone file. The file
holds its own copy of plotly.js (once, for every chart): opening it requests nothing from
any server, and your data never leaves your machine. It is written whole or not at all.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._checks import check_destination, check_flag, check_type
from ._i18n import format_date, format_number, format_thousands, plural, tr
from ._weeks import PLAN_WEEKS
from .errors import SSITypeError
from .safe_csv import write_atomically
from .score import PILLARS, SSI, SSIProfile, as_ssi, pillar_label

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

    from .simulation import BestPlan

__all__ = ["DEFAULT_CONNECTIONS", "RECOMMENDED_ACTIONS", "report"]

RECOMMENDED_ACTIONS = 3
"""How many of :func:`~ssi_kit.simulation.recommend`'s first actions make the plan when none is given."""
DEFAULT_CONNECTIONS = 500
"""First-degree connections of the pyramid when no export is given (the example of lesson 03)."""

_FIGURE_WIDTH = 700  # px: an A4 page (210 mm) minus 12 mm margins each side is about 703 px at 96 dpi
_TOP_COMPANIES = 5
_NAMES_PER_COMPANY = 3

_CSS = """
:root { --blue: #0072B2; --grey: #5f5f5f; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d1d1d;
       max-width: 760px; margin: 24px auto; padding: 0 16px; line-height: 1.45; font-size: 15px; }
h1 { color: var(--blue); font-size: 26px; margin: 0 0 4px; }
h2 { color: var(--blue); font-size: 19px; margin: 22px 0 6px; border-bottom: 2px solid #d9e6f0; }
.meta, .note { color: var(--grey); font-size: 13px; }
.headline { font-size: 17px; }
table { border-collapse: collapse; margin: 8px 0; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f6f9; }
td.num, th.num { text-align: right; white-space: nowrap; }
.figure { width: 700px; max-width: 100%; margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
section { break-inside: auto; }
h2 { break-after: avoid; page-break-after: avoid; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 12px; }
  h1 { font-size: 22px; }
  h2 { font-size: 16px; margin-top: 14px; }
  .figure { width: 186mm; }
  table, tr { break-inside: avoid; page-break-inside: avoid; }
}
"""


# --- checks --------------------------------------------------------------------------------
def _plan_and_projection(ssi: SSI, plan: object) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The plan's actions (``plan_actions``' table) and its projection with a band."""
    from .actions import plan_actions
    from .simulation import BestPlan, recommend, simulate

    weeks = PLAN_WEEKS
    ids: Any
    if plan is None:
        ids = recommend(ssi)["id"].head(RECOMMENDED_ACTIONS).tolist()
    elif isinstance(plan, BestPlan):
        ids, weeks = list(plan.actions), plan.weeks
    elif isinstance(plan, str) or isinstance(plan, Iterable):
        ids = plan
    else:
        raise SSITypeError(
            tr("«actions» debe ser un BestPlan, una lista de acciones o None; recibido {kind}.",
               "'actions' must be a BestPlan, a list of actions or None; received {kind}.", kind=type(plan).__name__),
            field="actions", received=plan,
            hint=tr('Por ejemplo actions=ssi_kit.best_plan(mi_ssi, 120) o actions=["publicar", "grupos"].',
                    'For example actions=ssi_kit.best_plan(my_ssi, 120) or actions=["publicar", "grupos"].'),
        )
    table = plan_actions(ids)
    projection = simulate(ssi, table["id"].tolist(), weeks=weeks, band=True)
    return table, projection, weeks


# --- the HTML -------------------------------------------------------------------------------
def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _table(headers: Sequence[tuple[str, bool]], rows: Sequence[Sequence[tuple[object, bool]]]) -> str:
    """An HTML table of escaped cells; ``True`` marks a number (aligned right)."""
    head = "".join(f'<th class="num">{_e(h)}</th>' if num else f"<th>{_e(h)}</th>" for h, num in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{_e(v)}</td>' if num else f"<td>{_e(v)}</td>" for v, num in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure_html(fig: go.Figure, index: int, height: int) -> str:
    # Each chart keeps its own margins (room for its notes and legend); only its size and fonts shrink to fit A4.
    fig.update_layout(width=_FIGURE_WIDTH, height=height, font_size=12, title_font_size=15)
    div = fig.to_html(
        full_html=False, include_plotlyjs=False, include_mathjax=False, div_id=f"ssi-report-figure-{index}",
        config={"displayModeBar": False, "responsive": False, "staticPlot": False},
        default_width=f"{_FIGURE_WIDTH}px", default_height=f"{height}px",
    )
    return f'<div class="figure">{div}</div>'


def _ssi_section(ssi: SSI, profile: SSIProfile | None) -> str:
    weakest = ssi.weakest
    lines = [
        '<p class="headline">' + _e(tr(
            "Tu SSI hoy: {total} de 100 ({exact}), nivel {level}.",
            "Your SSI today: {total} of 100 ({exact}), level {level}.",
            total=ssi.rounded_total, exact=format_number(ssi.total), level=ssi.level_label)) + "</p>",
        "<p>" + _e(tr(
            "Tu pilar más débil es «{name}» ({score} de 25): ahí empieza tu plan.",
            "Your weakest pillar is '{name}' ({score} of 25): your plan starts there.",
            name=pillar_label(weakest, full=True), score=format_number(getattr(ssi, weakest)))) + "</p>",
    ]
    rows = [[(pillar_label(p, full=True), False), (format_number(getattr(ssi, p)), True),
             (format_number(ssi.headroom[p]), True)] for p in PILLARS]
    lines.append(_table([(tr("Pilar", "Pillar"), False), (tr("Puntos (de 25)", "Points (of 25)"), True),
                         (tr("Margen hasta 25", "Room up to 25"), True)], rows))
    if profile is not None:
        for name, group in ((tr("tu sector", "your industry"), profile.industry),
                            (tr("tu red", "your network"), profile.network)):
            if group is not None:
                text = tr("SSI medio de {name}: {overall}.", "Average SSI of {name}: {overall}.",
                          name=name, overall=format_number(group.overall))
                if group.top_percent is not None:
                    text += tr(" Estás en el Top {top} %.", " You are in the top {top}%.",
                               top=format_number(group.top_percent, 2))
                lines.append(f'<p class="note">{_e(text)}</p>')
    return "\n".join(lines)


def _plan_section(table: pd.DataFrame, projection: pd.DataFrame, weeks: int, given: bool) -> str:
    from .actions import plan_minutes

    totals = projection[projection["pillar"] == "total"].sort_values("week")
    start, end = float(totals["score"].iloc[0]), float(totals["score"].iloc[-1])
    minutes = plan_minutes(table["id"].tolist(), weeks=weeks) if len(table) else 0
    lines = ["<p>" + _e(tr(
        "Tu objetivo: pasar de {start} a unos {end} puntos en {weeks} semanas, con {minutes} minutos por semana.",
        "Your target: from {start} to about {end} points in {weeks} weeks, with {minutes} minutes a week.",
        start=format_number(start, 1), end=format_number(end, 1), weeks=weeks,
        minutes=format_thousands(minutes))) + "</p>"]
    if "low" in totals and "high" in totals:
        lines.append('<p class="note">' + _e(tr(
            "Si tus acciones rinden más o menos de lo previsto, lo probable es acabar entre {low} y {high}. "
            "Es un modelo orientativo de ssi-kit, no la fórmula de LinkedIn.",
            "If your actions pay off more or less than expected, you will likely end between {low} and {high}. "
            "It is ssi-kit's rough model, not LinkedIn's formula.",
            low=format_number(float(totals["low"].iloc[-1]), 1),
            high=format_number(float(totals["high"].iloc[-1]), 1))) + "</p>")
    if not given:
        lines.append('<p class="note">' + _e(tr(
            "No indicaste un plan: estas son las primeras acciones que el curso recomienda para tu pilar más débil.",
            "You gave no plan: these are the first actions the course recommends for your weakest pillar.")) + "</p>")
    if len(table):
        rows = [[(label, False), (pillar, False), (kind, False), (format_thousands(int(minutes)), True)]
                for label, pillar, kind, minutes in zip(table["label"].tolist(), table["pillar"].tolist(),
                                                        table["kind"].tolist(), table["minutes"].tolist())]
        lines.append(_table([(tr("Acción", "Action"), False), (tr("Pilar", "Pillar"), False),
                             (tr("Frecuencia", "How often"), False), (tr("Minutos", "Minutes"), True)], rows))
    else:
        lines.append("<p>" + _e(tr("Tu plan no tiene acciones: según el modelo de ssi-kit, sin actividad los pilares "
                                   "bajan poco a poco.",
                                   "Your plan has no actions: in ssi-kit's model, without activity the pillars "
                                   "slowly fade.")) + "</p>")
    return "\n".join(lines)


def _full_name(first: Any, last: Any) -> str:
    import pandas as pd

    parts = [str(p).strip() for p in (first, last) if p is not None and not pd.isna(p) and str(p).strip()]
    return " ".join(parts)


def _network_section(connections: pd.DataFrame) -> str:
    from .linkedin_export import is_decision_maker, network_summary

    summary = network_summary(connections, top=_TOP_COMPANIES)
    lines = ["<p>" + _e(summary.describe()) + "</p>"]
    if not len(summary.top_companies):
        return "\n".join(lines)
    lines.append("<p>" + _e(tr(
        "Quién puede presentarte: tus contactos en estas empresas conocen a sus compañeros. Pídeles que te "
        "presenten a quien decide allí (primero, quienes ya tienen un cargo con poder de decisión).",
        "Who could introduce you: your connections at these companies know their colleagues. Ask them to introduce "
        "you to whoever decides there (first, those who already hold a decision-making title).")) + "</p>")
    companies = connections["company"].astype("string").str.strip()
    deciders = is_decision_maker(connections["position"]).to_numpy()
    has_names = "first_name" in connections.columns or "last_name" in connections.columns
    rows = []
    for company, count in zip(summary.top_companies["company"], summary.top_companies["connections"]):
        here = (companies == company).fillna(False).to_numpy(dtype=bool)
        row: list[tuple[object, bool]] = [(company, False), (format_thousands(int(count)), True),
                                          (format_thousands(int((here & deciders).sum())), True)]
        if has_names:
            chosen = connections[here].assign(_decides=deciders[here])
            chosen = chosen.sort_values("_decides", ascending=False, kind="stable").head(_NAMES_PER_COMPANY)
            names = [_full_name(r.get("first_name"), r.get("last_name")) for _, r in chosen.iterrows()]
            row.append((", ".join(n for n in names if n) or "—", False))
        rows.append(row)
    headers = [(tr("Empresa", "Company"), False), (tr("Contactos", "Connections"), True),
               (tr("Con poder de decisión", "Decision makers"), True)]
    if has_names:
        headers.append((tr("Pueden presentarte", "Could introduce you"), False))
    lines.append(_table(headers, rows))
    return "\n".join(lines)


def _document(title: str, sections: list[tuple[str, str]], figures_js: str) -> str:
    today = _dt.date.today()
    made = tr("Creado el {d} con ssi-kit. Este archivo está solo en tu equipo.",
              "Made on {d} with ssi-kit. This file lives only on your computer.", d=format_date(today))
    body = "\n".join(f"<section><h2>{_e(head)}</h2>\n{content}</section>" for head, content in sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{tr("es", "en")}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n"
        f'<script type="text/javascript">window.PlotlyConfig = {{MathJaxConfig: "local"}};</script>\n'
        f'<script type="text/javascript">{figures_js}</script>\n</head>\n<body>\n'
        f"<h1>{_e(title)}</h1>\n<p class=\"meta\">{_e(made)}</p>\n{body}\n</body>\n</html>\n"
    )


def report(
    profile_or_ssi: SSI | SSIProfile | str,
    *,
    actions: BestPlan | Iterable[str] | str | None = None,
    connections: pd.DataFrame | None = None,
    dest: str | PathLike[str],
    overwrite: bool = False,
) -> Path:
    """Write your one-page personal plan: one HTML file to keep, print on A4 or open offline.

    In Spanish (or the current language): your SSI now and its weakest pillar, your target
    and weekly actions, the projection week by week, your relationship pyramid and, with
    your LinkedIn export, a short summary of your network and who could introduce you to
    whom. The file carries its own copy of plotly.js (once, for every chart), so it opens
    without internet and requests nothing from any server; it is written whole or not at
    all, and stays on your machine.

    Parameters
    ----------
    profile_or_ssi : SSI, SSIProfile or str
        Your SSI (text such as ``"12,5; 8; 5,25; 10"`` too); a profile from
        :func:`ssi_kit.read_linkedin_ssi` adds your industry and network averages.
    actions : BestPlan, list of action ids or None
        Your weekly actions: :func:`ssi_kit.best_plan`'s result or ids from
        :func:`ssi_kit.load_actions`. None: :func:`ssi_kit.recommend`'s first three actions.
        The projection covers the plan's weeks (26 for a list of ids).
    connections : DataFrame, optional
        The table from :func:`ssi_kit.read_connections`: its size draws your pyramid (500
        connections otherwise) and adds who could introduce you, by company.
    dest : path
        Where to write the file; it must end in ``.html``.
    overwrite : bool, default False
        Replace ``dest`` if it already exists.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    SSIInputError
        If ``dest`` does not end in ``.html``, exists (without ``overwrite``), or cannot be
        written; an unknown action id; a table without the export's columns.
    SSITypeError
        If an argument has a type that cannot be used (a number as ``dest``, say).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from ssi_kit import SSI
    >>> out = report(SSI(12.5, 8, 5.25, 10), dest=pathlib.Path(tempfile.mkdtemp()) / "mi_plan.html")
    >>> out.name, "Tu pilar más débil" in out.read_text(encoding="utf-8")
    ('mi_plan.html', True)
    """
    overwrite = check_flag(overwrite, name="overwrite")
    target = check_destination(dest, name="dest", overwrite=overwrite, suffixes=(".html", ".htm"),
                               example=tr('dest="mi_plan.html"', 'dest="my_plan.html"'))
    given = os.fspath(dest)  # checked just above
    ssi = as_ssi(profile_or_ssi, name="profile_or_ssi")
    profile = profile_or_ssi if isinstance(profile_or_ssi, SSIProfile) else None
    if connections is not None:
        import pandas as pd

        check_type(connections, pd.DataFrame, name="connections",
                   expected=tr("la tabla de read_connections (un DataFrame) o None",
                               "the table from read_connections (a DataFrame) or None"),
                   hint=tr("Léela con ssi_kit.read_connections(ruta).", "Read it with ssi_kit.read_connections(path)."))
    table, projection, weeks = _plan_and_projection(ssi, actions)

    from .network import MAX_CONNECTIONS, describe_pyramid, pyramid
    from .plots import inline_plotlyjs, plot_pyramid, plot_ssi, plot_trajectory

    network_html = _network_section(connections) if connections is not None else ""
    count = min(len(connections), MAX_CONNECTIONS) if connections is not None else 0
    degrees = pyramid(count or DEFAULT_CONNECTIONS)
    if count:
        pyramid_note = tr("Con los {n} de tu exportación y los supuestos de la lección 03.",
                          "With the {n} in your export and lesson 03's assumptions.",
                          n=plural(count, "contacto", "contactos", "connection", "connections"))
    else:
        pyramid_note = tr("Un ejemplo con {n} contactos (pasa connections= con tu exportación para ver la tuya).",
                          "An example with {n} connections (pass connections= with your export to see yours).",
                          n=format_thousands(DEFAULT_CONNECTIONS))

    figures = [
        _figure_html(plot_ssi(profile if profile is not None else ssi), 0, 380),
        _figure_html(plot_trajectory(projection), 1, 400),
        _figure_html(plot_pyramid(degrees, log=True), 2, 330),
    ]
    sections = [
        (tr("1. Tu SSI hoy", "1. Your SSI today"), _ssi_section(ssi, profile) + figures[0]),
        (tr("2. Tu objetivo y tus acciones de cada semana", "2. Your target and your weekly actions"),
         _plan_section(table, projection, weeks, actions is not None)),
        (tr("3. Tu proyección", "3. Your projection"), figures[1]),
        (tr("4. Tu pirámide de relación", "4. Your relationship pyramid"),
         "<p>" + _e(describe_pyramid(degrees)) + f'</p><p class="note">{_e(pyramid_note)}</p>' + figures[2]),
    ]
    if connections is not None:
        sections.append((tr("5. Tu red y quién puede presentarte", "5. Your network and who could introduce you"),
                         network_html))
    document = _document(tr("Mi plan personal de SSI", "My personal SSI plan"), sections, inline_plotlyjs())
    write_atomically(target, given, lambda file: file.write(document))
    return target

