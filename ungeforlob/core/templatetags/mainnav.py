"""`{% mainnav_links "caseload" "today" … %}`: the main menu's links, drawn in Python once per request.

Every staff page draws the main menu, and as template code (an `{% if %}` for who sees a link, `{% url %}`,
`{% translate %}` and an `{% if %}` on the current page per link) it cost some 1 ms of every page (issue 14).
Here each link is a line of `LINKS`: its URL name, its label, who sees it and when it is the current page —
the same rules the templates had. The templates (base.html, includes/mainnav_primary.html and
includes/mainnav_extra.html) still give the order, by naming the links, and links that need an app's own
template tag (the notifications' count, the development SMS gateway, the log review) are drawn there as before.
A capability adding a link may still add an `<li>` to those templates (docs/HELPERS.md).

The tag reads what the templates read: `nav_is_admin` and `nav_is_leader` (core.context_processors), and
`partner` and `cn` set in base.html (`{% nav_partner as partner %}{% chain_nav as cn %}`). URLs are reversed
as `{% url %}` does (core.links.reverse_ids, with the same current app) and kept per URL configuration, script
prefix, language and current app: they do not change while the process runs. Nothing per user is kept.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import get_resolver, get_script_prefix, get_urlconf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_noop

from ungeforlob.core.links import current_app, reverse_ids

register = template.Library()


@dataclass(frozen=True)
class Here:
    """Who is looking, and at which page: what the templates' conditions read."""

    admin: bool  # nav_is_admin
    leader: bool  # nav_is_leader
    partner: bool  # partner (policy.is_partner)
    chain: bool  # cn.show
    intake: bool  # cn.is_intake
    chain_leader: bool  # cn.is_leader
    view: str  # request.resolver_match.view_name
    namespace: str  # request.resolver_match.namespace
    url_name: str  # request.resolver_match.url_name
    youth_pk: Any  # request.resolver_match.kwargs.youth_pk


@dataclass(frozen=True)
class Link:
    view_name: str | Callable[[Here], str]
    label: str  # a message id, translated when drawn
    show: Callable[[Here], bool]
    current: Callable[[Here], bool]


def _view_is(name: str) -> Callable[[Here], bool]:
    return lambda h: h.view == name


def _in(namespace: str) -> Callable[[Here], bool]:
    return lambda h: h.namespace == namespace


def _in_but_not_youth(namespace: str) -> Callable[[Here], bool]:
    return lambda h: h.namespace == namespace and h.url_name != "youth"


def _everyone(h: Here) -> bool:
    return True


def _not_admin(h: Here) -> bool:
    return not h.admin


def _admin(h: Here) -> bool:
    return h.admin


def _leader(h: Here) -> bool:
    return h.leader


def _leader_not_admin(h: Here) -> bool:
    return h.leader and not h.admin


def _neither_admin_nor_leader(h: Here) -> bool:
    return not h.admin and not h.leader


def _referrals(h: Here) -> str:
    return "chain:referral_queue" if h.intake else "chain:referral_mine"


