"""Models of the inspiration app."""

from django.db import models  # noqa: F401
