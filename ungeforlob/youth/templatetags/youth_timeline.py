"""The timeline's entries, stamped (`core.stamp`): a page of 25 drawn in full cost the template engine some 2 ms."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime

from ungeforlob.core.stamp import stamp
from ungeforlob.core.templatetags.ui import iso_moment, ldate, local_day

register = template.Library()


@register.simple_tag(takes_context=True)
def timeline_entry(context: template.Context, entry: Any) -> SafeString:
    """One entry (`youth.timeline.TimelineEntry`) as `_timeline_entry.html` draws it: its moment in the current
    time zone, written as `|iso_moment` and `|local_day|ldate:"DATE_FORMAT"` write it, its text through
    `linebreaksbr`."""
    when = template_localtime(entry.when, context.use_tz)
    values = {"iso": iso_moment(when), "day": ldate(local_day(when), "DATE_FORMAT"), "title": entry.title,
              "text": linebreaksbr(entry.text, autoescape=context.autoescape) if entry.text else "",
              "by": entry.by, "url": entry.url}
    shape = {"has_text": bool(entry.text), "has_by": bool(entry.by), "has_url": bool(entry.url)}
    return stamp(context, "youth/_timeline_entry.html", shape=shape, values=values)
