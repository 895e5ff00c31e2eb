"""Free-text reference parsing: rules where they are certain, a learned model elsewhere.

    >>> from converter.references import parse_reference
    >>> item, warnings = parse_reference("Paquin S. Identity Paradiplomacy in Québec. "
    ...     "Quebec Studies. 2018;(66):3–26. https://doi.org/10.3828/qs.2018.14", number="2")
    >>> item["issue"], item["page"], item["DOI"]
    ('66', '3–26', '10.3828/qs.2018.14')
"""
from ..vocabulary.name_lists import split_names, split_person
from .parser import parse_reference
from .split import split_reference_list

__all__ = ["parse_reference", "split_names", "split_person", "split_reference_list"]
