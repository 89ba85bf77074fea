"""Querysets compiled once per process: `@prepared` queries.

At national scale most of a staff page's time is not the database but Django building and compiling a dozen
querysets per request (`docs/benchmarks.md`: in-process, the youth overview spent 9.7 ms compiling SQL and 8.6 ms
in PostgreSQL). A page asks the same *shape* of question every time — "this young person's open follow-ups on this
day" — with other values. A prepared query is built once with stand-in values, compiled once per database
connection alias, and afterwards run with the real values put in the stand-ins' places in the parameter list; the
rows become model instances (select_related, annotations, values_list, prefetch_related) exactly as Django's own
iterables make them, because they are Django's own iterables, handed the compiler compiled once.

    @prepared(youth_id=int, today=datetime.date)
    def _open_followups(*, youth_id: int, today: datetime.date, limit: int) -> QuerySet[FollowUp]:
        return FollowUp.objects.filter(youth_id=youth_id, due_on__gte=today).order_by("due_on")[:limit]

    rows = _open_followups(youth_id=youth.pk, today=today, limit=5)   # a list

Keyword arguments named in `@prepared(...)` are *values* (kinds: `int`, `datetime.date`, `datetime.datetime`,
`list` of ids); every other keyword argument is part of the *shape* (the cache key: a slice size, a flag that
picks a branch), so it must be hashable and should be few-valued: a query keeps at most MAX_SHAPES shapes, and
builds any further one each time.

The rules a builder must keep, checked when its SQL is first compiled (`PreparedQueryError`):

- it runs no query (it is called with stand-ins);
- every value reaches the SQL as a parameter of its own, unchanged (not `value + 1`, not `icontains`); a value
  the shape depends on is a shape argument instead;
- no date or time is read from the clock inside it (`today`, `now` are values): a template compiled on Monday
  would otherwise ask Monday's question on Tuesday. A date or time parameter that is not a value is refused;
- nothing in it depends on settings that can change while the process runs.

`settings.PREPARED_QUERIES = False` builds and runs every query each time, as plain Django does: a switch for
measuring what preparing saves, and a way out should a Django upgrade change the compiler's insides before the
suite (which runs both paths, `test_prepared.py`) is run against it.

On SQLite a list of ids is written `IN (%s, %s, …)`, whose text changes with its length: a query with a list
value is then simply built and run each time (the PostgreSQL suite covers the prepared path).

Prior art: django-prepared-queries (rutube) did this for Django 1.x; it is no longer maintained.
"""

from __future__ import annotations

import datetime
import functools
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.constants import MULTI
from django.db.utils import DEFAULT_DB_ALIAS
from django.utils import timezone

M = TypeVar("M")

KINDS = (int, datetime.date, datetime.datetime, list)

# The shapes one prepared query keeps (per process): a shape argument with more values than this (a page number
# from a URL, say) has its further shapes built and run as plain Django does, so memory stays bounded.
MAX_SHAPES = 64

# Within every integer field's range (a small positive one ends at 32,767): Django answers a lookup beyond a field's
# range without SQL (always true or always false), which would lose the stand-in.
_INT_BASE = 32_109
_DAY_BASE = datetime.date(1111, 1, 1)
_MOMENT_BASE = datetime.datetime(1111, 1, 1, 11, 11, 11, tzinfo=datetime.UTC)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


class PreparedQueryError(Exception):
    """A builder broke one of the rules in this module's docstring."""


def _stand_in(kind: type, index: int) -> Any:
    if kind is int:
        return _INT_BASE - index
    if kind is datetime.date:
        return _DAY_BASE + datetime.timedelta(days=index)
    if kind is datetime.datetime:
        return _MOMENT_BASE + datetime.timedelta(minutes=index)
    return [_INT_BASE - index]


def _adapt(kind: type, value: Any, connection: Any) -> Any:
    """The value as the ORM would have put it in the parameter list."""
    if kind is int:
        return int(value)
    if kind is datetime.date:
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise TypeError(f"a day (datetime.date) was expected, not {value!r}")
        return connection.ops.adapt_datefield_value(value)
    if kind is datetime.datetime:
        if not isinstance(value, datetime.datetime):
            raise TypeError(f"a moment (datetime.datetime) was expected, not {value!r}")
        if timezone.is_naive(value):
            raise TypeError("a moment must be aware")
        return connection.ops.adapt_datetimefield_value(value)
    return [int(v) for v in value]


