from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import LoginFailure, Organisation, User


def user_has_confirmed_device(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def login_name_key(username: str) -> str:
    """The username as the lockout counts it: " Mette" and "mette" are one name (the login form strips spaces)."""
    return username.strip().casefold()[:150]


def login_is_locked(*, username: str, ip_address: str | None) -> bool:
    """True when this username or this address has failed too often within the window."""
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    recent = LoginFailure.objects.filter(created_at__gte=since)
    by_user = recent.filter(username=login_name_key(username)).count()
    by_ip = recent.filter(ip_address=ip_address).count() if ip_address else 0
    # An address gets more room than a username: several colleagues may share one NAT address.
    return by_user >= settings.LOGIN_FAILURE_LIMIT or by_ip >= settings.LOGIN_FAILURE_LIMIT * 4


ORGANISATION_SORTS = {"navn": "name", "-navn": "-name", "sektor": "sector", "-sektor": "-sector"}
PROFESSIONAL_SORTS = {
    "navn": "first_name",
    "-navn": "-first_name",
    "organisation": "organisation__name",
    "-organisation": "-organisation__name",
    "rolle": "role",
    "-rolle": "-role",
}


def organisations_for(*, municipality_id: int, q: str = "", sort: str = "navn") -> QuerySet[Organisation]:
    qs = Organisation.objects.filter(municipality_id=municipality_id)
    if q:
        qs = qs.filter(name__icontains=q)
    return qs.order_by(ORGANISATION_SORTS.get(sort, "name"), "pk")


def professionals_for(*, municipality_id: int, q: str = "", sort: str = "navn") -> QuerySet[User]:
    qs = User.objects.filter(municipality_id=municipality_id).select_related("organisation")
    if q:
        qs = qs.filter(
            Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(username__icontains=q)
            | Q(profession__icontains=q)
            | Q(organisation__name__icontains=q)
        )
    return qs.order_by(PROFESSIONAL_SORTS.get(sort, "first_name"), "last_name", "pk")
