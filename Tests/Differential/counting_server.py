"""Independent counting HTTP/1.1 server for the differential pool tests (127.0.0.1 only).

Written for this suite (it shares no code with PoolPlay's MockServer), so both the real httpx/httpcore
and PoolPlay's pool are measured by the same, separate witness.

    python counting_server.py [--origins N] [--idle-timeout SECONDS] [--close]

Prints one JSON line {"ports": [...]} once every listener is up, then serves until stdin closes.

Routes (any listener):
    GET /?sleep=S&i=TAG   sleeps S seconds, then 200 with a small JSON body and X-Conn-Port (client port)
    GET /_ledger          the JSON ledger (waits up to 5 s for every client connection to be closed)
    GET /_reset           clears the ledger
Control connections (first request under /_) are not recorded.

Ledger: {"connections": [{"id", "origin", "requests", "closed_by"}], "requests": [{"conn", "origin", "tag"}]}
"closed_by" is "client" (EOF from the client), "server" (idle timeout here, or --close) or null (still open).
--close answers every request with "Connection: close" and closes the connection after it, so a client can
never reuse one.
"""
import argparse
import asyncio
import json
import socket
import sys
from urllib.parse import parse_qs, urlparse


class Ledger:
    def __init__(self):
        self.reset()
        self.changed = asyncio.Event()

    def reset(self):
        self.connections = []
        self.requests = []

    def open_count(self):
        return sum(1 for c in self.connections if c["closed_by"] is None)

    def as_json(self):
        return {"connections": self.connections, "requests": self.requests}


async def read_head(reader):
    """Reads one request head; returns (method, target, headers) or None at EOF."""
    line = await reader.readline()
    if not line:
        return None
    while line in (b"\r\n", b"\n"):
        line = await reader.readline()
        if not line:
            return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers = {}
    while True:
        h = await reader.readline()
        if not h:
            return None
        if h in (b"\r\n", b"\n"):
            break
        k, _, v = h.decode("latin-1").partition(":")
        headers[k.strip().lower()] = v.strip()
    n = int(headers.get("content-length") or 0)
    if n:
        await reader.readexactly(n)
    return method, target, headers


def response(status, body, extra=()):
    head = [f"HTTP/1.1 {status}", "Content-Type: application/json", f"Content-Length: {len(body)}"]
    head += [f"{k}: {v}" for k, v in extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def make_handler(ledger, origin_index, idle_timeout, close=False):
    async def handle(reader, writer):
        peer_port = writer.get_extra_info("peername")[1]
        record = None  # created at the first non-control request
        closed_by = "client"
        first = True
        try:
            while True:
                try:
                    if idle_timeout is not None:
                        head = await asyncio.wait_for(read_head(reader), idle_timeout)
                    else:
                        head = await read_head(reader)
                except asyncio.TimeoutError:
                    closed_by = "server"
                    break
                except (ConnectionError, asyncio.IncompleteReadError, ValueError):
                    break
                if head is None:
                    break
                _, target, _ = head
                url = urlparse(target)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path.startswith("/_"):
                    if url.path == "/_reset":
                        ledger.reset()
                        body = b"{}"
                    else:
                        for _ in range(100):  # bounded: at most 5 s for clients to finish closing
                            if ledger.open_count() == 0:
                                break
                            ledger.changed.clear()
                            try:
                                await asyncio.wait_for(ledger.changed.wait(), 0.05)
                            except asyncio.TimeoutError:
                                pass
                        body = json.dumps(ledger.as_json()).encode()
                    writer.write(response("200 OK", body, [("Connection", "close")]))
                    await writer.drain()
                    break
                if first:
                    record = {"id": len(ledger.connections), "origin": origin_index, "requests": 0, "closed_by": None}
                    ledger.connections.append(record)
                first = False
                record["requests"] += 1
                ledger.requests.append({"conn": record["id"], "origin": origin_index, "tag": query.get("i")})
                if "sleep" in query:
                    # "Work" for S seconds, but notice a client that gives up (EOF) meanwhile: HTTP/1.1 clients
                    # send nothing while they wait for a response, so anything readable here means EOF.
                    eof = asyncio.ensure_future(reader.read(1))
                    done, _ = await asyncio.wait({eof}, timeout=float(query["sleep"]))
                    if eof in done:
                        break
                    eof.cancel()
                    await asyncio.gather(eof, return_exceptions=True)  # the reader is free again only now
                body = json.dumps({"ok": True, "i": query.get("i")}).encode()
                extra = [("X-Conn-Port", str(peer_port))] + ([("Connection", "close")] if close else [])
                writer.write(response("200 OK", body, extra))
                await writer.drain()
                if close:
                    closed_by = "server"
                    break
        finally:
            if record is not None and record["closed_by"] is None:
                record["closed_by"] = closed_by
                ledger.changed.set()
            writer.close()
            try:
                await writer.wait_closed()
            except (ConnectionError, OSError):
                pass

    return handle


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--origins", type=int, default=1)
    parser.add_argument("--idle-timeout", type=float, default=None)
    parser.add_argument("--close", action="store_true")
    args = parser.parse_args()
    ledger = Ledger()
    servers, ports = [], []
    for index in range(args.origins):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        server = await asyncio.start_server(
            make_handler(ledger, index, args.idle_timeout, args.close), sock=sock, backlog=1024)
        servers.append(server)
        ports.append(sock.getsockname()[1])
    print(json.dumps({"ports": ports}), flush=True)
    # Serve until the parent closes our stdin.
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    for server in servers:
        server.close()


if __name__ == "__main__":
    asyncio.run(main())
