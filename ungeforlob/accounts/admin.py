"""The Django admin is for system administration only: tenants, organisations and staff accounts.

No model holding a young person's data is registered here (a test enforces it), and the admin requires
a verified second factor.
"""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.admin import OTPAdminSite

from ungeforlob.accounts.models import Municipality, Organisation, Team, User
from ungeforlob.core.request_context import safe_next


class SystemAdminSite(OTPAdminSite):
    """The admin with no login form of its own: it sends people to the staff login, so there is one login
    with one lockout, one set of failure rows and one audit trail (a second form would be a password oracle
    around the lockout)."""

    @login_not_required
    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if self.has_permission(request):
            return redirect("admin:index")
        if request.user.is_authenticated:
            # Logged in, verified where needed, but not staff: sending them to the login would loop back here.
            raise PermissionDenied
        next_url = safe_next(request, reverse("admin:index"))
        return redirect_to_login(next_url, reverse("accounts:login"), REDIRECT_FIELD_NAME)


admin.site.__class__ = SystemAdminSite


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "municipality", "is_active"]
    list_filter = ["municipality", "sector"]
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "municipality"]
    filter_horizontal = ["members"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "organisation", "role", "is_active"]
    list_filter = ["municipality", "role", "is_active"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Ungeforløb", {"fields": ("municipality", "organisation", "profession", "role", "phone", "leader")}),
    )