class _Template:
    """One shape's compiled query: the queryset built with stand-ins, its compiler (compiled) and its SQL."""

    __slots__ = ("queryset", "compiler", "sql", "params", "slots", "empty", "converters")

    def __init__(self, queryset: QuerySet[Any], compiler: SQLCompiler | None, sql: str, params: tuple[Any, ...],
                 slots: list[tuple[int, str, type, type | None]], empty: bool) -> None:
        self.queryset = queryset
        self.compiler = compiler
        self.sql = sql
        self.params = params
        self.slots = slots
        self.empty = empty
        # The columns' converters (from database values to Python ones), which depend only on the selected
        # columns: by database connection (each thread has its own) and the columns asked about.
        self.converters: dict[tuple[int, tuple[int, ...]], Any] = {}


class _BoundQuery:
    """The template's query as the queryset's iterable sees it: the same, except that it hands out the compiler
    already compiled, whose SQL carries this call's values."""

    __slots__ = ("_query", "_compiler")

    def __init__(self, query: Any, compiler: SQLCompiler) -> None:
        self._query = query
        self._compiler = compiler

    def get_compiler(self, using: str | None = None, connection: Any = None, elide_empty: bool = True) -> SQLCompiler:
        return self._compiler

    def __getattr__(self, name: str) -> Any:
        return getattr(self._query, name)


def _converters(template: _Template, compiler: SQLCompiler, expressions: list[Any]) -> Any:
    """`get_converters`, worked out once per template, connection and columns (Django does it on every query)."""
    key = (id(compiler.connection), tuple(map(id, expressions)))
    found = template.converters.get(key)
    if found is None:
        found = template.converters[key] = type(compiler).get_converters(compiler, expressions)
    return found


