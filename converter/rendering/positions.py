"""Cite positions across a document (CSL 1.0.2, "Position"): first, subsequent, ibid,
ibid-with-locator and near-note for every cite, from the order of the citations and their
note numbers."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple


def assign_positions(clusters: Sequence[Any], notes: Sequence[int], near_note_distance: int = 5) -> None:
    """Set ``cite.positions`` on every cite of every citation, in document order.

    Citations in the running text (note number 0) and citations in footnotes are two
    streams for ibid: a cite follows the previous cite of its own stream. The first cite of
    a citation is ibid only when the citations of the previous note cite nothing else."""
    last_note: Dict[str, int] = {}
    first_note: Dict[str, int] = {}
    previous: Dict[bool, Any] = {}                  # per stream: the last cite
    by_note: Dict[bool, List[Tuple[int, Any]]] = {}  # per stream: (note, citation) so far
    for cluster, note in zip(clusters, notes):
        stream = bool(note)
        for n, cite in enumerate(cluster.cites):
            key = cite.key
            found = []
            if key not in last_note:
                found.append("first")
            else:
                found.append("subsequent")
                if note and last_note[key] and note - last_note[key] <= near_note_distance:
                    found.append("near-note")
                before = previous.get(stream) if n > 0 else _last_cite_if_alone(by_note.get(stream, []), note, key)
                if before is not None and before.key == key:
                    here, there = _locator(cite), _locator(before)
                    if here is None and there is None:
                        found.append("ibid")
                    elif here is not None and here != there:
                        found += ["ibid", "ibid-with-locator"]
                    elif here is not None:
                        found.append("ibid")
            cite.place(tuple(found), first_note.get(key) or 0)
            first_note.setdefault(key, note)
            last_note[key] = note
            previous[stream] = cite
        if cluster.cites:
            by_note.setdefault(stream, []).append((note, cluster))


def _locator(cite: Any) -> Optional[Tuple[str, str]]:
    if "locator" not in cite:
        return None
    locator = cite["locator"]
    return (str(locator.label or "page"), str(locator.identifier))


def _last_cite_if_alone(history: List[Tuple[int, Any]], note: int, key: str) -> Optional[Any]:
    """The cite before the first cite of a citation, when it can be an ibid's antecedent:
    the previous citation in the same note, or else every citation of the previous note,
    citing one item only."""
    if not history:
        return None
    last_note, last = history[-1]
    if note and last_note != note:
        group = [c for n, c in history if n == last_note]
    else:
        group = [last]
    cites = [c for citation in group for c in citation.cites]
    if cites and all(c.key == cites[-1].key for c in cites):
        return cites[-1]
    return None
