"""Render rows as a table, JSON, JSONL or CSV: the one place output formats live."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TextIO

from tabulate import tabulate

# excel-csv: CSV as Excel opens it in Belgium and the Netherlands (a byte-order mark for UTF-8, semicolons, decimal
# commas); plain csv keeps commas and decimal points for programs
FORMATS = ("table", "json", "jsonl", "csv", "excel-csv")


TABLE_ITEMS = 6  # rankings' table cells show a list's first items (most weight first) and how many more
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs a cell that starts with one of these


def json_value(value: Any) -> Any:
    """A value json cannot write as it is: a DuckDB DECIMAL as a number, a date or time as its ISO text."""
    return float(value) if isinstance(value, Decimal) else str(value)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def _excel_cell(value: Any) -> Any:
    """A cell as Excel reads it in a Dutch or Belgian locale: a fraction with a decimal comma (45,7; -5,5), in a list
    too ("1,5, x"); text guarded as in csv (csv_safe)."""
    if isinstance(value, (float, Decimal)):
        return str(value).replace(".", ",")
    if isinstance(value, (list, tuple)):
        return csv_safe(", ".join(str(_excel_cell(v)) for v in value))
    return csv_safe(value)


def csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(...)" from a CV), prefixed with ' so it
    shows as text (OWASP's CSV injection advice); numbers stay numbers."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def write_rows(rows: Sequence[dict[str, Any]], fmt: str, out: TextIO = sys.stdout,
               columns: Sequence[str] | None = None, list_items: int | None = None) -> None:
    """Write `rows` (dicts with the same keys) in `fmt`; in a table, lists cut to `list_items` and "+N more"."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        json.dump([{c: r.get(c) for c in columns} for r in rows], out, ensure_ascii=False, indent=2, default=json_value)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False, default=json_value) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([csv_safe(_cell(r.get(c))) for c in columns] for r in rows)
    elif fmt == "excel-csv":
        out.write("\ufeff")
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([_excel_cell(r.get(c)) for c in columns] for r in rows)
    else:
        if not rows:
            out.write("(no rows)\n")
            return
        out.write(tabulate([[_one_line(_cell(_first_items(r.get(c), list_items))) for c in columns] for r in rows],
                           headers=columns, tablefmt="simple", maxcolwidths=60) + "\n")


def _first_items(value: Any, n: int | None) -> Any:
    """A list longer than n as its first n items and "+N more": a terminal table stays readable."""
    if n is not None and isinstance(value, (list, tuple)) and len(value) > n:
        return [*value[:n], f"+{len(value) - n} more"]
    return value


def _one_line(value: Any) -> Any:
    """A table cell on one line: a skill matched across a line break ("CERTIFICATEN\\nHACCP") would start a row
    of its own."""
    return " ".join(value.split()) if isinstance(value, str) else value
