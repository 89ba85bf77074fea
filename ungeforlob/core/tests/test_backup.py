"""Backups that restore (issue 18 point 7): the drill runs in the PostgreSQL run of the suite."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from ungeforlob.core import backup
from ungeforlob.youth.models import Youth

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are of PostgreSQL")
KEY = "a-test-backup-key-of-enough-length"


@pytest.fixture
def backups(tmp_path, settings, monkeypatch):
    settings.BACKUP_DIR = str(tmp_path)
    monkeypatch.setenv("BACKUP_ENCRYPTION_KEY", KEY)
    return tmp_path


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_drill_restores_every_table_with_the_same_rows_and_checksums(p, backups, capsys):
    call_command("backup_drill")
    out = capsys.readouterr().out
    assert "samme antal rækker og samme kontrolsum" in out
    dump = backup.newest()
    assert dump.stat().st_mode & 0o077 == 0  # readable by its owner only
    manifest = backup.manifest_path(dump).read_text()
    assert '"youth_youth"' in manifest and '"audit_auditevent' in manifest


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_backup_file_is_encrypted_not_a_readable_dump(p, backups):
    path = backup.backup()
    head = path.read_bytes()[:4096]
    assert not head.startswith(b"PGDMP")  # pg_dump's custom format starts so; gpg's output does not
    assert p.youth.last_name.encode() not in path.read_bytes()


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_changed_table_is_found_by_the_drill(p, backups):
    path = backup.backup()
    # The manifest says one young person more than was dumped: the drill must notice.
    manifest = backup.manifest_path(path)
    data = json.loads(manifest.read_text())
    assert data["tables"]["youth_youth"]["rows"] == Youth.objects.count()
    data["tables"]["youth_youth"]["rows"] += 1
    manifest.write_text(json.dumps(data))
    result = backup.drill(source=path)
    assert not result.ok
    assert any(d.startswith("youth_youth") for d in result.differences)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_wrong_key_is_refused_with_a_danish_message(p, backups, monkeypatch):
    path = backup.backup()
    monkeypatch.setenv("BACKUP_ENCRYPTION_KEY", "another-key-entirely-wrong")
    with pytest.raises(backup.BackupError, match="dekrypteres"):
        backup.drill(source=path)


def test_a_missing_or_short_key_is_refused(settings, monkeypatch):
    monkeypatch.delenv("BACKUP_ENCRYPTION_KEY", raising=False)
    settings.BACKUP_ENCRYPTION_KEY = "short"
    with pytest.raises(backup.BackupError, match="BACKUP_ENCRYPTION_KEY"):
        backup.passphrase()


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite has no pg_dump")
def test_on_sqlite_the_commands_say_postgresql_is_needed(settings, monkeypatch):
    monkeypatch.setenv("BACKUP_ENCRYPTION_KEY", KEY)
    with pytest.raises(CommandError, match="kræver PostgreSQL"):
        call_command("backup")


def test_restore_asks_for_confirmation_before_replacing_the_database():
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", "x.dump.gpg")
