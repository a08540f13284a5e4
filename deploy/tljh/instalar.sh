#!/bin/bash
# ssi-kit on The Littlest JupyterHub, from a copy of this repository on the server:
#
#   sudo bash deploy/tljh/instalar.sh DOCENTE
#
# DOCENTE is the name the teacher logs in with (TLJH's Unix user is "jupyter-DOCENTE").
# Run it again after pulling a new version of the repository: it installs that version.
set -euo pipefail
if [ $# -ne 1 ]; then
    echo "Uso: sudo bash $0 DOCENTE" >&2
    exit 2
fi
cd "$(dirname "$0")/../.."
teacher="$1"

# 1. ssi-kit and what the lessons use (Voilà, nbgitpuller...), in everyone's environment.
/opt/tljh/user/bin/python -m pip install --no-cache-dir -r binder/requirements.txt .

# 2. Each person's server: kernel culling, Voilà's template, private files.
install -m 644 deploy/jupyter_server_config.py /opt/tljh/user/etc/jupyter/jupyter_server_config.py

# 3. The hub: every server knows the class folder.
install -m 644 deploy/tljh/ssi-kit.py /opt/tljh/config/jupyterhub_config.d/ssi-kit.py

# 4. The idle culler (TLJH runs jupyterhub-idle-culler): a server without activity for an hour stops,
#    checked every 5 minutes. What each person saved stays in their folder.
tljh-config set services.cull.timeout 3600
tljh-config set services.cull.every 300
tljh-config set user_environment.default_app jupyterlab

# 5. The class folder, with the teacher's group (deploy/carpeta_clase.sh says how it works).
# TLJH creates each user the first time they log in; create the teacher now, the same way (private home).
if ! id "jupyter-$teacher" >/dev/null 2>&1; then
    useradd --create-home "jupyter-$teacher"
    chmod o-rwx "$(getent passwd "jupyter-$teacher" | cut -d: -f6)"
fi
bash deploy/carpeta_clase.sh "jupyter-$teacher" /srv/ssi-kit/clase ssi-docentes

tljh-config reload hub
echo "Listo. Reparte el enlace de nbgitpuller del README (sección «JupyterHub de la clase»)."