def _refuse_queries(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    raise PreparedQueryError(f"a prepared query's builder ran a query while it was being prepared: {sql[:200]}")


class Prepared(Generic[M]):
    """A builder of querysets made into a function returning lists, compiled once per shape (see the module)."""

    def __init__(self, build: Callable[..., QuerySet[M]], kinds: dict[str, type]) -> None:
        for name, kind in kinds.items():
            if kind not in KINDS:
                raise PreparedQueryError(f"{name}: a value is one of {KINDS}, not {kind!r}")
        self.build = build
        self.kinds = kinds
        self._templates: dict[tuple[Any, ...], _Template] = {}
        self._lock = threading.Lock()
        functools.update_wrapper(self, build)

    def __call__(self, **kwargs: Any) -> list[M]:
        rows = self._read_ahead(kwargs)
        if rows is not None:
            return rows()
        ready = self._ready(kwargs)
        if ready is None:
            return list(self.build(**kwargs))
        return list(ready[0]) if ready else []

    def each(self, **kwargs: Any) -> Iterator[M]:
        """The call's rows one at a time: of a read sent ahead, each object is made only when the caller comes to
        it, so a caller that stops early (the timeline, at the page's last moment) makes none for the rest."""
        rows = self._read_ahead(kwargs)
        if rows is not None:
            lazily = getattr(rows, "lazily", None)
            return lazily() if lazily is not None else iter(rows())
        return iter(self(**kwargs))

    def _read_ahead(self, kwargs: dict[str, Any]) -> Callable[[], list[M]] | None:
        """This call's rows if an `ahead` block sent it (taken: each read is asked once), else None."""
        ahead = _AHEAD.get()
        if not ahead:
            return None
        key = (self, _frozen(kwargs))
        rows = ahead.pop(key, None)
        if rows is not None:
            waiting = _ALONG.get()
            if waiting is not None:  # asked once, inside the `ahead` that sent it or after (`along`)
                waiting.memo.pop(key, None)
        return rows

    def read(self, **kwargs: Any) -> Read:
        """This call, to be run together with others (`ahead`) rather than now."""
        return Read(self, _frozen(kwargs))

    def _ready(self, kwargs: dict[str, Any]) -> tuple[QuerySet[M], SQLCompiler, str, list[Any]] | tuple[()] | None:
        """The queryset to iterate for this call (with its compiler, SQL and parameters); () for a query that can
        have no rows; None when it is to be built as plain Django does."""
        bound = self._bind(kwargs)
        if bound is None:
            return None
        template, params = bound
        if template.empty:
            return ()
        compiler = template.compiler.__class__.__new__(template.compiler.__class__)
        compiler.__dict__.update(template.compiler.__dict__)
        compiler.connection = connections[DEFAULT_DB_ALIAS]
        sql = template.sql
        compiler.as_sql = lambda *args, **kw: (sql, params)  # type: ignore[method-assign]
        compiler.get_converters = functools.partial(_converters, template, compiler)  # type: ignore[method-assign]
        source = template.queryset
        queryset = source.__class__.__new__(source.__class__)
        queryset.__dict__.update(source.__dict__)
        queryset._query = _BoundQuery(source.query, compiler)
        queryset._result_cache = None
        queryset._prefetch_done = False
        return queryset, compiler, sql, params

    def sql_with_params(self, **kwargs: Any) -> tuple[str, list[Any]]:
        """The query's SQL and this call's parameters, to be put inside a larger statement (*I dag*'s probes ask
        a dozen in one `SELECT EXISTS(…), …`). Raises EmptyResultSet for a query that can have no rows."""
        bound = self._bind(kwargs)
        if bound is None:
            sql, params = self.build(**kwargs).query.sql_with_params()
            return sql, list(params)
        template, params = bound
        if template.empty:
            raise EmptyResultSet
        return template.sql, params

    def _bind(self, kwargs: dict[str, Any]) -> tuple[_Template, list[Any]] | None:
        """The shape's template and this call's parameters; None when the query is to be built as plain Django
        does (switched off, or a list of ids on SQLite)."""
        missing = set(self.kinds) - set(kwargs)
        if missing:
            raise TypeError(f"{self.build.__name__}() is missing the values {sorted(missing)}")
        connection = connections[DEFAULT_DB_ALIAS]
        if not getattr(settings, "PREPARED_QUERIES", True) or (
                connection.vendor != "postgresql" and list in self.kinds.values()):
            return None
        key = (DEFAULT_DB_ALIAS, tuple(sorted((k, v) for k, v in kwargs.items() if k not in self.kinds)))
        template = self._templates.get(key)
        if template is None:
            if len(self._templates) >= MAX_SHAPES:  # a shape argument with many values: built each time beyond
                return None
            with self._lock:
                template = self._templates.get(key) or self._prepare(DEFAULT_DB_ALIAS, dict(key[1]))
                self._templates[key] = template
        params = list(template.params)
        for index, name, kind, wrap in template.slots:
            value = _adapt(kind, kwargs[name], connection)
            params[index] = value if wrap is None else wrap(value)
        return template, params

    def _prepare(self, alias: str, shape: dict[str, Any]) -> _Template:
        connection = connections[alias]
        stand_ins = {name: _stand_in(kind, i) for i, (name, kind) in enumerate(self.kinds.items())}
        with connection.execute_wrapper(_refuse_queries):
            queryset = self.build(**stand_ins, **shape)
            if not isinstance(queryset, QuerySet):
                raise PreparedQueryError(f"{self.build.__name__} must return a queryset, not {type(queryset)!r}")
            if queryset._known_related_objects:  # a related manager's: its object would be put on every row
                raise PreparedQueryError(f"{self.build.__name__}: start from the model's manager, not an object's")
            compiler = queryset.query.get_compiler(using=queryset.db)
            try:
                sql, params = compiler.as_sql()
            except EmptyResultSet:
                return _Template(queryset, None, "", (), [], empty=True)
        expected = {name: (_adapt(kind, stand_ins[name], connection), kind) for name, kind in self.kinds.items()}
        slots: list[tuple[int, str, type, type | None]] = []
        found: set[str] = set()
        for index, param in enumerate(params):
            for name, (value, kind) in expected.items():
                if type(param) is type(value) and param == value:
                    slots.append((index, name, kind, None))
                    found.add(name)
                    break
                if kind is int and isinstance(param, int) and not isinstance(param, bool) and param == value:
                    # An int the backend typed for its column (psycopg's Int2 for a small integer field).
                    slots.append((index, name, kind, type(param)))
                    found.add(name)
                    break
            else:
                if isinstance(param, datetime.date) or (isinstance(param, str) and _ISO_DAY.match(param)):
                    raise PreparedQueryError(
                        f"{self.build.__name__}: the parameter {param!r} is a date or time that is not one of its "
                        "values: pass the day or moment in as a value")
                if isinstance(param, int | list) and _holds_stand_in(param):
                    raise PreparedQueryError(
                        f"{self.build.__name__}: a value reached the SQL changed ({param!r}): make it a shape "
                        "argument or pass it in as asked")
        lost = set(self.kinds) - found
        if lost:
            raise PreparedQueryError(
                f"{self.build.__name__}: the values {sorted(lost)} did not reach the SQL as parameters of their own")
        return _Template(queryset, compiler, sql, tuple(params), slots, empty=False)


def _holds_stand_in(param: Any) -> bool:
    values = param if isinstance(param, list) else [param]
    return any(isinstance(v, int) and not isinstance(v, bool) and _INT_BASE - 100 < v <= _INT_BASE + 100
               for v in values)


# Reading ahead: several prepared queries sent to PostgreSQL together.
#
# A page such as the youth overview asks fifteen small questions whose values are all known at the start; each is a
# round trip of its own (about 0.15 ms of waiting and driver work apiece at national scale, for 0.02 ms of work in
# PostgreSQL). `ahead(reads)` sends them in one go — psycopg's pipeline mode, through Django's own cursors, so that
# query logging, counting and execute wrappers see every statement — and while the block runs, a call of one of
# those queries with the same values gets its rows without asking again (once: a second call asks the database).

@dataclass(frozen=True)
class Read:
    """One prepared query's call, to be run ahead: the query and its keyword arguments (lists as tuples)."""

    query: Prepared[Any]
    kwargs: tuple[tuple[str, Any], ...]


def _frozen(kwargs: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))


