"""Several server processes on one address, each accepting on a socket of its own.

uvicorn's own supervisor hands one listening socket to every process. Its clients mostly keep their
connection open, and asyncio accepts every connection waiting at once: whichever process woke first
took them all (18 of 20 clients went to one process, leaving the second core idle). Here each process
listens on its own socket bound to the same address with SO_REUSEPORT, and the kernel spreads the new
connections over them (Linux only: elsewhere the processes share one socket, as uvicorn's do).
"""
from __future__ import annotations

import signal
import socket
import sys
import threading

REUSE_PORT = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")
"""Whether the kernel balances connections over sockets sharing a port (Linux's SO_REUSEPORT does;
the BSDs' hands them all to one socket)."""


def bind_group(sock: socket.socket, n: int) -> list[socket.socket]:
    """n listening sockets on sock's address (sock, bound, is the first): with REUSE_PORT, sock is
    rebound with SO_REUSEPORT beside n - 1 others; without it, sock alone, shared by the n processes.

    The address was bound once without SO_REUSEPORT first (by serve.listen), so a port some other
    server holds is refused as before; it is released and at once taken again by the group."""
    if not REUSE_PORT or n <= 1:
        return [sock]
    from kankei.serve import listen
    host, port = sock.getsockname()[:2]
    sock.close()
    group: list[socket.socket] = []
    try:
        for _ in range(n):
            group.append(listen(host, port, reuse_port=True))
    except BaseException:
        for s in group:
            s.close()
        raise
    return group


def supervise(config, sockets: list[socket.socket], processes: int) -> None:
    """Run `processes` uvicorn servers of config until SIGINT or SIGTERM, each on sockets[i] (or all on
    sockets[0] when there is one socket); a process that dies is replaced on its socket. A socket
    left without its process would keep the connections the kernel gives it unanswered."""
    from uvicorn._subprocess import get_subprocess
    from uvicorn.config import STARTUP_FAILURE
    from uvicorn.server import Server

    def start(i: int):
        mine = [sockets[i]] if len(sockets) > 1 else sockets
        proc = get_subprocess(config, target=Server(config).run, sockets=mine)
        proc.start()
        return proc

    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    procs = [start(i) for i in range(processes)]
    try:
        while not stop.wait(0.5):
            for i, proc in enumerate(procs):
                if proc.is_alive():
                    continue
                proc.join()
                if proc.exitcode == STARTUP_FAILURE:     # (the next would fail the same way)
                    print(f"kankei: a server process failed to start (exit {proc.exitcode})", file=sys.stderr)
                    stop.set()
                    break
                procs[i] = start(i)
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join()
