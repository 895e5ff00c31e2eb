"""Items kept on disk while a big bibliography is rendered (bounded.py): written once, in
input order, then read back one at a time, in any order, by index.

A temporary file of JSON lines and an array of offsets (8 bytes an item). Reads use
``os.pread``, which moves no shared file position, so processes forked to render ranges
(``forked.py``) read the same file at once.
"""
from __future__ import annotations

import json
import os
import tempfile
from array import array
from typing import Any, Dict, Iterator

Item = Dict[str, Any]


class Spool:
    """A list of CSL-JSON items on disk: ``append``, ``len``, ``spool[i]``."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="citeconv-spool-")
        self._fd = self._file.fileno()
        self._offsets = array("q", [0])  # item i is bytes offsets[i]:offsets[i + 1]

    def append(self, item: Item) -> int:
        """Write ``item``; its index."""
        data = json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        os.pwrite(self._fd, data, self._offsets[-1])
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index: int) -> Item:
        start, stop = self._offsets[index], self._offsets[index + 1]
        item: Item = json.loads(os.pread(self._fd, stop - start, start))
        return item

    def __iter__(self) -> Iterator[Item]:
        return (self[i] for i in range(len(self)))

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
