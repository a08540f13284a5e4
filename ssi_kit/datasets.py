"""Example data shipped with ssi-kit, so every lesson runs without the learner's own files.

Like seaborn's ``load_dataset``: one call by name, :func:`dataset_names` lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._checks import check_choice, check_type
from ._i18n import tr
from ._resources import data_path

__all__ = ["data_path", "dataset_names", "load_dataset"]


def _ssi_example() -> Any:
    from .linkedin_ssi import read_linkedin_ssi

    return read_linkedin_ssi(data_path("ssi_ejemplo.json"))


def _actions() -> Any:
    from .actions import load_actions

    return load_actions()


def _connections_example() -> Any:
    from .linkedin_export import read_connections

    return read_connections(data_path("conexiones_ejemplo.csv"))


def _network_example() -> Any:
    from .network import read_network

    return read_network(data_path("red_ejemplo.csv"))


def _messages_example() -> Any:
    from .messages import read_messages

    return read_messages(data_path("mensajes_ejemplo.csv"))


def _invitations_example() -> Any:
    from .messages import read_invitations

    return read_invitations(data_path("invitaciones_ejemplo.csv"))


def _linkedin_users() -> Any:
    from .messages import linkedin_users

    return linkedin_users()


def _class_example() -> Any:
    from .classroom import read_class

    return read_class(data_path("clase_ejemplo.csv"))


# name -> (loader, description in Spanish, description in English)
_DATASETS: dict[str, tuple[Callable[[], Any], str, str]] = {
    "clase_ejemplo": (
        _class_example,
        "clase inventada de 24 alias medidos tres veces, como la exporta Google Forms (ClassData de read_class)",
        "invented class of 24 aliases measured three times, as Google Forms exports it (ClassData from read_class)",
    ),
    "conexiones_ejemplo": (
        _connections_example,
        "exportación de contactos de LinkedIn inventada: 500 personas (DataFrame de read_connections)",
        "invented LinkedIn connections export: 500 people (DataFrame from read_connections)",
    ),
    "red_ejemplo": (
        _network_example,
        "red pequeña inventada alrededor de «Yo» para practicar presentaciones (networkx.Graph)",
        "small invented network around 'Yo' to practise introductions (networkx.Graph)",
    ),
    "ssi_ejemplo": (
        _ssi_example,
        "SSI de ejemplo con las medias del sector y de la red (SSIProfile)",
        "example SSI with industry and network averages (SSIProfile)",
    ),
    "acciones": (
        _actions,
        "acciones de mejora del curso con su esfuerzo y efecto semanal (DataFrame)",
        "the course's improvement actions with weekly effort and effect (DataFrame)",
    ),
    "mensajes_ejemplo": (
        _messages_example,
        "messages.csv inventado de «Lucía Ramos»: 16 conversaciones (DataFrame de read_messages)",
        "invented messages.csv of 'Lucía Ramos': 16 conversations (DataFrame from read_messages)",
    ),
    "invitaciones_ejemplo": (
        _invitations_example,
        "Invitations.csv inventado: 8 invitaciones (DataFrame de read_invitations)",
        "invented Invitations.csv: 8 invitations (DataFrame from read_invitations)",
    ),
    "usuarios_linkedin": (
        _linkedin_users,
        "usuarios de LinkedIn según el curso y una cifra actual, con fecha y fuente (DataFrame)",
        "LinkedIn's users according to the course and a current figure, with date and source (DataFrame)",
    ),
}


def dataset_names() -> list[str]:
    """Names accepted by :func:`load_dataset`."""
    return sorted(_DATASETS)


def load_dataset(name: str) -> Any:
    """Load an example dataset by name (see :func:`dataset_names`).

    Examples
    --------
    >>> profile = load_dataset("ssi_ejemplo")
    >>> profile.member.rounded_total
    36
    """
    hint = tr("Ya tienes los datos: load_dataset solo recibe el nombre.",
              "You already have the data: load_dataset takes only the name.") if hasattr(name, "columns") else ""
    check_type(name, str, name="name", expected=tr("el nombre de un conjunto de datos (texto)",
                                                   "the name of a dataset (text)"), hint=hint)
    loader: Callable[[], Any] = check_choice(name, {key: value[0] for key, value in _DATASETS.items()}, name="name")
    return loader()
