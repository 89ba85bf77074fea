"""The administrator's webhook subscriptions: list, add (the secret shown once), pause, delete, deliveries."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.forms import run_service
from ungeforlob.webhooks import selectors, services
from ungeforlob.webhooks.forms import SubscriptionForm
from ungeforlob.webhooks.models import Delivery, DeliveryStatus, Subscription


def _subscription(request: HttpRequest, pk: int) -> Subscription:
    try:
        return selectors.subscription_get(municipality_id=request.user.municipality_id, pk=policy.pk_or_404(pk))
    except Subscription.DoesNotExist:
        raise Http404 from None


@administrator_required
def subscription_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    subscriptions = list(selectors.subscriptions_for(municipality_id=request.user.municipality_id, q=q))
    return render(request, "webhooks/subscription_list.html", {"subscriptions": subscriptions, "q": q})


@administrator_required
@require_http_methods(["GET", "POST"])
def subscription_create(request: HttpRequest) -> HttpResponse:
    form = SubscriptionForm(request.POST or None, municipality_id=request.user.municipality_id)
    if request.method == "POST" and form.is_valid():
        ok, result, form = run_service(form, lambda: services.subscription_create(
            actor=request.user, client=form.cleaned_data["client"], target_url=form.cleaned_data["target_url"],
            events=form.cleaned_data["events"]))
        if ok:
            subscription, secret = result
            # Shown on this response only: a reload re-posts the form, which is refused as already sent.
            return render(request, "webhooks/subscription_created.html",
                          {"subscription": subscription, "secret": secret})
    return render(request, "webhooks/subscription_form.html", {"form": form})


@administrator_required
def subscription_detail(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = _subscription(request, pk)
    status = request.GET.get("status", "")
    deliveries = selectors.deliveries_recent(subscription=subscription, status=status)
    return render(request, "webhooks/subscription_detail.html", {
        "subscription": subscription, "deliveries": deliveries, "status": status,
        "statuses": DeliveryStatus.choices, "failed": DeliveryStatus.FAILED})


@administrator_required
@require_POST
def subscription_pause(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = _subscription(request, pk)
    paused = request.POST.get("paused") == "1"
    services.subscription_set_paused(actor=request.user, subscription=subscription, paused=paused)
    messages.success(request, _("Abonnementet er sat på pause.") if paused else _("Abonnementet er aktivt igen."))
    return redirect("webhooks:detail", pk=subscription.pk)


@administrator_required
@require_http_methods(["GET", "POST"])
def subscription_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes."""
    subscription = _subscription(request, pk)
    if request.method == "POST":
        services.subscription_delete(actor=request.user, subscription=subscription)
        messages.success(request, _("Abonnementet er slettet."))
        return redirect("webhooks:list")
    return render(request, "webhooks/subscription_delete.html", {"subscription": subscription})


@administrator_required
@require_POST
def delivery_resend(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        delivery = Delivery.objects.select_related("subscription").get(
            pk=policy.pk_or_404(pk), subscription__municipality_id=request.user.municipality_id)
    except Delivery.DoesNotExist:
        raise Http404 from None
    try:
        services.delivery_resend(actor=request.user, delivery=delivery)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Leveringen sendes igen om lidt."))
    return redirect("webhooks:detail", pk=delivery.subscription_id)
