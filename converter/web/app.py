"""The ASGI application: the page, its static files and the JSON API (Starlette).

Routes: ``GET /`` the page; ``GET /static/...`` its script and style sheet; ``GET /api/formats``;
``POST /api/convert`` (text in, one output); ``POST /api/read`` (text in, records);
``POST /api/write`` (records in, several outputs). Errors answer as JSON with the CLI's exit
code (``service.error_body``). Every response carries a Content-Security-Policy that allows
nothing but this server's own files, so even a string that slipped into the page unescaped
could not run or load anything.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Sequence

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ConversionError, UsageError
from . import service

STATIC = Path(__file__).resolve().parent / "static"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


class SecurityHeaders:
    """Adds the security headers to every response, the error pages included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _json(data: Dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers={"cache-control": "no-store"})


async def _body(request: Request, limit: int) -> Dict[str, Any]:
    """The request's JSON object, read no further than ``limit`` bytes."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        # a JSON content type also keeps other web sites' forms out: browsers send it only
        # after a CORS preflight, which this server never approves
        raise UsageError("send the request as JSON (Content-Type: application/json)")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise service.InputTooLarge(f"request is {int(declared):,} bytes; the limit is {limit:,}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise service.InputTooLarge(f"request is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    try:
        body = json.loads(b"".join(chunks).decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError("request body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"request body is not JSON: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise UsageError("request body is nested too deeply") from None
    if not isinstance(body, dict):
        raise UsageError("request body must be a JSON object")
    return body


Handler = Callable[[Dict[str, Any]], Dict[str, Any]]


def _endpoint(work: Handler, limit: int) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            body = await _body(request, limit)
            # conversion is CPU work: a thread keeps the server answering meanwhile
            return _json(await run_in_threadpool(work, body))
        except ConversionError as exc:
            return _json(service.error_body(exc), service.http_status(exc))
        except Exception as exc:  # a bug: one line for the client, the traceback for the log
            service.log.exception("request to %s failed", request.url.path)
            return _json(service.internal_error_body(exc), 500)

    return endpoint


def create_app(max_bytes: int = service.MAX_BYTES, allowed_hosts: Sequence[str] | None = None) -> Starlette:
    """The application. ``max_bytes`` limits one input; ``allowed_hosts`` are the Host header
    values served (default: this machine's names only, which stops DNS-rebinding pages)."""
    body_limit = max_bytes * service.BODY_FACTOR + 65536

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"cache-control": "no-cache"})

    async def formats(request: Request) -> Response:
        return _json(service.formats_json(max_bytes))

    routes = [
        Route("/", index, methods=["GET", "HEAD"]),
        Route("/api/formats", formats, methods=["GET"]),
        Route("/api/convert", _endpoint(lambda b: service.convert(b, max_bytes), body_limit), methods=["POST"]),
        Route("/api/read", _endpoint(lambda b: service.read(b, max_bytes), body_limit), methods=["POST"]),
        Route("/api/write", _endpoint(service.write, body_limit), methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS)),
    ]
    return Starlette(routes=routes, middleware=middleware)
