"""``citeconv serve``: a local web page and an HTTP API over the same converter.

``service`` does the work on plain dicts (no HTTP), ``app`` is the ASGI application
(Starlette), ``serve`` starts it under uvicorn, ``static/`` is the page. Starlette and uvicorn
come with the optional ``web`` extra; only ``app`` and ``serve`` import them.
"""
