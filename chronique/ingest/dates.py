"""Publication dates from source metadata (feeds, HTML, JSONL) as YYYY-MM-DD.

Metadata dates come as ISO 8601 / RFC 3339 (Atom, JSON, HTML meta tags) or RFC 822 (RSS). The
publisher's local calendar date is kept: "Sun, 26 Jun 2022 01:00:00 +0300" is 2022-06-26, not
the UTC date.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")


def normalise_published(value: object) -> str | None:
    """YYYY-MM-DD for a metadata date (string, datetime, date or struct_time); None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _safe_date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value)
    if match:
        return _safe_date(*(int(g) for g in match.groups()))
    try:
        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
