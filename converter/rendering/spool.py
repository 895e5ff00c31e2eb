"""Items kept on disk while a big bibliography is rendered (bounded.py): written once, in
input order, then read back one at a time, in any order, by index.

A temporary file and an array of offsets (8 bytes an item). Reads use ``os.pread``, which
moves no shared file position, so processes forked to render ranges (``forked.py``) read the
same file at once. ``Spool`` keeps CSL-JSON items (JSON lines); ``References`` keeps the
references made from them (pickled), so that a step after the first reads a reference back
instead of making it again from its item.
"""
from __future__ import annotations

import json
import os
import pickle
import tempfile
from array import array
from typing import Any, Dict, Iterator

from .items import TrackedReference
from .state import ReferenceState

Item = Dict[str, Any]


class _Records:
    """Byte strings on disk, in the order written: ``put``, ``len``, ``get(i)``."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="citeconv-spool-")
        self._fd = self._file.fileno()
        self._offsets = array("q", [0])  # record i is bytes offsets[i]:offsets[i + 1]

    def put(self, data: bytes) -> int:
        """Write ``data``; its index."""
        os.pwrite(self._fd, data, self._offsets[-1])
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    def get(self, index: int) -> bytes:
        start, stop = self._offsets[index], self._offsets[index + 1]
        return os.pread(self._fd, stop - start, start)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def close(self) -> None:
        self._file.close()


class Spool(_Records):
    """A list of CSL-JSON items on disk: ``append``, ``len``, ``spool[i]``."""

    def append(self, item: Item) -> int:
        """Write ``item``; its index."""
        return self.put(json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def __getitem__(self, index: int) -> Item:
        item: Item = json.loads(self.get(index))
        return item

    def __iter__(self) -> Iterator[Item]:
        return (self[i] for i in range(len(self)))

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def dump_reference(ref: TrackedReference) -> bytes:
    """A reference as ``References`` keeps it: its variables (key and type among them), not
    its render state, which a reference read back starts afresh."""
    return pickle.dumps(dict(ref), protocol=pickle.HIGHEST_PROTOCOL)


def load_reference(data: bytes) -> TrackedReference:
    ref = TrackedReference.__new__(TrackedReference)
    dict.update(ref, pickle.loads(data))
    ref.__dict__["state"] = ReferenceState()
    return ref


class References(_Records):
    """References on disk, each made once from its item (``items.convert_item``) and read back
    whenever a step needs it: reading one back costs about a quarter of making it again."""

    def append(self, data: bytes) -> int:
        """Write a reference as ``dump_reference`` gave it; its index."""
        return self.put(data)

    def __getitem__(self, index: int) -> TrackedReference:
        return load_reference(self.get(index))
