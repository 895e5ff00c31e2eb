"""The Dask engine of ``citeconv batch``: the partitions as a Dask bag, one task each, run on
local threads or processes or on a cluster (a ``distributed`` scheduler's address). Dask is
an optional extra (``pip install 'citeconv[dask]'``); only this module imports it."""
from __future__ import annotations

from typing import Any, List, Sequence, Tuple

from .batch import Partition, Report, convert_partition
from .errors import UsageError

LOCAL_SCHEDULERS = ("threads", "processes", "synchronous", "sync", "single-threaded")


def run_bag(parts: Sequence[Partition], args: Tuple[Any, ...], scheduler: str | None = None) -> List[Report]:
    """Convert the partitions as a Dask bag; ``scheduler`` is a local scheduler's name
    (default: processes) or a cluster's address (``tcp://host:8786``)."""
    try:
        import dask.bag as db
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'citeconv[dask]'") from None
    if not parts:
        return []
    outdir, to, from_, options = args
    bag = db.from_sequence(list(parts), npartitions=len(parts)).map(
        convert_partition, outdir=outdir, to=to, from_=from_, options=options)
    if scheduler is None or scheduler in LOCAL_SCHEDULERS:
        return list(bag.compute(scheduler=scheduler or "processes"))
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("a scheduler address needs dask.distributed: pip install 'citeconv[dask]'") from None
    with Client(scheduler):  # the bag computes on the cluster while the client is open
        return list(bag.compute())


__all__ = ["LOCAL_SCHEDULERS", "run_bag"]
