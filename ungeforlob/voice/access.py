"""Who may review which comment (the voice app's own predicate, over the policy's id rule)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone

from ungeforlob.insights import suppression as s
from ungeforlob.policy import pk_or_404
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.voice.quarters import Quarter
from ungeforlob.voice.selectors import answers_in


def reviewable_feedback(user: Any, pk: Any) -> ServiceFeedback:
    """One comment a leader may review: in their municipality, with text, in a quarter of five answers or more.

    Raises Http404 for anything else, the same whether it does not exist or is not theirs.
    """
    fb = (ServiceFeedback.objects.filter(pk=pk_or_404(pk), municipality_id=user.municipality_id).exclude(comment="")
          .select_related("review").first())
    if fb is None:
        raise Http404
    q = Quarter.of(timezone.localtime(fb.created_at).date())
    if answers_in(user.municipality_id, q).count() < s.THRESHOLD:
        raise Http404
    return fb
