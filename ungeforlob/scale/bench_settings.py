"""Production-like settings for `make bench-scale`: DEBUG off, the project's settings otherwise unchanged.

Only what a benchmark on loopback needs differs from a production start: fixed throw-away keys (the generator
and the server must share the CPR key), no HTTPS redirect, and static file URLs without a manifest (the
benchmark requests pages, not static files, so `collectstatic` is not needed).
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "scale-benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("CPR_ENCRYPTION_KEY", "c2NhbGUtYmVuY2htYXJrLW9ubHkta2V5LTMyYnl0ZXM=")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from config.settings import *  # noqa: E402,F403

# The project's URLs and a trivial logged-in staff view (bench_urls.py), measured alongside the pages.
ROOT_URLCONF = "ungeforlob.scale.bench_urls"

STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
