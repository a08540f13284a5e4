"""``tus_datos``: the panel at the top of every lesson that says whose data the lesson uses.

It says «Estás usando tus datos» or «Estás usando el ejemplo» and where the data is. «Cambiar
mis datos» opens the boxes: the four pillars (``12,5`` works), the date, the averages of your
industry and network with your «Top %», the text of linkedin.com/sales/ssi pasted or its JSON
dropped, your number of connections, and your LinkedIn export (the ``.zip`` as LinkedIn sends
it, or its CSVs). «Usar estos datos» makes them the lesson's; with «Guardar en este equipo»
they are also kept for every lesson (:mod:`ssi_kit.profile`). «Olvidar mis datos» deletes it all.

``panel.value`` is the data the lesson uses (yours, with the example where you gave nothing):
outputs built with :func:`~ssi_kit.widgets.follow` follow it. Each time a page shows the panel
it reads the saved data again, so a lesson opened long ago (or a Voilà kernel started before
anyone asked) never shows stale data.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Any

import ipywidgets as widgets
import traitlets

from .._checks import parse_typed_number
from .._html import escape
from .._i18n import format_date, format_number, format_thousands, tr
from ..errors import SSIInputError, SSITypeError
from ..profile import (
    MAX_UPLOAD_BYTES,
    Profile,
    Upload,
    current_profile,
    forget_me,
    read_upload,
    use_profile,
)
from ..score import PILLARS, SSI, GroupScore, pillar_label
from ._confirm import Confirm
from ._feedback import error_html
from ._page import PageShown

__all__ = ["DataPanel", "tus_datos", "where_data_lives"]

_WIDE = widgets.Layout(width="22em")
_STYLE = {"description_width": "12em"}


def where_data_lives() -> str:
    """One sentence on where the learner's data is: this computer, the class server, Binder or Colab.

    >>> where_data_lives().startswith("Tus datos")
    True
    """
    if "google.colab" in sys.modules:
        return tr("Tus datos se quedan en tu sesión de Google Colab; al cerrarla se pierden si no los descargas.",
                  "Your data stays in your Google Colab session; it is lost when it closes.")
    if os.environ.get("BINDER_LAUNCH_HOST") or os.environ.get("BINDER_REQUEST"):
        return tr("Tus datos se quedan en un servidor temporal de Binder y se borran al cerrar la sesión.",
                  "Your data stays on a temporary Binder server and is deleted when the session ends.")
    if os.environ.get("JUPYTERHUB_USER"):
        return tr("Tus datos se quedan en tu carpeta del servidor de tu clase; no salen de allí.",
                  "Your data stays in your folder on your class's server; it never leaves it.")
    return tr("Tus datos se quedan en este equipo: ssi-kit no los envía a ningún sitio.",
              "Your data stays on this computer: ssi-kit sends it nowhere.")


def _number_text(value: float | None) -> str:
    return "" if value is None else format_number(value)


class DataPanel(widgets.VBox):
    """The data panel; every control is an attribute, so tests drive it as a learner would.

    Attributes
    ----------
    value : Profile
        The data the lesson uses (:meth:`Profile.effective`: yours, the example where you gave nothing).
    status, where : ipywidgets.HTML
        Whose data it is, and where it lives.
    change_button, apply_button, forget_button : ipywidgets.Button
        «Cambiar mis datos», «Usar estos datos», «Olvidar mis datos».
    pillars : dict of ipywidgets.Text
        One box per pillar.
    measured_on, industry, industry_top, network, network_top, connections : ipywidgets.Text
    pasted : ipywidgets.Textarea
        The page's text or its JSON; ``read_button`` («Leer lo pegado») fills the boxes from it.
    ssi_file, export : ipywidgets.FileUpload
        The SSI's JSON; the LinkedIn export (``.zip`` or CSVs).
    save : ipywidgets.Checkbox
        «Guardar en este equipo».
    message : ipywidgets.HTML
        What was done, or (in red) what went wrong.
    """

    value = traitlets.Instance(Profile, allow_none=True)

    def __init__(self) -> None:
        self._upload: Upload | None = None
        self.status = widgets.HTML()
        self.where = widgets.HTML(f"<span style='color:#555'>{escape(where_data_lives())}</span>")
        self.change_button = widgets.Button(description=tr("Cambiar mis datos", "Change my data"),
                                            icon="pencil", layout=widgets.Layout(width="auto"))
        self.forget_button = widgets.Button(description=tr("Olvidar mis datos", "Forget my data"),
                                            icon="trash", layout=widgets.Layout(width="auto"))
        self.forget_confirm = Confirm(
            tr("¿Borrar todo lo que ssi-kit guardó de ti en este equipo (datos, progreso, historial, planes y "
               "seguimiento)?", "Delete everything ssi-kit kept for you here (data, progress, history, plans and "
               "tracker)?"), yes=tr("Sí, borrar", "Yes, delete"), no=tr("No", "No"), on_yes=self.forget)
        self.pillars = {p: widgets.Text(description=pillar_label(p, full=True), placeholder="12,5", style=_STYLE,
                                        layout=_WIDE) for p in PILLARS}
        self.measured_on = widgets.Text(description=tr("Medido el", "Measured on"), placeholder="dd/mm/aaaa",
                                        style=_STYLE, layout=_WIDE)
        self.industry = widgets.Text(description=tr("SSI medio de tu sector", "Your industry's SSI"),
                                     placeholder="24,5", style=_STYLE, layout=_WIDE)
        self.industry_top = widgets.Text(description=tr("Tu Top % en el sector", "Your Top % in it"),
                                         placeholder="28", style=_STYLE, layout=_WIDE)
        self.network = widgets.Text(description=tr("SSI medio de tu red", "Your network's SSI"),
                                    placeholder="27,4", style=_STYLE, layout=_WIDE)
        self.network_top = widgets.Text(description=tr("Tu Top % en tu red", "Your Top % in it"),
                                        placeholder="30", style=_STYLE, layout=_WIDE)
        self.pasted = widgets.Textarea(
            placeholder=tr("Pega aquí el texto de linkedin.com/sales/ssi (selecciona todo y copia) o su JSON",
                           "Paste the text of linkedin.com/sales/ssi here (select all, copy) or its JSON"),
            layout=widgets.Layout(width="36em", height="5em"))
        self.read_button = widgets.Button(description=tr("Leer lo pegado", "Read what I pasted"),
                                          layout=widgets.Layout(width="auto"))
        self.ssi_file = widgets.FileUpload(accept=".json", multiple=False,
                                           description=tr("Subir el JSON", "Upload the JSON"))
        self.connections = widgets.Text(description=tr("Número de contactos", "Number of connections"),
                                        placeholder="1.500", style=_STYLE, layout=_WIDE)
        self.export = widgets.FileUpload(accept=".zip,.csv", multiple=True,
                                         description=tr("Subir exportación", "Upload export"))
        self.export_note = widgets.HTML(escape(tr(
            "Tu exportación de LinkedIn: el .zip tal como te llega (o Connections.csv, messages.csv, "
            "Invitations.csv), hasta {mb} MB por archivo. Se lee en memoria; de los mensajes no se guarda el texto.",
            "Your LinkedIn export: the .zip as it arrives (or Connections.csv, messages.csv, Invitations.csv), "
            "up to {mb} MB per file. It is read in memory; messages' text is never kept.",
            mb=MAX_UPLOAD_BYTES // 2**20)))
        self.save = widgets.Checkbox(description=tr("Guardar en este equipo", "Save on this computer"), indent=False)
        self.apply_button = widgets.Button(description=tr("Usar estos datos", "Use this data"),
                                           button_style="primary", layout=widgets.Layout(width="auto"))
        self.message = widgets.HTML()
        self.editor = widgets.VBox([
            widgets.HTML(f"<b>{escape(tr('Tu SSI', 'Your SSI'))}</b>"), *self.pillars.values(), self.measured_on,
            self.industry, self.industry_top, self.network, self.network_top,
            widgets.HTML(escape(tr("O pega tu página de SSI, o sube su JSON:", "Or paste your SSI page, or upload "
                                                                               "its JSON:"))),
            self.pasted, widgets.HBox([self.read_button, self.ssi_file]),
            widgets.HTML(f"<b>{escape(tr('Tus contactos y mensajes', 'Your connections and messages'))}</b>"),
            self.connections, self.export_note, self.export, self.save, self.apply_button,
        ], layout=widgets.Layout(display="none", border="1px solid #ddd", padding="0.6em", margin="0.3em 0"))
        self.shown = PageShown(self.refresh)
        super().__init__([
            self.status, self.where, widgets.HBox([self.change_button, self.forget_button]), self.forget_confirm,
            self.editor, self.message, self.shown,
        ])
        self.add_class("ssi-data-panel")
        self.change_button.on_click(lambda _b: self.toggle())
        self.forget_button.on_click(lambda _b: self.forget_confirm.ask())
        self.read_button.on_click(lambda _b: self.read_pasted())
        self.apply_button.on_click(lambda _b: self.apply())
        self.ssi_file.observe(self._on_ssi_file, names="value")
        self.export.observe(self._on_export, names="value")
        self.refresh()

    # --- reading the learner's data -----------------------------------------------------
    def refresh(self) -> None:
        """Read the data in use again (the saved one may have changed in another lesson)."""
        try:
            mine = current_profile()
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        data = mine.effective()
        if self.value is None or data != self.value or data.saved_on != self.value.saved_on:
            self.value = data
        self._fill(mine)
        self.status.value = f"<b>{escape(data.describe())}</b>"

    def _fill(self, mine: Profile) -> None:
        """Show the learner's own values in the boxes (the example's are placeholders, not values)."""
        for pillar, box in self.pillars.items():
            box.value = "" if mine.ssi is None else format_number(getattr(mine.ssi, pillar))
        self.measured_on.value = "" if mine.measured_on is None else format_date(mine.measured_on)
        for group, box, top in ((mine.industry, self.industry, self.industry_top),
                                (mine.network, self.network, self.network_top)):
            box.value = "" if group is None else format_number(group.overall)
            top.value = "" if group is None else _number_text(group.top_percent)
        self.connections.value = "" if mine.connections is None else format_thousands(mine.connections)

    def toggle(self) -> None:
        """Open or close the boxes («Cambiar mis datos»)."""
        self.editor.layout.display = "none" if self.editor.layout.display == "flex" else "flex"

    def read_pasted(self) -> None:
        """Fill the SSI boxes from the pasted page text, the four numbers or the JSON."""
        self._read_ssi(self.pasted.value)

    def _on_ssi_file(self, change: dict[str, Any]) -> None:
        if change["new"]:
            self._read_ssi(change["new"])

    def _read_ssi(self, source: object) -> None:
        from ..linkedin_ssi import read_ssi_input

        try:
            found = read_ssi_input(source)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        for pillar, box in self.pillars.items():
            box.value = format_number(getattr(found.member, pillar))
        for group, box, top in ((found.industry, self.industry, self.industry_top),
                                (found.network, self.network, self.network_top)):
            if group is not None:
                box.value, top.value = format_number(group.overall), _number_text(group.top_percent)
        if not self.measured_on.value.strip():
            self.measured_on.value = format_date(dt.date.today())
        self.message.value = escape(tr("Leído. Revisa las casillas y pulsa «Usar estos datos».",
                                       "Read. Check the boxes and press 'Use this data'."))

    def _on_export(self, change: dict[str, Any]) -> None:
        if not change["new"]:
            return
        try:
            self._upload = read_upload(change["new"])
        except (SSIInputError, SSITypeError) as error:
            self._upload = None
            self.message.value = error_html(error)
            return
        self.message.value = escape(self._upload.describe() + " " + tr(
            "Pulsa «Usar estos datos» para usarlo en la lección.", "Press 'Use this data' to use it in the lesson."))

    # --- making it the lesson's -----------------------------------------------------------
    def typed(self) -> Profile:
        """The learner's data as typed in the boxes (and the export uploaded), checked."""
        mine = current_profile()
        texts = {p: box.value.strip() for p, box in self.pillars.items()}
        ssi = None
        if any(texts.values()):
            ssi = SSI(**{p: parse_typed_number(t, name=p, maximum=25, subject=tr(
                "El pilar «{p}»", "The pillar '{p}'", p=pillar_label(p))) for p, t in texts.items()})
        changes: dict[str, Any] = {
            "ssi": ssi, "measured_on": self.measured_on.value.strip() or (dt.date.today() if ssi else None),
            "industry": self._group(self.industry, self.industry_top, tr("sector", "industry")),
            "network": self._group(self.network, self.network_top, tr("red", "network")),
            "connections": self.connections.value.strip() or None,
        }
        profile = mine.replace(**changes)
        return profile.with_upload(self._upload) if self._upload is not None else profile

    @staticmethod
    def _group(average: widgets.Text, top: widgets.Text, what: str) -> GroupScore | None:
        if not average.value.strip():
            return None
        overall = parse_typed_number(average.value, name="overall", maximum=100, subject=tr(
            "El SSI medio de tu {w}", "Your {w}'s average SSI", w=what))
        rank = parse_typed_number(top.value, name="top_percent", maximum=100, subject=tr(
            "Tu Top % en tu {w}", "Your Top % in your {w}", w=what)) if top.value.strip() else None
        return GroupScore(overall, rank)

    def apply(self) -> None:
        """«Usar estos datos»: the typed data becomes the lesson's (and is saved if asked)."""
        try:
            profile = use_profile(self.typed(), save=self.save.value)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self._upload = None
        self.refresh()
        self.message.value = escape(tr("Guardado en este equipo: todas las lecciones usan ahora tus datos.",
                                       "Saved on this computer: every lesson now uses your data.")
                                    if profile.saved_on else
                                    tr("Listo: esta lección usa tus datos (solo en esta sesión; marca «Guardar en "
                                       "este equipo» para que los usen todas).",
                                       "Done: this lesson uses your data (this session only; tick 'Save on this "
                                       "computer' so every lesson uses it)."))

    def forget(self) -> None:
        """«Olvidar mis datos»: delete what ssi-kit kept for the learner and go back to the example."""
        try:
            removed = forget_me()
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self.save.value = False
        self.refresh()
        self.message.value = escape(tr("Borrado ({n} archivos). Ahora usas el ejemplo.",
                                       "Deleted ({n} files). You are using the example now.", n=len(removed)))


def tus_datos() -> DataPanel:
    """The data panel: the first output of a lesson; ``panel.value`` is the data the lesson uses.

    Examples
    --------
    >>> panel = tus_datos()
    >>> panel.value.ssi is not None, "ejemplo" in panel.status.value
    (True, True)
    """
    return DataPanel()
