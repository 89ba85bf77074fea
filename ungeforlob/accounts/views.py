from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob import policy
from ungeforlob.accounts import selectors, services
from ungeforlob.accounts.forms import LoginForm, OrganisationForm, OTPTokenForm, ProfessionalForm
from ungeforlob.accounts.models import Organisation
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.request_context import client_ip, safe_next


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        from ungeforlob.logins.sessions import expired_notice

        expired_notice(request)
        return super().get(request, *args, **kwargs)

    def form_invalid(self, form: LoginForm) -> HttpResponse:
        username = selectors.login_name_key(self.request.POST.get("username") or "")
        if username and not form.has_error("__all__", code="locked"):
            services.login_failure_record(username=username, ip_address=client_ip(self.request))
        return super().form_invalid(form)

    def form_valid(self, form: LoginForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        services.login_failures_clear(username=user.username)
        audit_record(actor=user, action=AuditAction.LOGIN, object_type="login")
        if selectors.user_has_confirmed_device(user):
            # Straight to the code, keeping where the user was going (e.g. the system administration).
            return redirect(f"{reverse('accounts:otp_verify')}?{urlencode({'next': self.get_success_url()})}")
        return response


class LogoutView(auth_views.LogoutView):
    pass


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@require_http_methods(["GET", "POST"])
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code, type a code to confirm."""
    if selectors.user_has_confirmed_device(request.user):
        return redirect("accounts:otp_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = services.totp_device_start(user=request.user)
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            services.totp_device_confirm(device=device)
            otp_login(request, device)
            messages.success(request, _("To-faktor-login er sat op."))
            return redirect("core:home")
        form.add_error("token", _("Koden passer ikke. Tjek at uret på telefonen går rigtigt, og prøv igen."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request, "accounts/otp_setup.html", {"form": form, "qr_svg": _qr_svg(device.config_url), "secret": secret}
    )


@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(safe_next(request, reverse("core:home")))
        form.add_error("token", _("Koden passer ikke."))
    return render(request, "accounts/otp_verify.html", {"form": form})


@administrator_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "navn")
    qs = selectors.organisations_for(municipality_id=request.user.municipality_id, q=q, sort=sort)
    page = Paginator(qs, 50).get_page(request.GET.get("side"))
    return render(request, "accounts/organisation_list.html", {"page": page, "q": q, "sort": sort})


@administrator_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = (
        get_object_or_404(Organisation, pk=pk, municipality_id=request.user.municipality_id) if pk else None
    )
    form = OrganisationForm(request.POST or None, instance=instance, municipality_id=request.user.municipality_id)
    if request.method == "POST" and form.is_valid():
        services.organisation_save(actor=request.user, organisation=form.save(commit=False))
        messages.success(request, _("Organisationen er gemt."))
        return redirect("accounts:organisation_list")
    return render(request, "accounts/organisation_form.html", {"form": form, "object": instance})


@administrator_required
def professional_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "navn")
    qs = selectors.professionals_for(municipality_id=request.user.municipality_id, q=q, sort=sort)
    page = Paginator(qs, 50).get_page(request.GET.get("side"))
    return render(request, "accounts/professional_list.html", {"page": page, "q": q, "sort": sort})


@administrator_required
@require_http_methods(["GET", "POST"])
def professional_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(policy.visible_professionals(request.user), pk=pk) if pk else None
    form = ProfessionalForm(request.POST or None, instance=instance, municipality_id=request.user.municipality_id)
    if request.method == "POST" and form.is_valid():
        services.professional_save(
            actor=request.user, professional=form.save(commit=False), password=form.cleaned_data.get("password")
        )
        messages.success(request, _("Medarbejderen er gemt."))
        return redirect("accounts:professional_list")
    return render(request, "accounts/professional_form.html", {"form": form, "object": instance})


@administrator_required
@require_http_methods(["GET", "POST"])
def professional_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deactivates (or reactivates, which is the undo)."""
    professional = get_object_or_404(policy.visible_professionals(request.user), pk=pk)
    if request.method == "POST":
        active = request.POST.get("active") == "1"
        if professional.pk == request.user.pk and not active:
            messages.error(request, _("Du kan ikke lukke din egen konto."))
            return redirect("accounts:professional_list")
        services.professional_set_active(actor=request.user, professional=professional, active=active)
        if active:
            messages.success(request, _("%(name)s er aktiv igen.") % {"name": professional})
        else:
            messages.success(request, _("%(name)s kan ikke længere logge ind.") % {"name": professional})
        return redirect("accounts:professional_list")
    return render(request, "accounts/professional_deactivate.html", {"object": professional})

