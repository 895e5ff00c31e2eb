"""Where the article sits, printed as one label per line: 'Том:18', 'Номер:3', 'Год издания:2013',
'Первая страница:1023' / 'Последняя страница:1027', 'Место издания: Красноярск'. A mixin of
the page reader, which holds the state; each value is a finding from a label."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from .evidence import Evidence
from .labels import Block

_NUMBER = re.compile(r"^(?:№|no\.?|n[°º])?\s*(\d{1,5}(?:\s*[-/–]\s*\d{1,5})?(?:\s*\(\d{1,5}\))?)\s*\.?$", re.I)
_YEAR = re.compile(r"^((?:1[89]|20)\d\d)\b")


class LabelledNumbers:
    """Volume, issue, year, first and last page, place, each after its own label."""

    item: Dict[str, Any]
    evidence: Evidence
    other: List[Tuple[int, str]]

    def _number(self, block: Block, field: str) -> None:
        m = _NUMBER.match(block.text.strip())
        if m:
            self.evidence.add(field, re.sub(r"\s+", "", m.group(1)), "label", block.first_line)
        elif block.text:
            self.other.extend(block.lines)

    def _block_volume(self, block: Block) -> None:
        self._number(block, "volume")

    def _block_issue(self, block: Block) -> None:
        self._number(block, "issue")

    def _block_year(self, block: Block) -> None:
        m = _YEAR.match(block.text.strip())
        if m:
            self.evidence.add("issued", {"date-parts": [[int(m.group(1))]]}, "label", block.first_line)
        elif block.text:
            self.other.extend(block.lines)

    def _block_first_page(self, block: Block) -> None:
        self._number(block, "page")

    def _block_last_page(self, block: Block) -> None:
        first = next((f for f in self.evidence.found.get("page", []) if f.source == "label"), None)
        m = _NUMBER.match(block.text.strip())
        if first is not None and m and "-" not in str(first.value):
            first.value = f"{first.value}-{m.group(1)}"  # 'Первая страница:1023' + 'Последняя страница:1027'
        elif block.text:
            self.other.extend(block.lines)

    def _block_place(self, block: Block) -> None:
        if block.text:
            self.item.setdefault("publisher-place", block.text.strip().rstrip("."))
