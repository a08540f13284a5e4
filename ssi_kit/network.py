"""Your relationship pyramid: how many people sit at each degree, and who can introduce you.

On LinkedIn your first-degree contacts are a tiny part of your network (about 0.01–0.03 %);
more than 99.7 % of it is second and third degree. This module gives

* :func:`pyramid`: a simple, adjustable model of the three degrees from your connections;
* :func:`degree_shares`: the share of each degree in a count you read on LinkedIn (e.g. the
  results of a search by degree);
* :func:`read_network`, :func:`degrees_from`, :func:`introducers`: the degrees and the
  possible introducers in a small network given as an edge list (networkx).

pandas and networkx are imported inside the functions that use them.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING, Any

from ._checks import check_frame, check_integer, check_number
from ._i18n import format_percent, format_thousands, plural, short_repr, tr
from ._table_reader import TableKind, read_table
from .errors import SSIInputError, SSITypeError

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = [
    "AVG_CONNECTIONS",
    "DEFAULT_OVERLAP",
    "MAX_CONNECTIONS",
    "MEMBERS",
    "Assumptions",
    "degree_label",
    "degree_shares",
    "degree_values",
    "degrees_from",
    "describe_pyramid",
    "introducers",
    "pyramid",
    "read_network",
]

AVG_CONNECTIONS = 400
"""LinkedIn has said that each connection opens up about 400 new people on average."""
DEFAULT_OVERLAP = 0.82
"""Share of a contact's contacts you already reach another way (shared contacts, closer degree).

