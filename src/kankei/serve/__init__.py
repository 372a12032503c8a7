"""`kankei serve`: a local web explorer of the knowledge base (FastAPI, served by uvicorn).

    from kankei.serve import create_app
    app = create_app("kankei.db")                       # read-only
    app = create_app("kankei.db", allow_edits=True, token="...")
"""
from __future__ import annotations

import functools
import os
import secrets
import socket
import sys
from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def create_app(db_path: str | Path, allow_edits: bool = False, token: str | None = None,
               allowed_hosts: list[str] | None = None):
    from kankei.serve.app import create_app as _create
    return _create(db_path, allow_edits=allow_edits, token=token, allowed_hosts=allowed_hosts)


def local_hosts(host: str, port: int) -> list[str] | None:
    """The Host header values a server bound to host:port answers (None: any, when bound to all interfaces)."""
    if host in ("0.0.0.0", "::", ""):
        return None
    names = {host, f"{host}:{port}", f"[{host}]:{port}" if ":" in host else host}
    if host in LOOPBACK:
        for h in ("127.0.0.1", "localhost"):
            names |= {h, f"{h}:{port}"}
        names |= {"[::1]", f"[::1]:{port}"}
    return sorted(names)


def listen(host: str, port: int, reuse_port: bool = False) -> socket.socket:
    """A TCP socket bound to host:port, for uvicorn; StoreError if the address is taken. reuse_port:
    one of several sockets on the address (SO_REUSEPORT), see serve.workers.

    It is made with IPPROTO_TCP named: asyncio sets TCP_NODELAY only on connections accepted from
    such a socket, and without it Nagle's algorithm holds a response's body behind its headers until
    the client's delayed ACK, 40 ms on every keep-alive request."""
    from kankei.store import StoreError
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise StoreError(f"cannot listen on {host}:{port}: {err.strerror or err} "
                         "(another server there? choose another with --port)") from None
    return sock


def default_workers() -> int:
    """Server processes by default: one per core, at most 4. One process runs Python on one core at a
    time (the GIL): on two cores, two processes answered 20 clients about 20% faster."""
    return max(1, min(4, os.cpu_count() or 1))


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, allow_edits: bool = False,
          log_level: str = "warning", workers: int | None = None) -> None:
    """Start the explorer and block until interrupted. StoreError if the base cannot be opened or
    the address cannot be listened on. workers: server processes sharing the address (default:
    default_workers()); the base is opened, checked and its summaries brought up to date here first."""
    import uvicorn

    workers = default_workers() if workers is None else max(1, workers)
    token = secrets.token_urlsafe(24) if allow_edits else None
    # take the address first: "serving at" is said only once it is ours
    sock = listen(host, port)
    port = sock.getsockname()[1]
    sockets = [sock]
    try:
        from kankei.store.pg import redact
        shown_db = redact(str(db_path))       # (a URL's password is not printed)
        print(f"kankei: preparing {shown_db}...", file=sys.stderr, flush=True)
        hosts = local_hosts(host, port)
        app = create_app(db_path, allow_edits=allow_edits, token=token, allowed_hosts=hosts)
        if workers > 1:
            app.state.store.close()
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}/"
        print(f"kankei: serving {shown_db} at {url} (Ctrl-C to stop)"
              + (f"; {workers} processes" if workers > 1 else ""), file=sys.stderr, flush=True)
        if host not in LOOPBACK:
            print(f"kankei: warning: bound to {host}, so other machines that can reach this one can read the base",
                  file=sys.stderr, flush=True)
        if allow_edits:
            print(f"kankei: edits allowed; token: {token}\n"
                  f"kankei: send it as the X-Kankei-Token header, or open {url}#token={token}", file=sys.stderr,
                  flush=True)
        else:
            print("kankei: read-only (start with --allow-edits to record corrections)", file=sys.stderr, flush=True)
        if workers == 1:
            uvicorn.Server(uvicorn.Config(app, log_level=log_level, server_header=False)).run(sockets=[sock])
            return
        from kankei.serve.workers import bind_group, supervise
        # each process makes its own app (the factory is pickled to it), and accepts on its own socket
        factory = functools.partial(_worker_app, str(db_path), allow_edits, token, hosts)
        config = uvicorn.Config(factory, factory=True, workers=workers, log_level=log_level, server_header=False)
        sockets = bind_group(sock, workers)
        supervise(config, sockets, workers)
    finally:
        for s in sockets:
            s.close()


def _worker_app(db_path: str, allow_edits: bool, token: str | None, hosts: list[str] | None):
    """The app of one server process (of several)."""
    return create_app(db_path, allow_edits=allow_edits, token=token, allowed_hosts=hosts)


__all__ = ["create_app", "default_workers", "serve", "listen", "local_hosts"]
