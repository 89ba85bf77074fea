"""The young people's voice as a leader sees it: aggregates per quarter and comments that identify no one.

Every function takes the leader's municipality and runs a fixed number of queries whatever the data size.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ungeforlob.insights import suppression as s
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.voice.quarters import Quarter, end_dt, start_dt
from ungeforlob.voice.scrub import scrub

SCALE = (1, 2, 3, 4, 5)


def _question_labels() -> dict[str, str]:
    return {"heard": _("Blev du hørt?"), "useful": _("Var mødet brugbart?")}


def feedback_by_quarter(*, municipality_id: int, quarters: list[Quarter]) -> list[dict[str, Any]]:
    """Per quarter: the number of answers, the average and the distribution of each question (1–5).

    One query: answers grouped by quarter and by the two scores. Everything resting on fewer than five answers
    is hidden (the distribution with secondary suppression, its total being shown).
    """
    if not quarters:
        return []
    # The quarter as a CASE over the quarters' bounds: plain comparisons the database can do on an index,
    # where extracting a local month per row is slow (SQLite runs it in Python).
    which = Case(*(When(created_at__lt=end_dt(q), then=Value(i)) for i, q in enumerate(quarters)),
                 output_field=IntegerField())
    rows = (
        ServiceFeedback.objects.filter(municipality_id=municipality_id, created_at__gte=start_dt(quarters[0]),
                                       created_at__lt=end_dt(quarters[-1]))
        .annotate(q=which).values("q", "heard", "useful").annotate(n=Count("id")).order_by()
    )
    dist: dict[Quarter, dict[str, list[int]]] = defaultdict(lambda: {"heard": [0] * 5, "useful": [0] * 5})
    for r in rows:
        q = quarters[r["q"]]
        dist[q]["heard"][r["heard"] - 1] += r["n"]
        dist[q]["useful"][r["useful"] - 1] += r["n"]
    labels = _question_labels()
    out = []
    for q in quarters:
        d = dist.get(q, {"heard": [0] * 5, "useful": [0] * 5})
        n = sum(d["heard"])
        questions = []
        for key in ("heard", "useful"):
            counts = d[key]
            values = [score for score, c in zip(SCALE, counts, strict=True) for _i in range(c)]
            # One row of counts whose total (the answers) is shown: secondary suppression within the row.
            cells = s.suppress_table([[s.count(c) for c in counts]])[0][0]
            questions.append({"key": key, "label": labels[key], "mean": s.average(values), "distribution": cells})
        out.append({"quarter": q, "answers": s.count(n), "n": n, "comments_shown": n >= s.THRESHOLD,
                    "questions": questions})
    return out


def comment_shown(fb: ServiceFeedback) -> dict[str, Any]:
    """A comment as a leader sees it: the month only, the text scrubbed, the scores and the review (if any)."""
    return {"pk": fb.pk, "month": formats.date_format(timezone.localtime(fb.created_at), "F Y"),
            "text": scrub(fb.comment), "heard": fb.heard, "useful": fb.useful, "review": getattr(fb, "review", None)}


COMMENTS_PER_PAGE = 20


def comments_in(*, municipality_id: int, quarter: Quarter, unread_only: bool = False, page: Any = 1) -> dict[str, Any]:
    """One page of a quarter's comments, scrubbed, each with its month only — or none when the quarter has fewer
    than five answers (a comment from a quarter of three answers is nearly a signature). Three queries."""
    answers = ServiceFeedback.objects.filter(municipality_id=municipality_id, created_at__gte=start_dt(quarter),
                                             created_at__lt=end_dt(quarter))
    n = answers.count()
    if n < s.THRESHOLD:
        return {"quarter": quarter, "answers": s.count(n), "shown": False, "comments": [], "page": None}
    qs = answers.exclude(comment="").select_related("review").order_by("-created_at", "-pk")
    if unread_only:
        qs = qs.filter(review__isnull=True)
    shown = Paginator(qs, COMMENTS_PER_PAGE).get_page(page)
    comments = [comment_shown(fb) for fb in shown]
    return {"quarter": quarter, "answers": s.count(n), "shown": True, "comments": comments, "page": shown}


def answers_in(municipality_id: int, q: Quarter) -> QuerySet[ServiceFeedback]:
    return ServiceFeedback.objects.filter(municipality_id=municipality_id, created_at__gte=start_dt(q),
                                          created_at__lt=end_dt(q))


def review_counts(*, municipality_id: int, quarter: Quarter) -> dict[str, s.Cell]:
    """Comments in a quarter, how many read and how many answered (counts only, for the report)."""
    qs = answers_in(municipality_id, quarter).exclude(comment="")
    c = qs.aggregate(comments=Count("id"), read=Count("review"), answered=Count("review__answered_at"))
    return {k: s.count(v) for k, v in c.items()}


def report_document(*, municipality_id: int, quarter: Quarter, with_pdf: bool = False) -> Any:
    """The kept PDF of `quarter`'s report (None when none was made yet); without `with_pdf`, its date only."""
    from ungeforlob.voice.models import ReportDocument

    qs = ReportDocument.objects.filter(municipality_id=municipality_id, quarter_code=quarter.code)
    return (qs if with_pdf else qs.defer("pdf")).first()
