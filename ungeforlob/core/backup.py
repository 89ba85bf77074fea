"""Backups of the PostgreSQL database that restore: `make backup`, `make restore`, `make backup-drill`.

A backup is `pg_dump --format=custom` piped through `gpg --symmetric` (AES-256, the passphrase read from
BACKUP_ENCRYPTION_KEY through a file descriptor, never an argument or a file), so the file at rest is
encrypted and nothing unencrypted touches the disk. Beside it goes a manifest (`.manifest.json`): every
table's row count and checksum, read in the same snapshot as the dump (`pg_export_snapshot`), so a restore
can be checked against exactly what was dumped.

The drill restores the newest backup into a fresh database, compares every table's count and checksum with
the manifest, and drops the database again. It is what proves a backup restores; the PostgreSQL run of the
suite runs it (core/tests/test_backup.py).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings
from django.db import connection
from psycopg import sql
from psycopg.conninfo import make_conninfo

SUFFIX = ".dump.gpg"


class BackupError(Exception):
    """A backup, restore or drill that cannot go on; the message says why, in Danish."""


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    checksum: str


def passphrase() -> str:
    key = os.environ.get("BACKUP_ENCRYPTION_KEY", "") or getattr(settings, "BACKUP_ENCRYPTION_KEY", "")
    if len(key) < 16:
        raise BackupError("BACKUP_ENCRYPTION_KEY skal være sat og mindst 16 tegn lang.")
    return key


def backup_dir() -> Path:
    return Path(getattr(settings, "BACKUP_DIR", "") or Path(settings.BASE_DIR) / "var" / "backups")


def _require_postgres() -> None:
    if connection.vendor != "postgresql":
        raise BackupError("Backup og gendannelse kræver PostgreSQL (DATABASE_URL).")
    for tool in ("pg_dump", "pg_restore", "gpg"):
        if shutil.which(tool) is None:
            raise BackupError(f"Programmet {tool} findes ikke på maskinen.")


def conninfo(dbname: str | None = None) -> str:
    """A libpq connection string for the configured database (or another database on the same server)."""
    db = settings.DATABASES["default"]
    parts = {"host": db.get("HOST") or "", "port": str(db.get("PORT") or ""), "user": db.get("USER") or "",
             "password": db.get("PASSWORD") or "", "dbname": dbname or db["NAME"]}
    return make_conninfo(**{k: v for k, v in parts.items() if v})


def _tables(cur: Any) -> list[str]:
    """Every ordinary table with rows of its own (partitions included, their partitioned parent not)."""
    cur.execute("""SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname""")
    return [row[0] for row in cur.fetchall()]


def checks(cur: Any) -> list[TableCheck]:
    """Row count and an order-independent checksum of every table (md5 over each row's md5, sorted)."""
    found = []
    for table in _tables(cur):
        quoted = sql.Identifier(table)
        cur.execute(sql.SQL(
            "SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') "
            "FROM (SELECT md5(t::text) AS h FROM {} t) rows").format(quoted))
        rows, checksum = cur.fetchone()
        found.append(TableCheck(table, rows, checksum))
    return found


FD = "{passphrase_fd}"  # replaced by the pipe's file descriptor number


def _gpg_encrypt(output: Path) -> list[str]:
    return ["gpg", "--batch", "--quiet", "--yes", "--pinentry-mode", "loopback", "--passphrase-fd", FD,
            "--symmetric", "--cipher-algo", "AES256", "--compress-algo", "none", "--output", str(output)]


def _gpg_decrypt() -> list[str]:
    return ["gpg", "--batch", "--quiet", "--pinentry-mode", "loopback", "--passphrase-fd", FD, "--decrypt"]


@contextmanager
def _passphrase_fd() -> Iterator[int]:
    """A pipe holding the passphrase, inherited by gpg (`--passphrase-fd`)."""
    read, write = os.pipe()
    os.write(write, passphrase().encode())
    os.close(write)
    try:
        yield read
    finally:
        os.close(read)


def _run_pipeline(first: list[str], second: list[str], *, stdin: Any = None, env: dict[str, str]) -> None:
    """first | second, gpg reading the passphrase from an inherited pipe; errors become a BackupError."""
    with _passphrase_fd() as fd:
        def spawn(cmd: list[str], **kw: Any) -> subprocess.Popen[bytes]:
            cmd = [str(fd) if part == FD else part for part in cmd]
            return subprocess.Popen(cmd, pass_fds=(fd,), env=env, stderr=subprocess.PIPE, **kw)  # noqa: S603

        one = spawn(first, stdin=stdin, stdout=subprocess.PIPE)
        two = spawn(second, stdin=one.stdout)
        assert one.stdout is not None
        one.stdout.close()
        _, err_two = two.communicate()
        err_one = b""
        if one.stderr is not None:
            err_one = one.stderr.read()
            one.stderr.close()
        one.wait()
    if one.returncode or two.returncode:
        detail = (err_one or err_two).decode(errors="replace").strip()
        if "decryption failed" in detail or "Bad session key" in detail or "bad key" in detail.lower():
            raise BackupError("Filen kunne ikke dekrypteres: forkert BACKUP_ENCRYPTION_KEY, eller filen er ændret.")
        raise BackupError(f"Kommandoen fejlede: {detail[-500:]}")


def _env() -> dict[str, str]:
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def backup(*, output: Path | None = None) -> Path:
    """Dump the database encrypted, with its manifest; returns the backup's path."""
    _require_postgres()
    passphrase()
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = output or backup_dir() / f"ungeforlob-{stamp}{SUFFIX}"
    target.parent.mkdir(parents=True, exist_ok=True)
    with psycopg.connect(conninfo()) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with conn.cursor() as cur:
            cur.execute("SELECT pg_export_snapshot()")
            snapshot = cur.fetchone()[0]
            old_umask = os.umask(0o077)
            try:
                _run_pipeline(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                               "--dbname", conninfo()], _gpg_encrypt(target), env=_env())
            finally:
                os.umask(old_umask)
            found = checks(cur)
    manifest = {"created_at": stamp, "database": settings.DATABASES["default"]["NAME"],
                "tables": {c.table: {"rows": c.rows, "checksum": c.checksum} for c in found}}
    manifest_path(target).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return target


