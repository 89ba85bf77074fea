"""Models of the education app."""

from django.db import models  # noqa: F401
