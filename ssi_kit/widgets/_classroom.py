"""The class without code: a teacher loads the class (upload or shared folder), a learner sends their SSI.

``class_input()`` holds the class a lesson shows (``.value``, a :class:`~ssi_kit.classroom.ClassData`):
the invented example until the teacher uploads the form's export (read in memory through the one
reader) or names the shared folder. ``class_submit(datos)`` sends the SSI of the data panel to the
class folder with an alias (:func:`~ssi_kit.classroom.submit`). The class folder's path is a
setting: ``$SSI_KIT_CLASS_DIR`` when the hub or the teacher sets it.
"""

from __future__ import annotations

import os
from typing import Any

import ipywidgets as widgets
import traitlets

from .._html import escape
from .._i18n import tr
from ..classroom import ClassData, read_class, submit
from ..errors import SSIInputError, SSITypeError
from ._feedback import error_html

__all__ = ["CLASS_DIR_VARIABLE", "ClassInput", "ClassSubmit", "class_input", "class_submit"]

CLASS_DIR_VARIABLE = "SSI_KIT_CLASS_DIR"
"""Environment variable with the shared class folder (a hub sets it for everyone)."""
_MAX_CLASS_BYTES = 20 * 2**20  # a class export is a few KB; a year of a big school, a few MB


def _class_dir() -> str:
    return os.environ.get(CLASS_DIR_VARIABLE, "").strip()


class ClassInput(widgets.VBox):
    """Where the class comes from; ``value`` is the class lessons show (the example until one is loaded).

    Attributes
    ----------
    value : ClassData
    upload : ipywidgets.FileUpload
        The form's export (CSV).
    folder : ipywidgets.Text
        The shared folder; ``read_button`` («Leer la carpeta») reads it.
    status, message : ipywidgets.HTML
    """

    value = traitlets.Instance(ClassData)

    def __init__(self) -> None:
        from ..datasets import data_path

        self.status = widgets.HTML()
        self.upload = widgets.FileUpload(accept=".csv,.zip", multiple=False,
                                         description=tr("Subir respuestas", "Upload answers"))
        self.folder = widgets.Text(value=_class_dir(), description=tr("Carpeta de la clase", "Class folder"),
                                   placeholder=tr("ruta de la carpeta compartida", "the shared folder's path"),
                                   style={"description_width": "10em"}, layout=widgets.Layout(width="36em"))
        self.read_button = widgets.Button(description=tr("Leer la carpeta", "Read the folder"),
                                          layout=widgets.Layout(width="auto"))
        self.example_button = widgets.Button(description=tr("Volver al ejemplo", "Back to the example"),
                                             layout=widgets.Layout(width="auto"))
        self.message = widgets.HTML()
        super().__init__([
            self.status,
            widgets.HTML(escape(tr("Sube el CSV de las respuestas del formulario, o escribe la carpeta compartida:",
                                   "Upload the form's answers as CSV, or type the shared folder:"))),
            self.upload, widgets.HBox([self.folder, self.read_button]), self.example_button, self.message,
        ])
        self.add_class("ssi-class-input")
        self._example = read_class(data_path("clase_ejemplo.csv"))
        self.upload.observe(self._on_upload, names="value")
        self.read_button.on_click(lambda _b: self.read_folder())
        self.example_button.on_click(lambda _b: self._use(self._example, tr("el ejemplo", "the example")))
        self._use(self._example, tr("el ejemplo (una clase inventada de 24 alias)",
                                    "the example (an invented class of 24 aliases)"))

    def _use(self, data: ClassData, what: str) -> None:
        self.value = data
        self.status.value = "<b>" + escape(tr("Estás viendo {w}: {s}", "You are looking at {w}: {s}", w=what,
                                              s=data.summary())) + "</b>"

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if not files:
            return
        file = files[0]
        try:
            if int(file.get("size", 0)) > _MAX_CLASS_BYTES:
                raise SSIInputError(tr("El archivo ocupa más de {mb} MB: no parece las respuestas de una clase.",
                                       "The file is larger than {mb} MB: it does not look like a class's answers.",
                                       mb=_MAX_CLASS_BYTES // 2**20), field="upload", received=file.get("size"))
            data = read_class(bytes(file["content"]))
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self.message.value = ""
        self._use(data, tr("las respuestas que subiste", "the answers you uploaded"))

    def read_folder(self) -> None:
        """«Leer la carpeta»: the class from the shared folder (each file on its own)."""
        try:
            data = read_class(self.folder.value)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self.message.value = ""
        self._use(data, tr("la carpeta de la clase", "the class folder"))


def class_input() -> ClassInput:
    """Where a lesson's class comes from: the example, an uploaded form export, or the shared folder.

    Examples
    --------
    >>> box = class_input()
    >>> len(box.value.submissions) > 0
    True
    """
    return ClassInput()


class ClassSubmit(widgets.VBox):
    """Send the SSI in use to the class folder with an alias («Enviar a la clase»).

    Attributes
    ----------
    alias, folder : ipywidgets.Text
    send_button : ipywidgets.Button
    message : ipywidgets.HTML
    """

    def __init__(self, source: Any) -> None:
        self._source = source
        style = {"description_width": "10em"}
        self.alias = widgets.Text(description=tr("Tu alias", "Your alias"), placeholder="lince_azul", style=style,
                                  layout=widgets.Layout(width="24em"))
        self.folder = widgets.Text(value=_class_dir(), description=tr("Carpeta de la clase", "Class folder"),
                                   placeholder=tr("te la da tu docente", "your teacher gives it"), style=style,
                                   layout=widgets.Layout(width="36em"))
        self.send_button = widgets.Button(description=tr("Enviar a la clase", "Send to the class"),
                                          button_style="primary", layout=widgets.Layout(width="auto"))
        self.message = widgets.HTML()
        super().__init__([self.alias, self.folder, self.send_button, self.message])
        self.add_class("ssi-class-submit")
        self.send_button.on_click(lambda _b: self.send())

    def send(self) -> None:
        """Write the SSI in use (with today's date) to the class folder, under the alias."""
        data = self._source.value
        if data.is_example("ssi"):
            self.message.value = error_html(tr(
                "Primero escribe tu SSI en el panel de arriba («Cambiar mis datos»): no se envía el del ejemplo.",
                "First type your SSI in the panel above ('Change my data'): the example's is not sent."))
            return
        try:
            written = submit(data.ssi, self.alias.value, self.folder.value, when=data.measured_on)
        except (SSIInputError, SSITypeError) as error:
            self.message.value = error_html(error)
            return
        self.message.value = escape(tr("Enviado: tu SSI de {t} puntos está en la carpeta de la clase ({f}).",
                                       "Sent: your SSI of {t} points is in the class folder ({f}).",
                                       t=data.ssi.rounded_total, f=written.name))


def class_submit(source: Any) -> ClassSubmit:
    """A box to send the SSI of the data panel (``source``, e.g. ``tus_datos()``) to the class folder."""
    if not isinstance(source, traitlets.HasTraits) or not source.has_trait("value"):
        raise SSITypeError(tr("«source» debe ser el panel de tus datos (tus_datos()); recibido {k}.",
                              "'source' must be your data panel (tus_datos()); received {k}.",
                              k=type(source).__name__), field="source", received=source)
    return ClassSubmit(source)

