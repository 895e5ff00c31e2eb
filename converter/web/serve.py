"""``citeconv serve [--host 127.0.0.1] [--port 8000] [--max-bytes N]``: the page and API under uvicorn."""
from __future__ import annotations

import argparse
import errno
import ipaddress
import socket
import sys
import threading
from typing import NoReturn, Sequence

from ..errors import UsageError
from .service import MAX_BYTES


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # exit code 2 with the CLI's one-line message
        self.print_usage(sys.stderr)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="citeconv serve",
                description="Serve the citeconv web page and HTTP API (POST /api/convert, GET /api/formats).")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                   help=f"largest input accepted, in bytes (default {MAX_BYTES:,}); larger ones get HTTP 413")
    return p


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _listen(host: str, port: int) -> socket.socket:
    """A bound socket, so that a port in use is one clear message rather than a server log."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UsageError(f"cannot listen on {host!r}: {exc.strerror}", field="host") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        hint = "; choose another with --port" if exc.errno == errno.EADDRINUSE else ""
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}{hint}", field="port") from None
    sock.listen(128)
    return sock


def _warm_up() -> None:
    from .. import convert

    try:
        convert("Doe J. A title. Journal. 2020;1(2):3-4.", "reference", "apa")
    except Exception:  # only a head start: a real request reports any problem itself
        pass


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.max_bytes < 1:
        raise UsageError("--max-bytes must be a positive number of bytes", field="max-bytes")
    try:
        import uvicorn

        from .app import LOCAL_HOSTS, create_app
    except ImportError as exc:
        raise UsageError(f"citeconv serve needs the optional 'web' extra ({exc.name} is not installed): "
                         "pip install 'citeconv[web]'") from None
    sock = _listen(args.host, args.port)
    host, port = sock.getsockname()[:2]
    local = _is_loopback(args.host)
    # off this machine the Host header is whatever name the clients use; on it, only local names
    app = create_app(args.max_bytes, allowed_hosts=LOCAL_HOSTS if local else ["*"])
    shown = f"[{host}]" if ":" in host else host
    print(f"citeconv: serving the page at http://{shown}:{port}/ (Ctrl+C stops)", file=sys.stderr)
    if not local:
        print("citeconv: warning: listening beyond this machine; anyone who can reach it can use it",
              file=sys.stderr)
    # the first conversion loads the reference model and a style (about half a second): do it
    # now, beside the starting server, rather than in the first person's request
    threading.Thread(target=_warm_up, daemon=True).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
    server.run(sockets=[sock])
    return 0
