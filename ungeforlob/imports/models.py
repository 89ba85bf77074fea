"""Models of the imports app."""

from django.db import models  # noqa: F401
