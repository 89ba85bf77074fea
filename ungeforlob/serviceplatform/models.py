"""Models of the serviceplatform app."""

from django.db import models  # noqa: F401