With 400 connections each, 18 % of them new at every step gives about 72 new people per
person, and your first degree is then about 0.02 % of the network: the middle of the
0.01–0.03 % the course states, whatever the number of your connections.
"""
MEMBERS = 1_000_000_000
"""LinkedIn has more than a billion members: no network can be bigger than that."""
MAX_CONNECTIONS = 30_000
"""LinkedIn caps first-degree connections at 30,000."""

COLUMNS = ("degree", "count", "share")


@dataclass(frozen=True, slots=True)
class Assumptions:
    """The assumptions behind a :func:`pyramid` (kept in ``frame.attrs["assumptions"]``)."""

    avg_connections: float
    overlap: float
    members: int

    @property
    def new_per_person(self) -> float:
        """New people each person brings to the next degree: ``avg_connections * (1 - overlap)``."""
        return self.avg_connections * (1 - self.overlap)


def degree_label(degree: int) -> str:
    """The name of a degree in the current language: ``"1.er grado"``, ``"2nd degree"``…"""
    degree = check_integer(degree, name="degree", minimum=1, maximum=1000)
    es = {1: "1.er grado", 2: "2.º grado", 3: "3.er grado"}
    en = {1: "1st degree", 2: "2nd degree", 3: "3rd degree"}
    return tr(es.get(degree, f"{degree}.º grado"), en.get(degree, f"{degree}th degree"))


# --- validation ---------------------------------------------------------------------------
def _frame(counts: Sequence[int], attrs: Mapping[str, Any] | None = None) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    values = np.asarray(counts, dtype="int64")
    total = values.sum()
    frame = pd.DataFrame({
        "degree": np.arange(1, len(values) + 1, dtype="int64"),
        "count": values,
        "share": values / total,
    })
    frame.attrs.update(attrs or {})
    return frame


# --- the model ----------------------------------------------------------------------------
def pyramid(
    first: int,
    *,
    avg_connections: float = AVG_CONNECTIONS,
    overlap: float = DEFAULT_OVERLAP,
    members: int = MEMBERS,
) -> pd.DataFrame:
    """Estimate how many people sit at each degree of your network.

    The model: each of your contacts has ``avg_connections`` contacts, of whom a share
    ``overlap`` you already reach (they know each other, or are closer to you). So every
    person brings ``k = avg_connections * (1 - overlap)`` new people to the next degree::

        2nd = first * k        3rd = 2nd * k

    and nobody counts beyond LinkedIn's ``members``. With the defaults the first degree is
    about 0.02 % of the network and degrees 2 and 3 more than 99.9 %, as the course says
    (0.01–0.03 %, more than 99.7 %).

    Parameters
    ----------
    first : int
        Your first-degree connections, 1 to 30,000 (LinkedIn's cap).
    avg_connections : float, default 400
        Average connections of each contact (LinkedIn: "each connection opens up about
        400 new people"). 1 to 30,000.
    overlap : float, default 0.82
        Share of a contact's contacts that are not new to you, from 0 (none shared) to
        0.99.
    members : int, default 1,000,000,000
        LinkedIn's members: the most people your network can hold (you excluded).

    Returns
    -------
    pandas.DataFrame
        One row per degree: ``degree`` (1, 2, 3), ``count`` (people) and ``share`` (a
        fraction of the total; the three add up to 1). ``frame.attrs["assumptions"]``
        holds the :class:`Assumptions` used.

    Raises
    ------
    SSIInputError
        If a value is outside its range (e.g. more than 30,000 connections).
    SSITypeError
        If a value is not a number.

    Examples
    --------
    >>> p = pyramid(500)
    >>> p["count"].tolist()
    [500, 36000, 2592000]
    >>> round(float(p["share"].iloc[0]) * 100, 3)   # per cent
    0.019
    """
    n_first = check_number(first, name="first", minimum=1, maximum=MAX_CONNECTIONS, integer=True, hint=tr(
        " LinkedIn permite como máximo 30.000 contactos de primer grado.",
        " LinkedIn allows at most 30,000 first-degree connections.",
    ))
    avg = check_number(avg_connections, name="avg_connections", minimum=1, maximum=MAX_CONNECTIONS)
    ovl = check_number(overlap, name="overlap", minimum=0, maximum=0.99, hint=tr(
        " Es una fracción: 0,82 significa 82 %.", " It is a fraction: 0.82 means 82%.",
    ))
    cap = check_number(members, name="members", minimum=n_first, maximum=1e12, integer=True)
    assumptions = Assumptions(avg_connections=avg, overlap=ovl, members=int(cap))
    k = assumptions.new_per_person
    second = min(round(n_first * k), int(cap) - int(n_first))
    third = min(round(second * k), int(cap) - int(n_first) - second)
    return _frame([int(n_first), second, third], {"assumptions": assumptions, "kind": "pyramid"})


def degree_shares(counts: Mapping[Any, float] | Sequence[float] | pd.Series) -> pd.DataFrame:
    """The share of each degree in counts you read on LinkedIn (e.g. a search's results).

    Parameters
    ----------
    counts : dict, list or Series
        People per degree: ``{1: 131, 2: 2905, 3: 5876}``, or ``[131, 2905, 3876]`` in the
        order 1st, 2nd, 3rd. Missing degrees count as 0.

    Returns
    -------
    pandas.DataFrame
        ``degree``, ``count``, ``share`` (fractions adding up to 1), as :func:`pyramid`.

    Raises
    ------
    SSIInputError
        If a degree is not 1, 2 or 3, a count is negative or not whole, or all are 0.
    SSITypeError
        If ``counts`` is not a dict, list or Series, or a count is not a number.

    Examples
    --------
    The course's search for "director de marketing": 131 of the results are first degree.

    >>> s = degree_shares({1: 131, 2: 2905, 3: 5876})
    >>> [round(x * 100, 2) for x in s["share"]]
    [1.47, 32.6, 65.93]
    """
    if hasattr(counts, "to_dict") and not isinstance(counts, Mapping):
        counts = counts.to_dict()  # a pandas Series
    if isinstance(counts, Mapping):
        items = list(counts.items())
    elif isinstance(counts, Sequence) and not isinstance(counts, (str, bytes)):
        if len(counts) > 3:
            raise SSIInputError(
                tr("degree_shares espera como mucho 3 valores (1.er, 2.º y 3.er grado); recibidos {n}.",
                   "degree_shares expects at most 3 values (1st, 2nd and 3rd degree); received {n}.",
                   n=len(counts)),
                field="counts", received=counts,
            )
        items = list(enumerate(counts, start=1))
    else:
        raise SSITypeError(
            tr("degree_shares espera un diccionario grado → personas, como {{1: 131, 2: 2905, 3: 5876}}; "
               "recibido {kind}.",
               "degree_shares expects a dict of degree → people, such as {{1: 131, 2: 2905, 3: 5876}}; "
               "received {kind}.", kind=type(counts).__name__),
            field="counts", received=counts,
        )
    values = [0, 0, 0]
    for key, value in items:
        degree = _degree_key(key)
        values[degree - 1] = int(check_number(value, name=degree_label(degree), minimum=0, maximum=1e12,
                                         integer=True))
    if sum(values) == 0:
        raise SSIInputError(
            tr("Todas las cantidades son 0: no hay nada que repartir entre grados.",
               "All counts are 0: there is nothing to share between degrees."),
            field="counts", received=counts,
        )
    return _frame(values, {"kind": "shares"})


def _degree_key(key: object) -> int:
    text = str(key).strip().lower().rstrip(".ºoerstndh ")
    if text in ("1", "2", "3"):
        return int(text)
    raise SSIInputError(
        tr("Grado desconocido: {key!r}. Usa 1, 2 o 3.", "Unknown degree: {key!r}. Use 1, 2 or 3.", key=key),
        field="counts", received=key,
    )


def describe_pyramid(frame: pd.DataFrame) -> str:
    """One sentence on a :func:`pyramid` or :func:`degree_shares` frame, for the learner.

    Examples
    --------
    >>> describe_pyramid(degree_shares({1: 131, 2: 2905, 3: 5876}))
    '131 personas de 1.er grado son el 1,47 % del total (8.912); el 98,53 % está en 2.º y 3.er grado.'
    """
    counts, shares = degree_values(frame, name="frame")
    total = sum(counts)
    return tr(
        "{first} de 1.er grado son el {share1} del total ({total}); el {rest} está en 2.º y 3.er grado.",
        "{first} in the 1st degree are {share1} of the total ({total}); {rest} is in the 2nd and 3rd degree.",
        first=plural(counts[0], "persona", "personas", "person", "people"), share1=format_percent(shares[0]),
        total=format_thousands(total), rest=format_percent(sum(shares[1:])),
    )


def degree_values(frame: object, *, name: str) -> tuple[list[int], list[float]]:
    """The counts and shares of a :func:`pyramid` or :func:`degree_shares` frame, checked.

    Shared by every function that takes such a frame (descriptions, plots), so a table
    edited by hand gets the same message everywhere.
    """
    import numpy as np
    import pandas as pd

    expected = tr("la tabla de pyramid() o degree_shares()", "the table from pyramid() or degree_shares()")
    hint = tr("Créala con pyramid(...) o degree_shares(...).", "Make it with pyramid(...) or degree_shares(...).")
    table = check_frame(frame, name=name, expected=expected, required=COLUMNS, hint=hint)
    counts = pd.to_numeric(table["count"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    shares = pd.to_numeric(table["share"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    valid = (len(table) == 3 and np.isfinite(counts).all() and (counts >= 0).all() and counts.sum() > 0
             and np.isfinite(shares).all() and ((shares >= 0) & (shares <= 1)).all())
    if not valid:
        raise SSIInputError(
            tr("La tabla «{name}» debe tener 3 filas (grados 1, 2 y 3) con «count» de 0 en adelante y «share» "
               "entre 0 y 1; tiene {n} filas.",
               "The table '{name}' must have 3 rows (degrees 1, 2 and 3) with 'count' from 0 and 'share' "
               "between 0 and 1; it has {n} rows.", name=name, n=len(table)),
            field=name, received=len(table), hint=hint,
        )
    return [int(c) for c in counts], [float(s) for s in shares]


# --- networks from an edge list -----------------------------------------------------------
_EDGE_LIST = TableKind(
    file="red.csv", columns=None, function="read_network",
    described=("una lista de parejas de personas que se conocen", "a list of pairs of people who know each other"),
    strict=False, expected="persona, contacto",
    argument=("la ruta de un CSV, su texto, un DataFrame o una lista de parejas",
              "a CSV path, its text, a DataFrame or a list of pairs"),
    download=("Se espera un CSV con dos columnas: persona y contacto.",
              "Expected a CSV with two columns: person and contact."),
)


def read_network(source: str | PathLike[str] | pd.DataFrame | Sequence[tuple[Hashable, Hashable]]) -> nx.Graph:
    """A network of people from an edge list: a CSV file, a DataFrame or a list of pairs.

    Parameters
    ----------
    source : path, DataFrame or list of pairs
        Two columns (any names): each row says that two people know each other. Names are
        stripped of spaces; blank rows and a person linked to themself are ignored.

    Returns
    -------
    networkx.Graph
        Undirected: "knowing" goes both ways.

    Raises
    ------
    SSIInputError
        If the file is missing or has fewer than two columns, or there are no pairs.

    Examples
    --------
    >>> g = read_network([("Ana", "Luis"), ("Luis", "Marta")])
    >>> sorted(g.nodes)
    ['Ana', 'Luis', 'Marta']
    """
    import networkx as nx
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        frame, where = source, tr("La tabla", "The table")
    elif isinstance(source, Sequence) and not isinstance(source, (str, bytes, bytearray)):
        frame, where = pd.DataFrame(_pairs(source), columns=["a", "b"]), tr("La lista", "The list")
    else:
        table = read_table(source, _EDGE_LIST)
        frame, where = table.frame, table.source.subject
    if frame.shape[1] < 2:
        raise SSIInputError(
            tr("{where} debe tener dos columnas (persona, contacto); tiene {n}.",
               "{where} must have two columns (person, contact); it has {n}.", where=where, n=frame.shape[1]),
            field="source", received=frame.shape[1],
        )
    a = frame.iloc[:, 0].astype("string").str.strip()
    b = frame.iloc[:, 1].astype("string").str.strip()
    keep = a.notna() & b.notna() & (a != "") & (b != "") & (a != b)
    graph = nx.Graph()
    graph.add_edges_from(zip(a[keep].tolist(), b[keep].tolist()))
    if graph.number_of_edges() == 0:
        raise SSIInputError(
            tr("{where} no tiene ninguna pareja de personas que se conozcan.",
               "{where} has no pair of people who know each other.", where=where),
            field="source",
        )
    return graph


def _pairs(items: Sequence[Any]) -> list[tuple[Any, Any]]:
    """The pairs of a list such as ``[("Ana", "Luis"), ...]``; anything else is named by position."""
    pairs = []
    for position, item in enumerate(items, start=1):
        if isinstance(item, (str, bytes)) or not isinstance(item, Sequence) or len(item) != 2:
            raise SSIInputError(
                tr("Cada elemento de la lista debe ser una pareja (persona, contacto); el {n}.º es {received}.",
                   "Each item of the list must be a pair (person, contact); item {n} is {received}.",
                   n=position, received=short_repr(item)),
                field="source", received=item,
                hint=tr('Por ejemplo [("Ana", "Luis"), ("Luis", "Marta")].',
                        'E.g. [("Ana", "Luis"), ("Luis", "Marta")].'),
            )
        pairs.append((item[0], item[1]))
    return pairs


def check_graph(graph: object) -> nx.Graph:
    import networkx as nx

    if not isinstance(graph, nx.Graph):
        raise SSITypeError(
            tr("Se esperaba una red de networkx (usa read_network o load_dataset(\"red_ejemplo\")); "
               "recibido {kind}.",
               "Expected a networkx graph (use read_network or load_dataset(\"red_ejemplo\")); received {kind}.",
               kind=type(graph).__name__),
            field="graph", received=graph,
        )
    return graph.to_undirected(as_view=True) if graph.is_directed() else graph


def check_person(graph: nx.Graph, person: object, field: str) -> None:
    """Refuse someone who is not in ``graph``, suggesting close names."""
    if person in graph:
        return
    names = [str(n) for n in graph.nodes]
    by_lower = {name.lower(): name for name in names}
    close = []
    if isinstance(person, str):
        close = [by_lower[n] for n in difflib.get_close_matches(person.lower(), list(by_lower), n=3)]
    raise SSIInputError(
        tr("{who} no está en la red ({people}).", "{who} is not in the network ({people}).",
           who=short_repr(person), people=plural(len(names), "persona", "personas", "person", "people")),
        field=field, received=person,
        hint=tr("¿Quizá {names}?", "Did you mean {names}?", names=", ".join(close)) if close else "",
    )


def degrees_from(graph: nx.Graph, me: Hashable) -> pd.Series:
    """Each person's degree from ``me``: 1, 2, 3, or NA beyond the third.

    Parameters
    ----------
    graph : networkx.Graph
        The network (see :func:`read_network`).
    me : str
        You: a node of ``graph``.

    Returns
    -------
    pandas.Series
        ``Int64`` values named ``degree``, indexed by person (``me`` excluded), sorted by
        degree then name; people more than three steps away (or unreachable) get NA.

    Raises
    ------
    SSIInputError
        If ``me`` is not in the network (close names are suggested).

    Examples
    --------
    >>> g = read_network([("Yo", "Ana"), ("Ana", "Luis"), ("Luis", "Marta"), ("Marta", "Pau")])
    >>> d = degrees_from(g, "Yo")
    >>> list(d.index), d.tolist()
    (['Ana', 'Luis', 'Marta', 'Pau'], [1, 2, 3, <NA>])
    """
    import networkx as nx
    import pandas as pd

    graph = check_graph(graph)
    check_person(graph, me, "me")
    lengths = nx.single_source_shortest_path_length(graph, me, cutoff=3)
    others = [n for n in graph.nodes if n != me]
    series = pd.Series([lengths.get(n) for n in others], index=pd.Index(others, name="person"),
                       dtype="Int64", name="degree")
    order = sorted(range(len(others)), key=lambda i: (series.iloc[i] if pd.notna(series.iloc[i]) else 99,
                                                      str(others[i])))
    return series.iloc[order]


def introducers(graph: nx.Graph, me: Hashable, target: Hashable) -> pd.DataFrame:
    """Your first-degree contacts who know ``target``: who could introduce you, best first.

    Ranked by how many ties each one shares with you and with the target (shared ties
    mean more trust on both sides), then by name.

    Parameters
    ----------
    graph : networkx.Graph
        The network (see :func:`read_network`).
    me, target : str
        You, and the person you want to reach.

    Returns
    -------
    pandas.DataFrame
        One row per possible introducer, best first: ``introducer``, ``shared_with_you``
        (your contacts they know), ``shared_with_target`` (the target's contacts they know)
        and ``score`` (the sum). Empty if no contact of yours knows the target (the target
        is third degree or further: reach their second degree first).

    Raises
    ------
    SSIInputError
        If ``me`` or ``target`` is not in the network, they are the same person, or the
        target is already your first-degree contact (write to them directly).

    Examples
    --------
    >>> g = read_network([("Yo", "Ana"), ("Yo", "Luis"), ("Ana", "Luis"), ("Ana", "Marta"),
    ...                   ("Luis", "Marta"), ("Marta", "Pau"), ("Ana", "Pau")])
    >>> introducers(g, "Yo", "Marta")["introducer"].tolist()
    ['Ana', 'Luis']
    """
    import pandas as pd

    graph = check_graph(graph)
    check_person(graph, me, "me")
    check_person(graph, target, "target")
    if me == target:
        raise SSIInputError(
            tr("«me» y «target» son la misma persona ({who}).", "'me' and 'target' are the same person ({who}).",
               who=short_repr(me)),
            field="target", received=target,
        )
    mine = set(graph.neighbors(me))
    theirs = set(graph.neighbors(target))
    if target in mine:
        raise SSIInputError(
            tr("{who} ya es tu contacto de primer grado: no necesitas presentación, escríbele directamente.",
               "{who} is already your first-degree contact: no introduction needed, write to them directly.",
               who=short_repr(target)),
            field="target", received=target,
        )
    rows = []
    for person in mine & theirs:
        known = set(graph.neighbors(person))
        with_you = len(known & mine)
        with_target = len(known & theirs)
        rows.append((person, with_you, with_target, with_you + with_target))
    rows.sort(key=lambda r: (-r[3], -r[1], str(r[0])))
    frame = pd.DataFrame(rows, columns=["introducer", "shared_with_you", "shared_with_target", "score"])
    frame = frame.astype({"shared_with_you": "int64", "shared_with_target": "int64", "score": "int64"})
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="rank")
    return frame