# What a block of `ahead` has read: (query, frozen values) → a function making the rows.
_Memo = dict[tuple[Prepared[Any], tuple[tuple[str, Any], ...]], Callable[[], list[Any]]]
_AHEAD: ContextVar[_Memo | None] = ContextVar("prepared_ahead", default=None)


@dataclass
class _Along:
    """Reads waiting for the next `ahead` (`along`), and the memo of the block that will find their rows."""

    reads: list[Read]
    memo: _Memo


_ALONG: ContextVar[_Along | None] = ContextVar("prepared_along", default=None)


def _pipelines(connection: Any) -> bool:
    """Whether this connection can send statements together: PostgreSQL through psycopg 3 with server-side
    parameters (a client-side binding cursor cannot be pipelined)."""
    if connection.vendor != "postgresql" or not connection.settings_dict.get("OPTIONS", {}).get(
            "server_side_binding"):
        return False
    from psycopg import pq  # only with PostgreSQL

    connection.ensure_connection()
    raw = connection.connection
    return hasattr(raw, "pipeline") and raw.info.transaction_status != pq.TransactionStatus.INERROR


def run_together(reads: list[Read]) -> list[list[Any]]:
    """Each read's rows, the reads sent to the database together (one round trip) where the database allows."""
    return [rows() for rows in _send_with_waiting(reads)[0]]


def _send_with_waiting(reads: list[Read]) -> tuple[list[Callable[[], list[Any]]], _Memo]:
    """`_send_together` for `reads` and the reads waiting for the next round trip (`along`): the functions making
    the rows of `reads`, and the memo of the waiting ones (also put in the memo of their `along` block)."""
    waiting = _ALONG.get()
    if waiting is None or not waiting.reads:
        return _send_together(reads), {}
    extra, waiting.reads = waiting.reads, []
    made = _send_together(reads + extra)
    sent = {(read.query, read.kwargs): rows for read, rows in zip(extra, made[len(reads):], strict=True)}
    waiting.memo.update(sent)
    return made[:len(reads)], sent


def _send_together(reads: list[Read]) -> list[Callable[[], list[Any]]]:
    """Send the reads together; for each, a function that makes its rows (model instances are made only for the
    rows a caller asks for: a read ahead that is not used costs its fetch, not its objects)."""
    connection = connections[DEFAULT_DB_ALIAS]
    calls = [(read, dict((k, list(v) if isinstance(v, tuple) else v) for k, v in read.kwargs)) for read in reads]
    if len(calls) < 2 or not _pipelines(connection):
        return [functools.partial(read.query, **kwargs) for read, kwargs in calls]
    readies = [read.query._ready(kwargs) for read, kwargs in calls]
    cursors: list[Any] = []
    with connection.wrap_database_errors, connection.connection.pipeline():
        for ready in readies:
            if ready:
                _queryset, _compiler, sql, params = ready
                cursor = connection.cursor()
                cursor.execute(sql, params)
                cursors.append(cursor)
            else:
                cursors.append(None)
    made: list[Callable[[], list[Any]]] = []
    for (read, kwargs), ready, cursor in zip(calls, readies, cursors, strict=True):
        if ready is None:
            made.append(functools.partial(read.query, **kwargs))
        elif not ready:
            made.append(list)
        else:
            queryset, compiler, _sql, _params = ready
            with connection.wrap_database_errors:
                rows = cursor.fetchall()
            cursor.close()
            compiler.execute_sql = _fetched(rows, compiler)  # type: ignore[method-assign]
            made.append(_Rows(queryset))
    return made


