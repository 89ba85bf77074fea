"""Production defaults of config/settings.py, read in a fresh interpreter with the production environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-like-secret-key-with-enough-entropy-9f8e7d6c5b4a",
    "DJANGO_ALLOWED_HOSTS": "ungeforlob.example.dk",
    "CPR_ENCRYPTION_KEY": "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=",
    "DATABASE_URL": "postgres://app:app@db.example.dk:5432/app",
}
READ = ("import json, django; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; print(json.dumps([d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], "
        "s.AUDIT_RETENTION_MONTHS]))")


def _settings(**env: str) -> list:
    clean = {k: v for k, v in os.environ.items()
             if k not in {"DATABASE_URL", "DATABASE_CONN_MAX_AGE", "DATABASE_CONN_HEALTH_CHECKS", "DJANGO_DEBUG",
                          "AUDIT_RETENTION_MONTHS"}}
    result = subprocess.run([sys.executable, "-c", READ], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_keeps_database_connections_for_ten_minutes_and_checks_them_before_reuse() -> None:
    assert _settings(**PRODUCTION) == [600, True, 60]


def test_development_opens_a_connection_per_request_and_the_environment_overrides_the_defaults() -> None:
    assert _settings(DJANGO_DEBUG="true")[:2] == [0, True]
    assert _settings(**PRODUCTION, DATABASE_CONN_MAX_AGE="0", DATABASE_CONN_HEALTH_CHECKS="false",
                     AUDIT_RETENTION_MONTHS="120") == [0, False, 120]


def test_the_wsgi_application_keeps_what_it_loaded_out_of_the_cyclic_collectors_reach() -> None:
    """A full collection in a request would otherwise walk all of Django and the project (config/wsgi.py)."""
    import gc
    import importlib

    import config.wsgi

    gc.unfreeze()
    importlib.reload(config.wsgi)
    assert gc.get_freeze_count() > 50_000
