"""Models of the integrations app."""

from django.db import models  # noqa: F401
