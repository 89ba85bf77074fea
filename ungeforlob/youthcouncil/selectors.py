"""Reads of Ungerådet. Nothing here names a young person beyond the first name a member chose to show, and each
function runs a fixed number of queries whatever the amount of data."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from ungeforlob.policy import pk_or_404
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.voice.scrub import scrub
from ungeforlob.youth.models import Youth
from ungeforlob.youthcouncil.models import CouncilMeeting, CouncilMember, Proposal

PAST_MEETINGS = 6
PROPOSALS_PER_PAGE = 20
ANSWERS_SHOWN = 20


def meetings(municipality_id: int) -> QuerySet[CouncilMeeting]:
    return CouncilMeeting.objects.filter(municipality_id=municipality_id)


def proposals(municipality_id: int) -> QuerySet[Proposal]:
    return Proposal.objects.filter(municipality_id=municipality_id).select_related("meeting")


def answered(municipality_id: int) -> QuerySet[ServiceFeedback]:
    """Comments from "Hvordan går det?" that a leader answered, newest answer first."""
    return (ServiceFeedback.objects.filter(municipality_id=municipality_id, review__answered_at__isnull=False)
            .exclude(review__answer="").select_related("review", "council_showing")
            .order_by("-review__answered_at", "-pk"))


def shown_to_youth(fb: ServiceFeedback) -> dict[str, Any]:
    """An answered comment as the young people see it: no date, no scores, the comment's text only when the
    leader marked it fit to show (and scrubbed even then), and the answer."""
    showing = getattr(fb, "council_showing", None)
    return {"text": scrub(fb.comment) if showing is not None and showing.show_text else "",
            "answer": scrub(fb.review.answer)}


def council_for_youth(youth: Youth, *, page: Any = 1) -> dict[str, Any]:
    """Ungerådet's page on Min side, for every young person of the municipality. Six queries."""
    mid = youth.municipality_id
    me = CouncilMember.objects.filter(youth=youth).first()
    names = list(CouncilMember.objects.filter(youth__municipality_id=mid).order_by("joined_at", "pk")
                 .values_list("shown_name", flat=True))
    today = timezone.localdate()
    coming = list(meetings(mid).filter(held_on__gte=today).order_by("held_on", "starts_at", "pk")[:5])
    past = list(meetings(mid).filter(held_on__lt=today)[:PAST_MEETINGS])
    shown_proposals = Paginator(proposals(mid), PROPOSALS_PER_PAGE).get_page(page)
    answers = [shown_to_youth(fb) for fb in answered(mid)[:ANSWERS_SHOWN]]
    return {
        "me": me,
        "member_count": len(names),
        "shown_names": [n for n in names if n],
        "unnamed": sum(1 for n in names if not n),
        "coming": coming,
        "past": past,
        "proposals": shown_proposals,
        "answers": answers,
    }


def council_for_leader(user: Any) -> dict[str, Any]:
    """The leader's page: how many members (never who), meetings, proposals and answered comments. Four queries."""
    mid = user.municipality_id
    return {
        "member_count": CouncilMember.objects.filter(youth__municipality_id=mid).count(),
        "meetings": list(meetings(mid)[:50]),
        "proposals": list(proposals(mid)[:100]),
        "answered_count": answered(mid).count(),
    }


def meeting_of(user: Any, pk: Any) -> CouncilMeeting:
    """One meeting of the leader's municipality, or 404 (the same for "does not exist" and "not yours")."""
    meeting = meetings(user.municipality_id).filter(pk=pk_or_404(pk)).first()
    if meeting is None:
        raise Http404
    return meeting


def proposal_of(user: Any, pk: Any) -> Proposal:
    proposal = proposals(user.municipality_id).filter(pk=pk_or_404(pk)).first()
    if proposal is None:
        raise Http404
    return proposal


def answered_of(user: Any, pk: Any) -> ServiceFeedback:
    fb = answered(user.municipality_id).filter(pk=pk_or_404(pk)).first()
    if fb is None:
        raise Http404
    return fb
