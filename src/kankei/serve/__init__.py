"""`kankei serve`: a local web explorer of the knowledge base (FastAPI, served by uvicorn).

    from kankei.serve import create_app
    app = create_app("kankei.db")                       # read-only
    app = create_app("kankei.db", allow_edits=True, token="...")
"""
from __future__ import annotations

import secrets
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


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, allow_edits: bool = False,
          log_level: str = "warning") -> None:
    """Start the explorer and block until interrupted. StoreError if the base cannot be opened."""
    import uvicorn

    token = secrets.token_urlsafe(24) if allow_edits else None
    print(f"kankei: preparing {db_path}...", file=sys.stderr, flush=True)
    app = create_app(db_path, allow_edits=allow_edits, token=token, allowed_hosts=local_hosts(host, port))
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    print(f"kankei: serving {db_path} at {url} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    if host not in LOOPBACK:
        print(f"kankei: warning: bound to {host}, so other machines that can reach this one can read the base",
              file=sys.stderr, flush=True)
    if allow_edits:
        print(f"kankei: edits allowed; token: {token}\n"
              f"kankei: send it as the X-Kankei-Token header, or open {url}#token={token}", file=sys.stderr, flush=True)
    else:
        print("kankei: read-only (start with --allow-edits to record corrections)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


__all__ = ["create_app", "serve", "local_hosts"]
