"""Your LinkedIn connections export (``Connections.csv``): read it, summarise it, anonymise it.

LinkedIn's "Get a copy of your data" gives a ``Connections.csv``. Its shape changed over the
years and spreadsheets change it again when they re-save it; :func:`read_connections` reads
every variant into one tidy table. Your data never leaves your machine: nothing here sends
anything anywhere, and the file you read is never modified. Messages about a file name its
lines, never what they hold.
"""

from ._decision_makers import DECISION_MAKER_TERMS, is_decision_maker, top_decision_makers
from ._read import read_connections
from ._sharing import anonymize
from ._summary import NetworkSummary, network_summary
from ._table import COLUMNS

__all__ = [
    "COLUMNS",
    "DECISION_MAKER_TERMS",
    "NetworkSummary",
    "anonymize",
    "is_decision_maker",
    "network_summary",
    "read_connections",
    "top_decision_makers",
]
