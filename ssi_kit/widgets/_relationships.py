"""``relationship_tracker``: the learner's contacts on the ladder, saved to their file, the funnel updated in place."""

from __future__ import annotations

import html
from os import PathLike
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .._i18n import plural, tr
from ..errors import SSIInputError, SSITypeError
from ..plots import plot_funnel
from ..plots._relationships import update_funnel_figure
from ..relationships import (
    STAGES,
    add_contact,
    has_contact,
    load_tracker,
    remove_contact,
    save_tracker,
    suggest_next_steps,
    tracker_path,
    update_contact,
)
from ._display import live_figure
from ._feedback import error_html

__all__ = ["RelationshipTracker", "relationship_tracker"]


class RelationshipTracker(widgets.VBox):
    """The tracker's box; its controls, table and figure are attributes, so tests can drive them.

    Attributes
    ----------
    tracker : DataFrame
        The contacts as they are in the file at ``path`` (read again after each save, so
        contacts another window saved show up too).
    path : ipywidgets.Text
        The file; change it to load (and from then on save to) another one.
    name, last_interaction, next_step : ipywidgets.Text
    stage : ipywidgets.Dropdown
        The ladder's stages (labels shown, keys as values).
    contacts : ipywidgets.Select
        Choose someone to fill the fields with their row.
    save_button, remove_button : ipywidgets.Button
    table : ipywidgets.HTML
        Each contact with their stage and suggested next step.
    message : ipywidgets.HTML
        What was saved, or (in red) what went wrong.
    figure : plotly.graph_objects.FigureWidget
        The funnel of contacts per stage.
    """

    def __init__(self, path: Path) -> None:
        wide = widgets.Layout(width="36em")
        style = {"description_width": "11em"}
        self.path = widgets.Text(value=str(path), description=tr("Archivo", "File"), style=style,
                                 layout=widgets.Layout(width="48em"), continuous_update=False)
        self.name = widgets.Text(description=tr("Nombre", "Name"), placeholder=tr("Ana Ruiz", "Ana Ruiz"),
                                 style=style, layout=wide)
        self.stage = widgets.Dropdown(options=[(s.label, s.key) for s in STAGES], value=STAGES[0].key,
                                      description=tr("Etapa", "Stage"), style=style, layout=wide)
        self.last_interaction = widgets.Text(description=tr("Última interacción", "Last interaction"),
                                             placeholder=tr("dd/mm/aaaa", "dd/mm/yyyy"), style=style, layout=wide)
        self.next_step = widgets.Text(description=tr("Siguiente paso", "Next step"),
                                      placeholder=tr("vacío: te sugiero uno", "empty: one is suggested"),
                                      style=style, layout=wide)
        self.save_button = widgets.Button(description=tr("Añadir o actualizar", "Add or update"),
                                          button_style="primary", layout=widgets.Layout(width="14em"))
        self.remove_button = widgets.Button(description=tr("Quitar", "Remove"), button_style="warning",
                                            layout=widgets.Layout(width="9em"))
        self.contacts = widgets.Select(options=[], description=tr("Tus contactos", "Your contacts"), rows=6,
                                       style=style, layout=wide)
        self.table = widgets.HTML()
        self.message = widgets.HTML()
        self.tracker = load_tracker(path)
        self.figure = live_figure(plot_funnel(self.tracker))
        self._refresh(tr("Leído de {p}.", "Read from {p}.", p=path) if len(self.tracker) else "")
        super().__init__([
            self.path, self.name, self.stage, self.last_interaction, self.next_step,
            widgets.HBox([self.save_button, self.remove_button]), self.message, self.contacts, self.table,
            self.figure,
        ])
        self.add_class("ssi-relationship-tracker")  # a stable handle for browser tests and styling
        self.save_button.on_click(lambda _b: self.add())
        self.remove_button.on_click(lambda _b: self.remove())
        self.contacts.observe(self._on_select, names="value")
        self.path.observe(self._on_path, names="value")

    # --- actions --------------------------------------------------------------------------
    def add(self) -> None:
        """Add the person in the fields, or update them if already there; save; redraw."""
        name = self.name.value
        try:
            if name.strip() and has_contact(self.tracker, name):
                changed = update_contact(self.tracker, name, stage=self.stage.value,
                                         last_interaction=self.last_interaction.value or None,
                                         next_step=self.next_step.value)
            else:
                changed = add_contact(self.tracker, name, stage=self.stage.value,
                                      last_interaction=self.last_interaction.value or None,
                                      next_step=self.next_step.value or None)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self._save(changed)

    def remove(self) -> None:
        """Remove the person named in the fields; save; redraw."""
        try:
            changed = remove_contact(self.tracker, self.name.value)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        if self._save(changed):
            self.name.value = ""

    def _save(self, changed: Any) -> bool:
        """Save ``changed`` and show the file as it is now, with what other windows saved; False if it failed."""
        try:
            saved = save_tracker(changed, path=self.path.value)
            self.tracker = load_tracker(saved)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return False
        self._refresh(tr("Guardado en {p}.", "Saved to {p}.", p=saved))
        return True

    # --- observers ------------------------------------------------------------------------
    def _on_select(self, change: dict[str, Any]) -> None:
        chosen = change["new"]
        if not chosen:
            return
        row = self.tracker[self.tracker["name"] == chosen].iloc[0]
        self.name.value = row["name"]
        self.stage.value = row["stage"]
        last = row["last_interaction"]
        self.last_interaction.value = "" if last != last else last.strftime("%d/%m/%Y")
        self.next_step.value = row["next_step"] or ""

    def _on_path(self, _change: object) -> None:
        try:
            self.tracker = load_tracker(self.path.value)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self._refresh(tr("Leído de {p}.", "Read from {p}.", p=self.path.value) if len(self.tracker)
                      else tr("{p} todavía no existe: se creará al añadir a alguien.",
                              "{p} does not exist yet: it is created when you add someone.", p=self.path.value))

    def _refresh(self, said: str) -> None:
        """Show the tracker: list, table, funnel (in place) and a message."""
        self.contacts.options = list(self.tracker["name"])
        self.contacts.value = None
        self.table.value = _table_html(self.tracker)
        update_funnel_figure(self.figure, self.tracker)
        self.message.value = html.escape(said)


