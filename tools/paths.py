"""Where the tools find things: the repository, and the shared data beside it (../shared)."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