LINKS: dict[str, Link] = {
    # base.html
    "caseload": Link("youth:caseload", gettext_noop("Mine unge"), _not_admin, _view_is("youth:caseload")),
    "leadership": Link("insights:dashboard", gettext_noop("Ledelse"), _leader_not_admin,
                       _view_is("insights:dashboard")),
    "professionals": Link("accounts:professional_list", gettext_noop("Medarbejdere"), _admin,
                          _view_is("accounts:professional_list")),
    "organisations": Link("accounts:organisation_list", gettext_noop("Organisationer"), _admin,
                          _view_is("accounts:organisation_list")),
    # includes/mainnav_primary.html
    "today": Link("transitions:today", gettext_noop("I dag"), _not_admin, _view_is("transitions:today")),
    "transitions": Link("transitions:leader", gettext_noop("Overgange"), _leader_not_admin,
                        _view_is("transitions:leader")),
    "procedures": Link("transitions:procedure_list", gettext_noop("Procedurer"), _admin, _in("transitions")),
    "concerns": Link("chain:concern_list", gettext_noop("Bekymringer"), lambda h: h.chain and not h.partner,
                     _view_is("chain:concern_list")),
    "referrals": Link(_referrals, gettext_noop("Henvisninger"), lambda h: h.chain,
                      lambda h: h.view in ("chain:referral_queue", "chain:referral_mine")),
    "handovers": Link("chain:handover_list", gettext_noop("Overleveringer"), lambda h: h.chain and not h.partner,
                      _view_is("chain:handover_list")),
    "capacity": Link("chain:capacity", gettext_noop("Kapacitet"), lambda h: h.chain and h.chain_leader,
                     _view_is("chain:capacity")),
    "meetings": Link("meetings:list", gettext_noop("Kædemøder"), _neither_admin_nor_leader,
                     _in_but_not_youth("meetings")),
    # includes/mainnav_extra.html ("Mere")
    "agreements": Link("meetings:agreements", gettext_noop("Samarbejdsaftaler"), _leader_not_admin, _in("meetings")),
    "offers": Link("offers:list", gettext_noop("Tilbud"), lambda h: not h.partner, _in_but_not_youth("offers")),
    "education": Link("education:list", gettext_noop("Uddannelsessteder"), _everyone,
                      lambda h: h.namespace == "education" and not h.youth_pk),
    "reassessments": Link("progression:reassessments", gettext_noop("Revurderinger"),
                          lambda h: not h.admin and not h.partner, _view_is("progression:reassessments")),
    "indicators": Link("progression:admin_indicators", gettext_noop("Indikatorer"), _admin,
                       lambda h: h.view[:18] == "progression:admin_"),
    "glossary": Link("vocabulary:glossary", gettext_noop("Fælles sprog"), _everyone, _in("vocabulary")),
    "model": Link("reflection:model", gettext_noop("Modellen hos os"), _not_admin, _in("reflection")),
    "activities": Link("activities:list", gettext_noop("Fællesskaber"), _neither_admin_nor_leader,
                       _in("activities")),
    "relocation": Link("relocation:inbox", gettext_noop("Flytninger"), lambda h: h.intake or h.chain_leader,
                       _in_but_not_youth("relocation")),
    # Emergency access: the administrator's settings, else the leader's reviews, else (not for partners) the search.
    "emergency_settings": Link("emergency:settings", gettext_noop("Nødadgang"), _admin, _in("emergency")),
    "emergency_reviews": Link("emergency:review_list", gettext_noop("Nødadgange"), _leader_not_admin,
                              _in("emergency")),
    "emergency_search": Link("emergency:search", gettext_noop("Nødadgang"),
                             lambda h: not h.admin and not h.leader and not h.partner, _in("emergency")),
    "logins": Link("logins:mine", gettext_noop("Mine logins"), _everyone, _in("logins")),
    "presentation": Link("portal:presentation", gettext_noop("Min præsentation for unge"), _neither_admin_nor_leader,
                         _view_is("portal:presentation")),
    "youthcouncil": Link("youthcouncil:manage", gettext_noop("Ungerådet"), _leader, _in("youthcouncil")),
    "retention": Link("retention:rules", gettext_noop("Opbevaring"), _leader, _in("retention")),
    "inspiration": Link("inspiration:list", gettext_noop("Lovende praksis"), _everyone, _in("inspiration")),
    "integrations": Link("integrations:client_list", gettext_noop("Integrationer"), _admin, _in("integrations")),
    "webhooks": Link("webhooks:list", gettext_noop("Webhooks"), _admin, _in("webhooks")),
    "sso": Link("sso:provider_list", gettext_noop("Single sign-on"), _admin, _in("sso")),
    "imports": Link("imports:index", gettext_noop("Import"), _admin, _in("imports")),
}

# Escaped URLs per URL resolver (a new one after `clear_url_caches()`), then per script prefix, language and
# current app: the key `{% url %}`'s own forms have (core.links).
_URLS: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], dict[str, str]]] = weakref.WeakKeyDictionary()


def _urls(app: str | None) -> dict[str, str]:
    resolver = get_resolver(get_urlconf())
    per_resolver = _URLS.get(resolver)
    if per_resolver is None:
        per_resolver = _URLS[resolver] = {}
    key = (get_script_prefix(), get_language(), app)
    urls = per_resolver.get(key)
    if urls is None:
        urls = per_resolver[key] = {}
    return urls


def here(context: template.Context) -> Here:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    cn = context.get("cn") or {}
    return Here(
        admin=bool(context.get("nav_is_admin")),
        leader=bool(context.get("nav_is_leader")),
        partner=bool(context.get("partner")),
        chain=bool(cn.get("show")),
        intake=bool(cn.get("is_intake")),
        chain_leader=bool(cn.get("is_leader")),
        view=getattr(match, "view_name", "") or "",
        namespace=getattr(match, "namespace", "") or "",
        url_name=getattr(match, "url_name", "") or "",
        youth_pk=(getattr(match, "kwargs", None) or {}).get("youth_pk"),
    )


_STATE_ATTR = "_mainnav_state"


def _state(context: template.Context) -> tuple[Here, str | None, dict[str, str]]:
    """This page's `Here`, current app and URLs: worked out at the menu's first links and kept on the request
    (a page draws its links in several places; what they read does not change within the page)."""
    request = context.get("request")
    state = getattr(request, _STATE_ATTR, None)
    if state is None:
        app = current_app(context)
        state = (here(context), app, _urls(app))
        if request is not None:
            setattr(request, _STATE_ATTR, state)
    return state


@register.simple_tag(takes_context=True)
def mainnav_links(context: template.Context, *names: str) -> SafeString:
    """The `<li>` of each named link (`LINKS`) that the user sees, in the order named."""
    h, app, urls = _state(context)
    parts = []
    for name in names:
        link = LINKS[name]
        if not link.show(h):
            continue
        view_name = link.view_name if isinstance(link.view_name, str) else link.view_name(h)
        url = urls.get(view_name)
        if url is None:
            url = urls[view_name] = escape(reverse_ids(view_name, (), {}, app))
        current = 'aria-current="page"' if link.current(h) else ""
        parts.append(f'<li><a href="{url}" {current}>{escape(gettext(link.label))}</a></li>')
    return mark_safe("".join(parts))  # noqa: S308 - URLs and labels escaped above
