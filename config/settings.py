"""One settings module, configured by environment variables (each listed in .env.example).

Development (the default) needs nothing set: SQLite in ./var, DEBUG on, the development SMS gateway.
Production sets DJANGO_DEBUG=false, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and
CPR_ENCRYPTION_KEY; `manage.py check --deploy` is then clean.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
_DEV_SECRET = "dev-only-insecure-secret-key-do-not-use-in-production-0123456789abcdef"
SECRET_KEY = env_str("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

VAR_DIR = Path(env_str("UNGEFORLOB_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "csp",
    # Ungeforløb: one app per domain concept (see README "Architecture").
    "ungeforlob.core",
    "ungeforlob.accounts",
    "ungeforlob.audit",
    "ungeforlob.youth",
    # What the system tells staff and young people; chain, youth and portal notify through it.
    "ungeforlob.notifications",
    "ungeforlob.chain",
    "ungeforlob.plans",
    "ungeforlob.progression",
    "ungeforlob.transitions",
    "ungeforlob.messaging",
    "ungeforlob.offers",
    "ungeforlob.insights",
    "ungeforlob.targets",
    "ungeforlob.voice",
    "ungeforlob.reflection",
    "ungeforlob.vocabulary",
    "ungeforlob.meetings",
    "ungeforlob.disclosure",
    "ungeforlob.youthcouncil",
    "ungeforlob.openinfo",
    "ungeforlob.activities",
    "ungeforlob.retention",
    "ungeforlob.emergency",
    "ungeforlob.logins",
    "ungeforlob.logreview",
    "ungeforlob.processing",
    "ungeforlob.relocation",
    "ungeforlob.integrations",
    "ungeforlob.webhooks",
    "ungeforlob.imports",
    "ungeforlob.sso",
    "ungeforlob.serviceplatform",
    "ungeforlob.inspiration",
    "ungeforlob.education",
    "ungeforlob.portal",
    "ungeforlob.scheduler",
    # `generate_scale` and the page benchmark (`make bench-scale`): no URLs, no personal data.
    "ungeforlob.scale",
    # Demo Kommune and `seed_demo`: the one app that may import every other.
    "ungeforlob.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Database unreachable (restart, fail-over) → 503 with a Danish page, wherever the request first touches it.
    "ungeforlob.core.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Every view needs a logged-in user unless marked @login_not_required: a new view is private by default.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "ungeforlob.accounts.middleware.RequireTwoFactorMiddleware",
    # The access policy's per-request cache: a user's roles in a circle are looked up once per request.
    "ungeforlob.policy.PolicyScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "ungeforlob.core.middleware.SecurityHeadersMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # The layout's own reads (the menu's unread count) go with the page's first reads ahead (core/layout.py).
    "ungeforlob.core.layout.LayoutReadsMiddleware",
]

# What the layout reads on every staff page, by the app that draws it: `(request) -> [Read]` (core/layout.py).
LAYOUT_READS = ["ungeforlob.notifications.selectors.layout_reads"]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ungeforlob" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "ungeforlob.core.context_processors.navigation",
                "ungeforlob.youth.sections.youth_sections",
            ],
            # `{% url %}` with links whose arguments are ids reversed once and filled in (core/links.py).
            "builtins": ["ungeforlob.core.templatetags.fast_url"],
        },
    },
]

# Persistent connections in production: a new PostgreSQL connection costs ~3 ms of every request (issue 14), and
# a connection keeps what PostgreSQL has planned for it (psycopg prepares a statement at its 6th use, PostgreSQL
# keeps a generic plan after 5 more; a youth page asked on a connection that has not got there costs about a third
# more, docs/benchmarks.md). So a connection is kept for 10 minutes, long enough for a thread at ordinary traffic
# to get there, and checked before reuse (a connection broken by a database restart is replaced, not handed to a
# request). Development and the tests (DEBUG on) open one per request: nothing is kept open between a test's
# threads and the test database, and SQLite gains nothing from it.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 600),
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the SMS worker and the web server share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    # Django's PostgreSQL backend with psycopg's C loader for timestamps (ungeforlob/core/postgresql/base.py).
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"]["ENGINE"] = "ungeforlob.core.postgresql"
    # PostgreSQL plans a statement it has seen a few times on a connection once (psycopg's prepared statements,
    # which need server-side parameter binding): pages such as *I dag* ask a dozen small questions per request,
    # and planning them was a third of their database time at national scale (docs/benchmarks.md). Django turns
    # psycopg's preparing off unless `prepare_threshold` is set; 0 turns it off again (a pooler in transaction
    # mode cannot keep prepared statements).
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = env_bool(
        "DATABASE_SERVER_SIDE_BINDING", True)
    if env_int("DATABASE_PREPARE_THRESHOLD", 5) > 0:
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = env_int("DATABASE_PREPARE_THRESHOLD", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# Django's ModelBackend, reading the request's user with their organisation (ungeforlob/accounts/backends.py).
AUTHENTICATION_BACKENDS = ["ungeforlob.accounts.backends.UserBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed staff logins: after this many failures for one username (or one address) in the window, refuse.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)
OTP_TOTP_ISSUER = "Ungeforløb"

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]  # each in its own language
LOCALE_PATHS = [BASE_DIR / "ungeforlob" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
FORMAT_MODULE_PATH = ["config.formats"]  # named date formats per language (DATE_FORMAT, SHORT_DATE_FORMAT …)
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    # Det Fælles Designsystem ships ready CSS/JS/fonts/icons; its CSS refers to ../fonts and ../img.
    ("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The audit log on PostgreSQL is partitioned by month; the worker drops months wholly older than this many months
# (ungeforlob.audit.services.audit_partitions_drop_expired). Set it to the longest any municipality on the
# installation keeps its log; a municipality with a shorter rule has its own rows removed by the privacy
# retention. 0 keeps everything.
AUDIT_RETENTION_MONTHS = env_int("AUDIT_RETENTION_MONTHS", 60)

# Data protection: CPR numbers are encrypted at rest with this key (Fernet, urlsafe base64 of 32 bytes),
# and looked up by a keyed hash. Development derives a stable key from SECRET_KEY.
CPR_ENCRYPTION_KEY = env_str("CPR_ENCRYPTION_KEY", "")
if not CPR_ENCRYPTION_KEY and not DEBUG:
    raise RuntimeError("CPR_ENCRYPTION_KEY must be set when DJANGO_DEBUG is false")

# Security baseline (check --deploy is clean with DJANGO_DEBUG=false).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY", False) else None
# How many reverse proxies append to X-Forwarded-For; the client address is the one the outermost saw
# (ungeforlob.core.request_context.client_ip). 0: REMOTE_ADDR. More than are really there lets clients forge it.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}

# Min side: Log ind med MitID through the municipality's broker (docs/mitid-oidc.md)
PORTAL_OIDC_ENABLED = env_bool("PORTAL_OIDC_ENABLED", False)
PORTAL_OIDC_DISCOVERY_URL = env_str("PORTAL_OIDC_DISCOVERY_URL", "")
PORTAL_OIDC_CLIENT_ID = env_str("PORTAL_OIDC_CLIENT_ID", "")
PORTAL_OIDC_CLIENT_SECRET = env_str("PORTAL_OIDC_CLIENT_SECRET", "")
PORTAL_OIDC_SCOPES = env_str("PORTAL_OIDC_SCOPES", "openid")
PORTAL_OIDC_CPR_CLAIM = env_str("PORTAL_OIDC_CPR_CLAIM", "https://data.gov.dk/model/core/eid/cprNumber")
PORTAL_OIDC_MUNICIPALITY = env_str("PORTAL_OIDC_MUNICIPALITY", "")
PORTAL_OIDC_REDIRECT_URI = env_str("PORTAL_OIDC_REDIRECT_URI", "")
PORTAL_OIDC_ACR_VALUES = env_str("PORTAL_OIDC_ACR_VALUES", "")
PORTAL_OIDC_TOKEN_AUTH_METHOD = env_str("PORTAL_OIDC_TOKEN_AUTH_METHOD", "client_secret_basic")
PORTAL_OIDC_TIMEOUT_SECONDS = env_int("PORTAL_OIDC_TIMEOUT_SECONDS", 10)
# The young person's portal session ends after this long without activity.
PORTAL_IDLE_SECONDS = env_int("PORTAL_IDLE_SECONDS", 30 * 60)
# Min side login codes asked from one client address per 15 minutes, registered numbers or not (a school's
# network shares one address: keep it well above a class asking at once).
PORTAL_CODES_PER_CLIENT = env_int("PORTAL_CODES_PER_CLIENT", 30)

# Absolute links in e-mails (notifications carry a link, never personal details).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# The domain in the UID of every .ics invitation (plan meetings, follow-up steps, chain meetings).
ICS_UID_DOMAIN = env_str("ICS_UID_DOMAIN", "ungeforlob.dk")
# Backups (ungeforlob/core/backup.py): where `make backup` writes, and the key it encrypts with (read from the
# environment at the moment of use, so a key is never kept in a settings dump).
BACKUP_DIR = env_str("BACKUP_DIR", "")

# Staff sessions (the logins app): an idle and an absolute timeout, and how long a re-authentication (before a
# CPR number is shown or anything is exported) holds; login history kept this many days.
STAFF_SESSION_IDLE_MINUTES = env_int("STAFF_SESSION_IDLE_MINUTES", 30)
STAFF_SESSION_ABSOLUTE_HOURS = env_int("STAFF_SESSION_ABSOLUTE_HOURS", 8)
STAFF_REAUTH_MINUTES = env_int("STAFF_REAUTH_MINUTES", 5)
LOGIN_HISTORY_DAYS = env_int("LOGIN_HISTORY_DAYS", 90)
# Emergency access lasts until this hour of the next working day.
EMERGENCY_WORKDAY_END_HOUR = env_int("EMERGENCY_WORKDAY_END_HOUR", 16)
# The keyed hash that replaces an anonymised young person's id in the audit log (keep it stable; default from
# SECRET_KEY).
AUDIT_PSEUDONYM_KEY = env_str("AUDIT_PSEUDONYM_KEY", "")
# Log review: reads in each month's sample, working hours, and "many young people in a short time".
LOGREVIEW_SAMPLE_SIZE = env_int("LOGREVIEW_SAMPLE_SIZE", 25)
LOGREVIEW_WORKDAY_START = env_int("LOGREVIEW_WORKDAY_START", 7)
LOGREVIEW_WORKDAY_END = env_int("LOGREVIEW_WORKDAY_END", 18)
LOGREVIEW_MANY_YOUTH = env_int("LOGREVIEW_MANY_YOUTH", 15)
LOGREVIEW_MANY_YOUTH_MINUTES = env_int("LOGREVIEW_MANY_YOUTH_MINUTES", 60)
# Fællesskaber: attendance stability over the young person's last N recorded sign-ups.
ACTIVITIES_STABILITY_LAST = env_int("ACTIVITIES_STABILITY_LAST", 10)
# Moving municipality (the relocation app): this installation's name in sealed packages, the secret its keys
# come from (default SECRET_KEY), the Fernet key for packages from other installations, and those
# installations as JSON {"name": {"inbox_key": …, "public_key": …}} (`manage.py relocation_keys` prints ours).
RELOCATION_INSTALLATION = env_str("RELOCATION_INSTALLATION", "Ungeforløb")
RELOCATION_SECRET = env_str("RELOCATION_SECRET", "")
RELOCATION_INBOX_KEY = env_str("RELOCATION_INBOX_KEY", "")
RELOCATION_PARTNERS = json.loads(env_str("RELOCATION_PARTNERS", "{}") or "{}")
RELOCATION_CONSENT_DAYS = env_int("RELOCATION_CONSENT_DAYS", 30)
# The sectors of the municipal youth effort; staff of other organisations are partner staff (policy.is_partner),
# whose menu holds what they do: refer, follow their referrals, their circles, their chain meetings.
YOUTH_EFFORT_SECTORS = env_list("YOUTH_EFFORT_SECTORS", ["uu_kui", "jobcenter", "social"])

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ungeforlob@localhost")

# SMS gateway (the messaging app): "development" writes to a page and a file; "http" posts to a provider.
SMS_GATEWAY = env_str("SMS_GATEWAY", "development")
SMS_HTTP_URL = env_str("SMS_HTTP_URL", "")
SMS_HTTP_TOKEN = env_str("SMS_HTTP_TOKEN", "")
SMS_SENDER_NAME = env_str("SMS_SENDER_NAME", "Ungeforloeb")
SMS_INBOUND_TOKEN = env_str("SMS_INBOUND_TOKEN", "dev-inbound-token" if DEBUG else "")


# The REST API (the integrations app): calls per client and minute (0 = no limit; counted in the cache, so several
# web processes need a shared cache to count together), and the demo client's token (`seed_demo` only).
API_RATE_LIMIT_PER_MINUTE = env_int("API_RATE_LIMIT_PER_MINUTE", 600)
DEMO_API_TOKEN = env_str("DEMO_API_TOKEN", "")

# Webhooks (the webhooks app): delivery by the worker with back-off; loopback and private targets only in
# development (a client could otherwise make the server call into the municipality's own network).
WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", DEBUG)
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 8)
WEBHOOK_LEASE_SECONDS = env_int("WEBHOOK_LEASE_SECONDS", 120)
WEBHOOK_RETRY_BASE_SECONDS = env_int("WEBHOOK_RETRY_BASE_SECONDS", 30)
WEBHOOK_RETRY_MAX_SECONDS = env_int("WEBHOOK_RETRY_MAX_SECONDS", 3600)
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10)
WEBHOOK_ENCRYPTION_KEY = env_str("WEBHOOK_ENCRYPTION_KEY", "")

# Danish public infrastructure (the serviceplatform app): "fake" keeps Digital Post letters in a development mailbox
# and answers CPR lookups from a fake register; "serviceplatformen" sends through KOMBIT's Serviceplatformen
# (SF1601 Digital Post, SF1520 CPR) with the organisation's certificate (certificate and key in one PEM file).
SERVICEPLATFORM_ADAPTER = env_str("SERVICEPLATFORM_ADAPTER", "fake")
SERVICEPLATFORM_CVR = env_str("SERVICEPLATFORM_CVR", "")
SERVICEPLATFORM_CERT_PATH = env_str("SERVICEPLATFORM_CERT_PATH", "")
SERVICEPLATFORM_TEST_ENVIRONMENT = env_bool("SERVICEPLATFORM_TEST_ENVIRONMENT", True)
SERVICEPLATFORM_SENDER_LABEL = env_str("SERVICEPLATFORM_SENDER_LABEL", "Ungeindsatsen")
SERVICEPLATFORM_CPR_SERVICE_AGREEMENT_UUID = env_str("SERVICEPLATFORM_CPR_SERVICE_AGREEMENT_UUID", "")
SERVICEPLATFORM_USER_SYSTEM_UUID = env_str("SERVICEPLATFORM_USER_SYSTEM_UUID", "")
SERVICEPLATFORM_USER_UUID = env_str("SERVICEPLATFORM_USER_UUID", "")
SERVICEPLATFORM_CPR_SERVICE_UUID = env_str("SERVICEPLATFORM_CPR_SERVICE_UUID", "")

# Staff single sign-on (the sso app; providers and claim mappings are set by the administrator in the app): the
# SAML service provider's key and certificate (PEM; without them AuthnRequests go unsigned — development only),
# xmlsec1, and the key that encrypts OIDC client secrets (default: CPR_ENCRYPTION_KEY, then SECRET_KEY).
SSO_SAML_KEY_FILE = env_str("SSO_SAML_KEY_FILE", "")
SSO_SAML_CERT_FILE = env_str("SSO_SAML_CERT_FILE", "")
SSO_XMLSEC_BINARY = env_str("SSO_XMLSEC_BINARY", "/usr/bin/xmlsec1")
SSO_SAML_REQUEST_MINUTES = env_int("SSO_SAML_REQUEST_MINUTES", 10)
SSO_HTTP_TIMEOUT_SECONDS = env_int("SSO_HTTP_TIMEOUT_SECONDS", 10)
SSO_OIDC_TOKEN_AUTH_METHOD = env_str("SSO_OIDC_TOKEN_AUTH_METHOD", "client_secret_basic")
SSO_ENCRYPTION_KEY = env_str("SSO_ENCRYPTION_KEY", "")

# The Django admin is for system administration (superusers) only; it exposes no youth data.
ADMIN_URL = env_str("DJANGO_ADMIN_URL", "systemadmin/")
