"""Many rows in one go: INSERT and UPDATE-by-key, at a fraction of the CPU per row.

SQLAlchemy's executemany builds and type-processes a parameter dict per row: for a
fan-out to 1,000 endpoints that was most of the database's CPU, taken from the
sends running on the same interpreter (docs/benchmarks.md). Here each column's
values are bound by the column type's own bind processor, so what is stored is
what SQLAlchemy would store, and a value repeated down a column (one `now` for
a whole fan-out) is processed once. PostgreSQL gets one statement over one JSON
document (`json_to_recordset`: half the client CPU of one array per column,
which psycopg quotes element by element); SQLite gets the driver's executemany
of plain tuples. Scalar columns only: a JSON column's value would arrive as a
string inside the document.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, text
from sqlalchemy.engine import Dialect

Rows = Sequence[dict[str, Any]]

# rows per statement: a fan-out of 500 events to 1,000 endpoints is 500,000 rows,
# which as one JSON document would be about 100 MB in the client and the server
CHUNK = 5000


def _bound(column: Column[Any], dialect: Dialect, values: list[Any]) -> list[Any]:
    # the dialect's own type (SQLite's DATETIME writes its string format), as
    # SQLAlchemy's executemany would use: the generic type's processor would not
    process: Callable[[Any], Any] | None = (
        column.type.dialect_impl(dialect).bind_processor(dialect))
    if process is None:
        return values
    memo: dict[Any, Any] = {}
    out: list[Any] = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        try:
            out.append(memo[v])
        except KeyError:
            out.append(memo.setdefault(v, process(v)))
        except TypeError:  # unhashable (a JSON value): no memo
            out.append(process(v))
    return out


def _columns(conn: Connection, table: Table, rows: Rows) -> dict[str, list[Any]]:
    """The rows as one bound list per column (every row has the first row's keys)."""
    names = list(rows[0])
    return {k: _bound(table.c[k], conn.dialect, [r[k] for r in rows]) for k in names}


def _recordset(conn: Connection, table: Table, names: list[str]) -> str:
    """The rows parameter as a relation `v` of the table's own column types."""
    types = ", ".join(f"{k} {table.c[k].type.compile(dialect=conn.dialect)}" for k in names)
    return f"json_to_recordset(CAST(:rows AS json)) AS v({types})"


def _document(cols: dict[str, list[Any]]) -> dict[str, str]:
    names = list(cols)
    rows = [dict(zip(names, values, strict=True)) for values in zip(*cols.values(), strict=True)]
    return {"rows": json.dumps(rows, ensure_ascii=False, default=_iso)}


def _iso(value: Any) -> str:
    if isinstance(value, dt.date | dt.time):  # datetimes too
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a scalar column value")


def insert_many(conn: Connection, table: Table, rows: Rows) -> None:
    """INSERT *rows* (dicts with the same keys) into *table*, CHUNK rows a statement."""
    for at in range(0, len(rows), CHUNK):
        _insert(conn, table, rows[at:at + CHUNK])


def _insert(conn: Connection, table: Table, rows: Rows) -> None:
    cols = _columns(conn, table, rows)
    names = list(cols)
    into = f"INSERT INTO {table.name} ({', '.join(names)})"
    if conn.dialect.name == "postgresql":
        rel = _recordset(conn, table, names)
        conn.execute(text(f"{into} SELECT {', '.join(names)} FROM {rel}"), _document(cols))
    else:
        conn.exec_driver_sql(f"{into} VALUES ({', '.join('?' * len(names))})",
                             list(zip(*cols.values(), strict=True)))


def update_many(conn: Connection, table: Table, key: str, rows: Rows) -> None:
    """UPDATE *table* row by row: each dict names its row by *key* and sets the rest;
    CHUNK rows a statement."""
    for at in range(0, len(rows), CHUNK):
        _update(conn, table, key, rows[at:at + CHUNK])


def _update(conn: Connection, table: Table, key: str, rows: Rows) -> None:
    cols = _columns(conn, table, rows)
    names = list(cols)
    sets = [k for k in names if k != key]
    if conn.dialect.name == "postgresql":
        conn.execute(text(
            f"UPDATE {table.name} AS t SET {', '.join(f'{k} = v.{k}' for k in sets)}"
            f" FROM {_recordset(conn, table, names)} WHERE t.{key} = v.{key}"), _document(cols))
    else:
        ordered = [*sets, key]
        conn.exec_driver_sql(
            f"UPDATE {table.name} SET {', '.join(f'{k} = ?' for k in sets)} WHERE {key} = ?",
            list(zip(*(cols[k] for k in ordered), strict=True)))
