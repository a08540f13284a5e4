# ssi-kit on a class JupyterHub: the settings of each person's own Jupyter server.
#
# Where it goes:
#   The Littlest JupyterHub  /opt/tljh/user/etc/jupyter/jupyter_server_config.py  (deploy/tljh/instalar.sh copies it)
#   Zero to JupyterHub       singleuser.extraFiles (deploy/z2jh/config.yaml, with helm's --set-file)
# tests/browser/hub/ starts a real hub whose servers read this very file; the tests shorten the two
# culling times on the command line (command-line options win over this file).
import os

c = get_config()  # noqa: F821 (Jupyter defines it while it reads this file)

# A page closed (or a Voilà page opened by a direct link, which Voilà cannot stop itself) leaves its Python
# process behind: stop a kernel after 10 minutes without activity and without an open page, checking every
# minute. A page still open is never cut (cull_connected stays off). The same rule as `ssi-kit app`.
c.MappingKernelManager.cull_idle_timeout = 600
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = False

# Kernels talk to their server over files in the person's own runtime folder, not over local TCP ports
# that any account on the machine can connect to.
c.KernelManager.transport = "ipc"

# App mode (voila/render/...): ssi-kit's Spanish template, errors shown as ssi-kit's short messages,
# and voila/tree opening the course home.
c.VoilaConfiguration.template = "ssi-kit"
c.VoilaConfiguration.show_tracebacks = True

# The class folder has the sticky bit and belongs to the teachers' group (deploy/carpeta_clase.sh):
# files written without permissions for "others" are readable by the teacher and by no other student.
# Everything else a person saves (history, plans, contacts) stays private to them as well.
os.umask(0o027)