def _table_html(tracker: Any) -> str:
    if tracker.empty:
        return tr("<i>Todavía no hay nadie: escribe un nombre, elige su etapa y pulsa «Añadir o actualizar».</i>",
                  "<i>Nobody yet: type a name, choose their stage and press 'Add or update'.</i>")
    rows = suggest_next_steps(tracker)
    labels = {s.key: s.label for s in STAGES}
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(h)}</th>" for h in (
        tr("Nombre", "Name"), tr("Etapa", "Stage"), tr("Última interacción", "Last interaction"),
        tr("Siguiente paso", "Next step")))
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px;white-space:normal'>{html.escape(str(v))}</td>" for v in (
            name, labels[stage], "" if last != last else last.strftime("%d/%m/%Y"), suggested)) + "</tr>"
        for name, stage, last, suggested in zip(rows["name"], rows["stage"], rows["last_interaction"],
                                                rows["suggested"]))
    count = plural(len(rows), "persona", "personas", "person", "people")
    return f"<b>{html.escape(count)}</b><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def relationship_tracker(path: str | PathLike[str] | None = None) -> RelationshipTracker:
    """Track your relationships: name, stage, last interaction and next step, saved to your file.

    Each "Añadir o actualizar" or "Quitar" saves that change (one transaction, merged with
    what another window or lesson saved meanwhile: nobody is lost), reads the file again and
    updates the funnel in place. Nothing is written until you add someone.

    Parameters
    ----------
    path : path, optional
        Your file; by default ``relaciones.sqlite`` in your user data folder
        (:func:`ssi_kit.relationships.tracker_path`). An existing file is loaded; a ``.csv``
        is read as an import, and saving asks for an ``.sqlite`` file.

    Returns
    -------
    RelationshipTracker
        A box of widgets; leave it as a cell's last value to show it.

    Raises
    ------
    SSIInputError
        If the file exists and is not a tracker.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> w = relationship_tracker(pathlib.Path(tempfile.mkdtemp()) / "relaciones.sqlite")
    >>> w.name.value, w.stage.value = "Ana Ruiz", "colaboracion"
    >>> w.add()
    >>> list(w.figure.data[0].x)
    [0, 0, 0, 1, 0, 0]
    """
    target = tracker_path() if path is None else path
    load_tracker(target)  # validate before building widgets
    return RelationshipTracker(Path(target))
