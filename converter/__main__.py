"""``python -m converter`` is the ``citeconv`` command."""
import sys

from .cli import main

sys.exit(main())
