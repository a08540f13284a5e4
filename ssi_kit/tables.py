"""Tables as a learner reads them: Spanish headers, decimal commas, nothing cut off.

Library functions return tidy frames with English column names (``pillar``, ``score``…), which
is what code wants. :func:`show_table` is what a lesson puts at the end of a cell to *show*
one: the same data with headers in the current language, numbers formatted like the rest of
the course (``12,5``, ``8.912``, ``12,5 %``), the index hidden and long text shown whole.
Cells and headers are data: shown as text, never read as HTML or maths.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._checks import check_frame, check_integer, check_type
from ._html import NO_MATH, escape
from ._i18n import as_text, format_number, format_percent, format_thousands, pick, short_repr, tr
from .errors import SSIInputError

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = ["COLUMN_LABELS", "PLAIN_COLUMNS", "VALUE_LABELS", "column_label", "show_table"]

# Column names used by ssi-kit's frames → (Spanish, English) headers.
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "pillar": ("Pilar", "Pillar"),
    "label": ("Nombre", "Name"),
    "score": ("Puntos", "Points"),
    "headroom": ("Margen hasta 25", "Room to 25"),
    "week": ("Semana", "Week"),
    "low": ("Mínimo probable", "Likely low"),
    "high": ("Máximo probable", "Likely high"),
    "floor": ("Suelo (modelo)", "Floor (model)"),
    "learner": ("Persona", "Person"),
    "order": ("Orden", "Order"),
    "id": ("Acción (id)", "Action (id)"),
    "minutes": ("Minutos", "Minutes"),
    "effect": ("Efecto", "Effect"),
    "gain": ("Ganancia", "Gain"),
    "reason": ("Por qué", "Why"),
    "description": ("Descripción", "Description"),
    "source": ("Fuente", "Source"),
    "kind": ("Tipo", "Kind"),
    "degree": ("Grado", "Degree"),
    "count": ("Personas", "People"),
    "share": ("Proporción", "Share"),
    "first_name": ("Nombre", "First name"),
    "last_name": ("Apellidos", "Last name"),
    "url": ("URL", "URL"),
    "email": ("Correo", "E-mail"),
    "company": ("Empresa", "Company"),
    "position": ("Cargo", "Position"),
    "connected_on": ("Conectado el", "Connected on"),
    "connections": ("Contactos", "Connections"),
    "cumulative": ("Acumulado", "Cumulative"),
    "year": ("Año", "Year"),
    "contact": ("Contacto", "Contact"),
    "decision_maker": ("Decide", "Decision maker"),
    "introducer": ("Quién te presenta", "Introducer"),
    "shared_with_you": ("Contactos en común contigo", "Shared with you"),
    "shared_with_target": ("Contactos en común con el objetivo", "Shared with the target"),
    "total": ("Total", "Total"),
    "date": ("Fecha", "Date"),
    "brand": ("Marca", "Brand"),
    "people": ("Personas", "People"),
    "insights": ("Información", "Insights"),
    "relationships": ("Relaciones", "Relationships"),
    "industry": ("Media del sector", "Industry average"),
    "network": ("Media de tu red", "Network average"),
    # lesson 04: messages and invitations
    "sender": ("Remitente", "Sender"),
    "recipients": ("Destinatarios", "Recipients"),
    "recipient": ("Destinatario", "Recipient"),
    "conversation_id": ("Conversación", "Conversation"),
    "sender_url": ("Perfil de quien escribe", "Sender's profile"),
    "sent_at": ("Enviado", "Sent"),
    "folder": ("Carpeta", "Folder"),
    "is_draft": ("Borrador", "Draft"),
    "person": ("Persona", "Person"),
    "received_at": ("Recibido", "Received"),
    "place": ("Lugar", "Place"),
    "figure": ("Dato", "Figure"),
    "users": ("Usuarios", "Users"),
    "as_of": ("Fecha del dato", "As of"),
    "has_message": ("Con mensaje", "With a message"),
    "direction": ("Dirección", "Direction"),
}


# Whole numbers that are names, not quantities: 2012 is a year, not "2.012" people.
PLAIN_COLUMNS = frozenset({"year", "week", "degree", "order", "id"})

# Values exports write in English that a learner reads in their language: column → value → (es, en).
VALUE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "folder": {"INBOX": ("Recibidos", "Inbox"), "SENT": ("Enviados", "Sent"), "SPAM": ("Spam", "Spam"),
               "ARCHIVE": ("Archivados", "Archive"), "DRAFT": ("Borradores", "Drafts"),
               "DRAFTS": ("Borradores", "Drafts"), "TRASH": ("Papelera", "Trash")},
    "direction": {"incoming": ("recibida", "incoming"), "outgoing": ("enviada", "outgoing"),
                  "INCOMING": ("recibida", "incoming"), "OUTGOING": ("enviada", "outgoing")},
    "kind": {"weekly": ("semanal", "weekly"), "once": ("una vez", "once")},
}
"""Values shown in the learner's words by :func:`show_table` (the data itself is unchanged)."""


