# ssi-kit on The Littlest JupyterHub: the hub's part. deploy/tljh/instalar.sh copies it to
# /opt/tljh/config/jupyterhub_config.d/ssi-kit.py (TLJH reads every .py file there).
# tests/browser/hub/ loads this very file into the hub it starts.
import os

c = get_config()  # noqa: F821 (JupyterHub defines it while it reads this file)

# The shared class folder (deploy/carpeta_clase.sh creates it). Every server gets its path in
# SSI_KIT_CLASS_DIR: lesson 01's «Enviar a la clase» and lesson 06's «Leer la carpeta» start from it.
# Change the path here, or set SSI_KIT_CLASS_DIR in the hub's environment.
CLASS_DIR = os.environ.get("SSI_KIT_CLASS_DIR", "/srv/ssi-kit/clase")
c.Spawner.environment.update({"SSI_KIT_CLASS_DIR": CLASS_DIR})
