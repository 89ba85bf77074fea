"""Fast row writing for the scale generator: explicit ids, COPY on PostgreSQL, executemany elsewhere.

The generator builds plain rows (a dict per row, keyed by attname); the writer fills every column the row
leaves out from the model field (its default, NULL, "" for text), assigns ids itself (so children can point
at parents before anything is written) and writes the buffered rows parent-first in one transaction per
flush, so deferred foreign-key checks never pile up.
"""

# ruff: noqa: S608 - table and column names come from model metadata; every value is bound

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from django.core.management.color import no_style
from django.db import connections, models, transaction


class _Spec:
    __slots__ = ("model", "table", "attnames", "columns", "fillers", "converters")

    def __init__(self, model: type[models.Model], pg: bool, connection: Any, now: Any) -> None:
        self.model = model
        self.table = model._meta.db_table
        fields = list(model._meta.concrete_fields)
        self.attnames = [f.attname for f in fields]
        self.columns = [f.column for f in fields]
        self.fillers: list[Callable[[], Any] | None] = [_filler(f, now) for f in fields]
        self.converters: list[Callable[[Any], Any] | None] = [_converter(f, pg, connection) for f in fields]


def _filler(field: models.Field, now: Any) -> Callable[[], Any] | None:
    if field.primary_key:
        return None  # the writer assigns it
    if field.has_default():
        default = field.default
        if callable(default):
            return default
        return lambda: default
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return lambda: now
    if field.null:
        return lambda: None
    if isinstance(field, models.CharField | models.TextField):
        return lambda: ""
    name = field.name

    def missing() -> Any:
        raise ValueError(f"scale generator: {field.model.__name__}.{name} needs a value")

    return missing


def _converter(field: models.Field, pg: bool, connection: Any) -> Callable[[Any], Any] | None:
    if isinstance(field, models.JSONField):
        return lambda v: None if v is None else json.dumps(v)
    if pg:
        return None  # psycopg adapts dates, aware datetimes, UUIDs, booleans and numbers itself
    return lambda v: field.get_db_prep_save(v, connection)


class Writer:
    def __init__(self, models_in_order: Iterable[type[models.Model]], *, now: Any, using: str = "default",
                 batch_rows: int = 50_000) -> None:
        self.connection = connections[using]
        self.using = using
        self.pg = self.connection.vendor == "postgresql"
        self.now = now
        self.batch_rows = batch_rows
        self.specs: dict[type[models.Model], _Spec] = {}
        self.buffers: dict[type[models.Model], list[tuple[Any, ...]]] = {}
        self.next_id: dict[type[models.Model], int] = {}
        self.first_id: dict[type[models.Model], int] = {}
        self.counts: Counter[str] = Counter()
        self.pending = 0
        for model in models_in_order:
            self.specs[model] = _Spec(model, self.pg, self.connection, now)
            self.buffers[model] = []
        with self.connection.cursor() as cursor:
            for model, spec in self.specs.items():
                pk = model._meta.pk.column
                cursor.execute(f"SELECT COALESCE(MAX({pk}), 0) FROM {self.connection.ops.quote_name(spec.table)}")
                start = int(cursor.fetchone()[0]) + 1
                self.next_id[model] = start
                self.first_id[model] = start

    def add(self, model: type[models.Model], **values: Any) -> int:
        spec = self.specs[model]
        pk = self.next_id[model]
        self.next_id[model] = pk + 1
        row = []
        for attname, filler in zip(spec.attnames, spec.fillers, strict=True):
            if filler is None:
                row.append(pk)
            elif attname in values:
                row.append(values[attname])
            else:
                row.append(filler())
        self.buffers[model].append(tuple(row))
        self.pending += 1
        return pk

    def maybe_flush(self) -> None:
        if self.pending >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            for model, rows in self.buffers.items():
                if rows:
                    self._write(cursor, self.specs[model], rows)
                    self.counts[self.specs[model].table] += len(rows)
                    rows.clear()
        self.pending = 0

    def _write(self, cursor: Any, spec: _Spec, rows: list[tuple[Any, ...]]) -> None:
        qn = self.connection.ops.quote_name
        converters = spec.converters
        needs = [i for i, c in enumerate(converters) if c is not None]
        if needs:
            converted = []
            for row in rows:
                values = list(row)
                for i in needs:
                    values[i] = converters[i](values[i])  # type: ignore[misc]
                converted.append(values)
            rows = converted  # type: ignore[assignment]
        columns = ", ".join(qn(c) for c in spec.columns)
        if self.pg:
            with cursor.cursor.copy(f"COPY {qn(spec.table)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(spec.columns))
            cursor.executemany(f"INSERT INTO {qn(spec.table)} ({columns}) VALUES ({marks})", rows)

    def finish(self) -> dict[str, list[int]]:
        """Write what is left, move the id sequences past the ids used, and return the id ranges."""
        self.flush()
        if self.pg:
            statements = self.connection.ops.sequence_reset_sql(no_style(), list(self.specs))
            with self.connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
        return {
            spec.table: [self.first_id[model], self.next_id[model] - 1]
            for model, spec in self.specs.items()
            if self.next_id[model] > self.first_id[model]
        }
