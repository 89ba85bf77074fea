"""Settings for the kill drill's throw-away installation: the project's settings, loopback receivers allowed."""

from config.settings import *  # noqa: F403

WEBHOOK_ALLOW_PRIVATE_TARGETS = True
WEBHOOK_RETRY_BASE_SECONDS = 1
