"""Real citation strings with their expected parses.

Shared by the tests (``tests/documents/test_citations.py``) and the benchmark
(``bench/citations.py``) so that neither needs the ``shared/`` folder. Each entry:
``(id, text, context_date, [expected citation fields ...])``; only the fields
given are checked. C1/C2 are constructed strings.
"""

from .forms import FORMS
from .lists import MORE

EXAMPLES = FORMS + MORE
