"""The Django admin is for system administration only: tenants, organisations and staff accounts.

No model holding a young person's data is registered here (a test enforces it), and the admin requires
a verified second factor.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django_otp.admin import OTPAdminSite

from ungeforlob.accounts.models import Municipality, Organisation, Team, User

admin.site.__class__ = OTPAdminSite


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
