"""The socket `kankei serve` listens on: its connections send small writes at once (TCP_NODELAY)."""
from __future__ import annotations

import asyncio
import socket

import pytest

from kankei.serve import listen
from kankei.store import StoreError


def test_accepted_connections_have_nagle_off():
    # a response is written in pieces (headers, body): with Nagle's algorithm on, each keep-alive
    # request waited for the client's delayed ACK (40 ms) before its body was sent
    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    seen: list[int] = []

    async def main() -> None:
        def accepted(_reader, writer):
            seen.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(accepted, sock=sock)
        async with server:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            for _ in range(100):
                if seen:
                    break
                await asyncio.sleep(0.01)
            writer.close()

    asyncio.run(main())
    assert seen and seen[0] != 0


def test_a_taken_address_is_a_clear_error():
    first = listen("127.0.0.1", 0)
    first.listen()
    try:
        with pytest.raises(StoreError, match="cannot listen"):
            listen("127.0.0.1", first.getsockname()[1]).listen()
    finally:
        first.close()
