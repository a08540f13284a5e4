"""Kill a writing process at random moments: what a store promised (a call that returned) must survive."""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable


def kill_while_writing(write: Callable[[int], object], check: Callable[[set[int]], object], *, rounds: int,
                       seed: int, pause: float = 0.04) -> set[int]:
    """Fork a child calling ``write(0)``, ``write(1)``… and kill it (SIGKILL) after a random pause, ``rounds`` times.

    After each kill, ``check(confirmed)`` runs with every number whose ``write`` returned so far
    (the child says so through a pipe). Numbers are never reused: the one that may have been
    half written when the child died is skipped. Returns the confirmed numbers.
    """
    rng = random.Random(seed)
    confirmed: set[int] = set()
    start = 0
    for _ in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child writes until killed, telling each number that returned
            os.close(read_end)
            try:
                for number in range(start, start + 10_000):
                    write(number)
                    os.write(write_end, f"{number}\n".encode())
            finally:
                os._exit(0)
        os.close(write_end)
        time.sleep(rng.uniform(0, pause))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            returned = [int(line) for line in pipe.read().split()]
        confirmed |= set(returned)
        start = max([start - 1, *returned]) + 2
        check(confirmed)
    return confirmed
