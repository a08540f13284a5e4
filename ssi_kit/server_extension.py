"""ssi-kit's Jupyter server extension: the server takes a learner's whole LinkedIn export in one message.

An upload from the data panel reaches the kernel in one websocket message, and Tornado drops a
connection whose message is bigger than 10 MB (its default), so an export with photos never
arrived. Installing ssi-kit enables this extension (``etc/jupyter/jupyter_server_config.d/ssi-kit.json``);
on JupyterLab, a hub's single-user servers and Voilà's server extension it raises the limit to
:data:`WEBSOCKET_MAX_MESSAGE_BYTES`. A limit the administrator set (``ServerApp.tornado_settings``)
is left as it is. Voilà on its own (``ssi-kit app``) gets the same number on its command line.
"""

from __future__ import annotations

from typing import Any

__all__ = ["WEBSOCKET_MAX_MESSAGE_BYTES"]

WEBSOCKET_MAX_MESSAGE_BYTES = 64 * 2**20
"""The largest websocket message the servers take: an upload of up to 50 MB and room around it."""

_SETTING = "websocket_max_message_size"


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "ssi_kit.server_extension"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Raise the server's websocket message limit unless the administrator set one.

    Tornado reads the setting when each websocket opens, so setting it while the server loads is enough.
    """
    if _SETTING in (serverapp.tornado_settings or {}):
        return
    serverapp.web_app.settings[_SETTING] = WEBSOCKET_MAX_MESSAGE_BYTES
    serverapp.log.debug("ssi-kit: websocket messages up to %d bytes (uploads of LinkedIn exports)",
                        WEBSOCKET_MAX_MESSAGE_BYTES)