class _Rows:
    """A read's fetched rows: all of them as objects (called), or one at a time (`lazily`)."""

    __slots__ = ("queryset",)

    def __init__(self, queryset: QuerySet[Any]) -> None:
        self.queryset = queryset

    def __call__(self) -> list[Any]:
        return list(self.queryset)

    def lazily(self) -> Iterator[Any]:
        if self.queryset._prefetch_related_lookups:  # those are done for all rows at once
            return iter(self())
        return iter(self.queryset._iterable_class(self.queryset))


def _fetched(rows: list[Any], compiler: SQLCompiler) -> Callable[..., Any]:
    """`execute_sql` for a compiler whose statement was already run: its rows, as Django's own `execute_sql` gives
    them to the queryset's iterable (a list of chunks, cut to the selected columns)."""

    def execute_sql(result_type: Any = MULTI, chunked_fetch: bool = False, chunk_size: int = 100) -> Any:
        if result_type != MULTI:
            raise PreparedQueryError("a query read ahead gives rows only")
        if compiler.has_extra_select:
            return [[row[:compiler.col_count] for row in rows]]
        return [rows]

    return execute_sql


@contextmanager
def ahead(reads: list[Read]) -> Iterator[_Memo]:
    """Run `reads` together now; inside the block, a call of one of them with the same values gets its rows. The
    block is given what is still unasked (a test can check that every read declared was used)."""
    made, waited = _send_with_waiting(reads)
    memo = dict(_AHEAD.get() or {})
    memo.update(waited)
    for read, rows in zip(reads, made, strict=True):
        memo[(read.query, read.kwargs)] = rows
    token = _AHEAD.set(memo)
    try:
        yield memo
    finally:
        _AHEAD.reset(token)


@contextmanager
def along(reads: list[Read]) -> Iterator[_Memo]:
    """Reads the block will make at some point (a layout's, while a page renders) without a round trip of their
    own: the first `ahead` inside the block sends them with its reads, and until the block ends a call of one of
    them gets its rows. A block with no `ahead` sends nothing: each read is asked when it is called, as without
    `along`. Their rows are read when that `ahead` runs, so a read whose answer the block may change before it is
    asked does not belong here. The block is given what is still unasked.

    Inside another `along` block (the layout's, for the whole request: `core.layout`) the reads join the outer
    block's: they go with its next round trip, and their rows are kept until the outer block ends."""
    outer = _ALONG.get()
    if outer is not None:
        outer.reads.extend(reads)
        yield outer.memo
        return
    memo = dict(_AHEAD.get() or {})
    along_token = _ALONG.set(_Along(list(reads), memo))
    token = _AHEAD.set(memo)
    try:
        yield memo
    finally:
        _AHEAD.reset(token)
        _ALONG.reset(along_token)


def keep_related(instance: Any, name: str, rows: list[Any]) -> None:
    """Put rows read ahead in the instance's prefetch cache, as `prefetch_related(name)` would have:
    `instance.<name>.all()` then reads them without a query (the rows must be what that manager would give)."""
    qs = getattr(instance, name).get_queryset()
    qs._result_cache = rows
    qs._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = qs


F = TypeVar("F", bound=Callable[..., Any])


def reads_ahead(declare: Callable[..., list[Read]]) -> Callable[[F], F]:
    """Mark a function (an overview card, say) with the reads it will make, as a function of its own arguments, so
    that its caller can run them ahead together with other functions' (`ahead`)."""

    def mark(function: F) -> F:
        function.reads_ahead = declare  # type: ignore[attr-defined]
        return function

    return mark


def prepared(**kinds: type) -> Callable[[Callable[..., QuerySet[M]]], Prepared[M]]:
    """Make a queryset builder a prepared query; `kinds` names its value arguments and their kinds."""

    def decorate(build: Callable[..., QuerySet[M]]) -> Prepared[M]:
        return Prepared(build, kinds)

    return decorate
