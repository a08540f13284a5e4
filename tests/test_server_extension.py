"""The server extension the package enables: JupyterLab and a hub take a whole LinkedIn export in one message."""

from __future__ import annotations

import json
import logging
import types
from pathlib import Path

from ssi_kit.profile import MAX_UPLOAD_BYTES
from ssi_kit.server_extension import WEBSOCKET_MAX_MESSAGE_BYTES

ROOT = Path(__file__).resolve().parents[1]


def _server(tornado_settings=None):
    """What the extension reads and changes of a ServerApp: its options, its web app's settings, its log."""
    return types.SimpleNamespace(tornado_settings=tornado_settings or {},
                                 web_app=types.SimpleNamespace(settings={}), log=logging.getLogger("test"))


def test_the_package_enables_the_extension_and_jupyter_server_finds_it():
    from jupyter_server.extension.manager import ExtensionPackage

    shipped = json.loads((ROOT / "jupyter" / "jupyter_server_config.json").read_text(encoding="utf-8"))
    enabled = [name for name, on in shipped["ServerApp"]["jpserver_extensions"].items() if on]
    assert enabled == ["ssi_kit.server_extension"]
    package = ExtensionPackage(name=enabled[0], enabled=True)
    assert package.validate()


def test_the_server_takes_the_largest_upload_in_one_message():
    server = _server()
    from ssi_kit.server_extension import _load_jupyter_server_extension

    _load_jupyter_server_extension(server)
    assert server.web_app.settings["websocket_max_message_size"] == WEBSOCKET_MAX_MESSAGE_BYTES
    assert WEBSOCKET_MAX_MESSAGE_BYTES >= MAX_UPLOAD_BYTES + 2**20  # the file and the message around it


def test_a_limit_the_administrator_set_is_kept():
    server = _server({"websocket_max_message_size": 5 * 2**20})
    from ssi_kit.server_extension import _load_jupyter_server_extension

    _load_jupyter_server_extension(server)
    assert "websocket_max_message_size" not in server.web_app.settings  # Tornado keeps the administrator's
