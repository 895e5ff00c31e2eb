"""Where the article sits in its journal, as pages print it: journal, year, volume, issue and
pages in the common printed patterns of English and Russian journals."""
from __future__ import annotations

import re

VOLUME_LINE = re.compile(
    r"^\s*(?:(?P<y1>(?:19|20)\d\d)[.,]?\s*)?(?:Vol(?:ume)?\.?|Т\.|Том)\s*(?P<vol>\d+)\s*[.,]?\s*"
    r"(?:(?:No\.?|no\.?|Issue|№|Вып\.)\s*(?P<iss>\d+(?:[-/]\d+)?))?\s*[.,]?\s*(?P<y2>(?:19|20)\d\d)?\s*\.?\s*$", re.I)
# "Journal of Regional Policy 2024, 12(3), 45-60" (MDPI and many others print this above the title)
JOURNAL_LINE = re.compile(
    r"^(?P<journal>[^\d\W].*?[^\W\d_.)]\.?)\s*[.,]?\s+(?P<year>(?:19|20)\d\d)\s*[,;.]\s*"
    r"(?:(?:Vol\.?|Т\.)\s*)?(?P<vol>\d+)\s*(?:\(\s*(?P<iss>[^)]{1,12})\s*\)|,?\s*(?:No\.?|№|Iss(?:ue)?\.?)\s*(?P<iss2>\d+))?"
    r"\s*[,:;.]\s*(?:pp?\.\s*|С\.\s*)?(?P<pages>\d+\s*[-–—]\s*\d+|e?\d+)\.?\s*$")
PAGES = re.compile(r"^\s*(?:pp?\.\s*|С\.\s*)?(\d+)\s*[-–—]\s*(\d+)\s*$")
