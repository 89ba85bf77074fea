"""Models of the sso app."""

from django.db import models  # noqa: F401