def manifest_path(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name.removesuffix(SUFFIX) + ".manifest.json")


def newest() -> Path:
    found = sorted(backup_dir().glob(f"*{SUFFIX}"))
    if not found:
        raise BackupError(f"Ingen backup i {backup_dir()}.")
    return found[-1]


def restore(*, source: Path, dbname: str) -> None:
    """Decrypt and restore `source` into the database `dbname` on the configured server (emptied first)."""
    _require_postgres()
    if not source.exists():
        raise BackupError(f"Filen {source} findes ikke.")
    with source.open("rb") as handle:
        _run_pipeline(_gpg_decrypt(), ["pg_restore", "--no-owner", "--no-privileges", "--clean", "--if-exists",
                                       "--exit-on-error", "--dbname", conninfo(dbname)], stdin=handle, env=_env())


@dataclass(frozen=True)
class DrillResult:
    backup: Path
    database: str
    tables: int
    rows: int
    differences: list[str]

    @property
    def ok(self) -> bool:
        return not self.differences


def drill(*, source: Path | None = None) -> DrillResult:
    """Restore a backup (the newest, or `source`) into a fresh database and compare it with its manifest."""
    _require_postgres()
    source = source or newest()
    path = manifest_path(source)
    if not path.exists():
        raise BackupError(f"Manifestet {path.name} mangler ved siden af backuppen.")
    manifest = json.loads(path.read_text())["tables"]
    name = f"{settings.DATABASES['default']['NAME']}_drill_{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S}"
    with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        restore(source=source, dbname=name)
        with psycopg.connect(conninfo(name)) as conn, conn.cursor() as cur:
            restored = {c.table: c for c in checks(cur)}
        differences = []
        for table, expected in sorted(manifest.items()):
            got = restored.get(table)
            if got is None:
                differences.append(f"{table}: mangler efter gendannelsen")
            elif (got.rows, got.checksum) != (expected["rows"], expected["checksum"]):
                differences.append(f"{table}: {got.rows} rækker (ventet {expected['rows']}), kontrolsum "
                                   f"{'ens' if got.checksum == expected['checksum'] else 'forskellig'}")
        differences += [f"{t}: findes kun efter gendannelsen" for t in sorted(set(restored) - set(manifest))]
        return DrillResult(source, name, len(manifest), sum(t["rows"] for t in manifest.values()), differences)
    finally:
        with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))
