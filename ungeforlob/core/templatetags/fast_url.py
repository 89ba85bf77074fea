"""`{% url %}` through `core.links.reverse_ids`: the same tag, syntax and output as Django's, with links whose
arguments are ids filled into a form reversed once. Loaded as a template builtin (settings `TEMPLATES`), after
Django's own, so every template's `{% url %}` is this one."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from ungeforlob.core.links import reverse_ids

register = template.Library()


class IdURLNode(URLNode):
    def render(self, context: Any) -> str:
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = reverse_ids(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: Any, token: Any) -> IdURLNode:
    """Django's `{% url %}` (parsed by Django's own tag function), rendered by `IdURLNode`."""
    node = django_url(parser, token)
    return IdURLNode(node.view_name, node.args, node.kwargs, node.asvar)