def column_label(name: object, *, extra: Mapping[str, str] | None = None) -> str:
    """The header a learner reads for a column: ``extra`` first, then :data:`COLUMN_LABELS`.

    >>> column_label("score")
    'Puntos'
    """
    expected = tr("un diccionario de columna a título, como {'brand': 'Marca'}",
                  "a dict of column to header, like {'brand': 'Brand'}")
    extra = check_type({} if extra is None else extra, Mapping, name="extra", expected=expected)
    key = as_text(name)
    if key in extra:
        header = extra[key]
        return header if isinstance(header, str) else short_repr(header)  # {"n": 5} heads the column "5"
    if key in COLUMN_LABELS:
        return pick(*COLUMN_LABELS[key])
    return key


def _cell(value: Any, decimals: int, as_percent: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return "—"
        if isinstance(value, pd.Timestamp):
            return value.strftime("%d/%m/%Y")
    except (TypeError, ValueError):
        pass
    if isinstance(value, bool):
        return tr("sí", "yes") if value else tr("no", "no")
    if isinstance(value, numbers.Integral) and not as_percent:
        return format_thousands(int(value)) if abs(int(value)) < 10**15 else short_repr(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if as_percent:
            return format_percent(number)
        if number.is_integer() and abs(number) >= 10_000:
            return format_thousands(int(number))
        return format_number(number, decimals)
    return str(value)


def _worded(words: Mapping[str, tuple[str, str]], decimals: int) -> Any:
    """A cell formatter that shows the learner's word for a value an export writes in English."""
    def shown(value: Any) -> str:
        if isinstance(value, str) and value in words:
            return escape(pick(*words[value]))
        return escape(_cell(value, decimals, False))

    return shown


def show_table(
    frame: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    percent: Iterable[str] = (),
    decimals: int = 2,
) -> Styler:
    """Show a table the way a learner reads it: headers in their language, numbers formatted.

    Parameters
    ----------
    frame : DataFrame
        Any table from ssi-kit (or your own).
    columns : dict, optional
        Headers for columns ssi-kit does not know: ``{"respuestas": "Respuestas"}``.
    percent : column names
        Columns holding shares (0–1) to show as percentages: ``0,125`` → ``12,5 %``.
    decimals : int, default 2
        Decimals of other numbers (trailing zeros dropped).

    Returns
    -------
    pandas.io.formats.style.Styler
        Leave it as a cell's last value; the data itself is unchanged. Cells and headers show
        as text: HTML (``<b>``, a script) and ``$…$`` in them are never read as markup or maths.

    Examples
    --------
    >>> import pandas as pd
    >>> styled = show_table(pd.DataFrame({"pillar": ["marca"], "score": [12.5]}))
    >>> "Puntos" in styled.to_html() and "12,5" in styled.to_html()
    True
    """
    table = check_frame(frame, name="frame", expected=tr("una tabla (DataFrame)", "a table (DataFrame)"))
    if columns is not None:
        columns = check_type(columns, Mapping, name="columns", expected=tr(
            "un diccionario columna → encabezado", "a dict of column → header"))
    shares = [percent] if isinstance(percent, str) else list(check_type(
        percent, (list, tuple, set, frozenset), name="percent",
        expected=tr("una lista de columnas", "a list of columns")))
    names = {str(c) for c in table.columns}
    unknown = [c for c in shares if not isinstance(c, str) or c not in names]
    if unknown:
        raise SSIInputError(
            tr("«percent» nombra columnas que la tabla no tiene: {cols}.",
               "'percent' names columns the table does not have: {cols}.",
               cols=", ".join(short_repr(c) for c in unknown)),
            field="percent", received=unknown,
        )
    decimals = check_integer(decimals, name="decimals", maximum=6)
    # Styler puts formatted values into its HTML as they are: each formatter escapes its text.
    styler = table.style.format(lambda v: escape(_cell(v, decimals, False)))
    plain: list[Hashable] = [c for c in table.columns if str(c) in PLAIN_COLUMNS]
    if plain:
        styler = styler.format(lambda v: "—" if _cell(v, 0, False) == "—" else escape(v), subset=plain)
    for column in shares:
        styler = styler.format(lambda v: escape(_cell(v, decimals, True)), subset=[column])
    for column in [c for c in table.columns if str(c) in VALUE_LABELS]:
        styler = styler.format(_worded(VALUE_LABELS[str(column)], decimals), subset=[column])
    styler = styler.format_index(lambda c: escape(column_label(c, extra=columns)), axis=1).hide(axis="index")
    styler = styler.set_table_attributes(f'class="{NO_MATH}"')  # a "$" in a cell is not maths
    # Long texts (a reason, a description) wrap instead of being cut.
    return styler.set_properties(None, **{"white-space": "normal", "text-align": "left"})
