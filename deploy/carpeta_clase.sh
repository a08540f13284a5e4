#!/bin/bash
# The shared class folder on one server (The Littlest JupyterHub or any hub of Unix users).
#
#   sudo bash deploy/carpeta_clase.sh DOCENTE [CARPETA] [GRUPO]
#
# DOCENTE is the teacher's Unix user (on TLJH, "jupyter-" + the name they log in with);
# CARPETA defaults to /srv/ssi-kit/clase (the SSI_KIT_CLASS_DIR of deploy/tljh/ssi-kit.py);
# GRUPO, the teachers' group, to ssi-docentes. The folder belongs to the teacher and the group:
#   - every student can add files (write and enter) but not list the folder;
#   - the sticky bit: nobody deletes or renames another person's file;
#   - setgid: each new file belongs to the teachers' group, and the servers write without
#     permissions for others (umask 027 in deploy/jupyter_server_config.py): the teachers
#     read every submission, no student reads another's.
# The teacher's server must be restarted once afterwards (its groups are read when it starts).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 3 ]; then
    echo "Uso: sudo bash $0 DOCENTE [CARPETA] [GRUPO]" >&2
    exit 2
fi
teacher="$1"
folder="${2:-/srv/ssi-kit/clase}"
group="${3:-ssi-docentes}"
getent group "$group" >/dev/null || groupadd "$group"
usermod -a -G "$group" "$teacher"
mkdir -p "$folder"
chown "$teacher:$group" "$folder"
chmod 3773 "$folder"  # setgid + sticky; rwx teacher and group; -wx everyone else
echo "Carpeta de la clase lista: $folder (docente: $teacher, grupo: $group)"
