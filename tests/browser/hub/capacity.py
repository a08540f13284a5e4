"""How much one student costs a class hub: memory and CPU of a server with lesson 01 open in Voilà.

Run as root on an idle machine (``.venv/bin/python -m tests.browser.hub.capacity [STUDENTS]``). It starts the
test hub (no culling during the measurement), has STUDENTS students (3 by default) open lesson 01 in app mode
at once through the nbgitpuller link, waits until every chart is drawn and the machine is quiet, and prints,
per student, the resident memory (RSS) and the proportional share (PSS: shared libraries counted once across
everyone) of their server and kernel, and the CPU seconds their lesson took. The README's sizing comes from it.
"""

from __future__ import annotations

import sys
import time

from playwright.sync_api import sync_playwright

from .._lab import ALL_PLOTS_DRAWN
from .._servers import CHROMIUM, CHROMIUM_ARGS
from ._hub import LESSONS, PASSWORD, Timeouts, _processes_of, class_hub

LESSON = f"{LESSONS}/01_que_es_el_ssi.ipynb"


def _usage(uid: int) -> tuple[float, float, float]:
    """RSS and PSS in MB and CPU seconds of every process of ``uid``."""
    rss = pss = cpu = 0.0
    for process in _processes_of({uid}):
        try:
            memory = process.memory_full_info()
            times = process.cpu_times()
        except Exception:
            continue
        rss += memory.rss / 2**20
        pss += memory.pss / 2**20
        cpu += times.user + times.system + times.children_user + times.children_system
    return rss, pss, cpu


def main(count: int = 3) -> None:
    import pwd

    with class_hub(Timeouts(server_idle=3600, server_every=600, kernel_idle=600, kernel_interval=60)) as hub:
        users = [*hub.students, hub.teacher][:count]
        hub.start(*users)
        time.sleep(5)
        uids = {user: pwd.getpwnam(user).pw_uid for user in users}
        idle = {user: _usage(uid) for user, uid in uids.items()}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            pages = []
            started = time.monotonic()
            for user in users:
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.goto(hub.pull_link(f"voila/render/{LESSON}"), wait_until="load")
                page.fill("#username_input", user)
                page.fill("#password_input", PASSWORD)
                page.click("#login_submit", no_wait_after=True)
                pages.append(page)
            for page in pages:
                page.locator(".ssi-class-submit").first.wait_for(timeout=600_000)
                page.wait_for_function(ALL_PLOTS_DRAWN, timeout=600_000)
            drawn = time.monotonic() - started
            time.sleep(10)  # widgets settle, the kernels go idle
            print(f"{count} estudiantes abrieron la lección 01 a la vez: todo dibujado en {drawn:.0f} s")
            print("estudiante        RSS (MB)  PSS (MB)  RSS sin lección  CPU de la lección (s)")
            totals = [0.0, 0.0]
            for user, uid in uids.items():
                rss, pss, cpu = _usage(uid)
                totals[0] += rss
                totals[1] += pss
                print(f"{user:<18}{rss:8.0f}  {pss:8.0f}  {idle[user][0]:15.0f}  {cpu - idle[user][2]:10.1f}")
            print(f"media por estudiante: RSS {totals[0] / count:.0f} MB, PSS {totals[1] / count:.0f} MB")
            browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
