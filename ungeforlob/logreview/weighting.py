"""How the monthly sample is drawn: every read can be drawn, unusual reads are more likely to be.

The population is a month's reads of a municipality's young people by members of staff: audit rows with the
actions READ, REVEAL and EXPORT that name both a young person and a member of staff (lists shown, searches,
logins and the system's own work are not reads of one young person).

Each read gets a weight, 1 plus the weight of every way it is unusual (`Reason`):

=================  ======  =====================================================================================
reason             weight  when
=================  ======  =====================================================================================
emergency          8       read under emergency access ("break the glass"): the row's detail says
                           ``"emergency": true``, its purpose names *nødadgang*, or its object type starts with
                           ``emergency``
cpr_reveal         6       the full CPR number was shown (action REVEAL)
many_youth         4       the person read ``LOGREVIEW_MANY_YOUTH`` (default 15) or more different young people
                           within ``LOGREVIEW_MANY_YOUTH_MINUTES`` (default 60) minutes: every read in such a
                           stretch
off_hours          3       outside working hours: a weekend, a Danish public holiday, or before
                           ``LOGREVIEW_WORKDAY_START`` (7) / from ``LOGREVIEW_WORKDAY_END`` (18) o'clock, local time
=================  ======  =====================================================================================

So an ordinary read weighs 1, a CPR number shown at night 10, and a read under emergency access at least 9.

The draw is weighted sampling without replacement (Efraimidis and Spirakis, 2006): each read gets the key
``u ** (1 / weight)`` with ``u`` uniform in (0, 1) from a generator seeded with the sample's seed, and the
``LOGREVIEW_SAMPLE_SIZE`` (default 25) reads with the largest keys are drawn. A read of weight 10 is thus about ten
times as likely as an ordinary one to be among the first drawn, and every read has a chance. The reads are visited
in a fixed order (person, time, id), so the same log and seed always draw the same rows; the seed is random and
kept on the sample, so no one can tell in advance which reads will be drawn.

The draw streams through the month once (one query, one person's reads in memory at a time) and keeps only the
current best `size` keys, so a month of millions of rows needs no more memory than the largest single caseload's.
"""

from __future__ import annotations

import datetime
import heapq
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from ungeforlob.core.workdays import is_working_day
from ungeforlob.logreview.models import Reason

WEIGHTS: dict[str, float] = {
    Reason.EMERGENCY: 8.0,
    Reason.CPR_REVEAL: 6.0,
    Reason.MANY_YOUTH: 4.0,
    Reason.OFF_HOURS: 3.0,
}


@dataclass
class Read:
    """One audit row, as much of it as the draw and the sampled row need."""

    event_id: int
    created_at: datetime.datetime
    actor_id: int
    youth_id: int
    action: str
    object_type: str = ""
    purpose: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    actor_name: str = ""
    actor_organisation: str = ""
    reasons: list[str] = field(default_factory=list)

    @property
    def weight(self) -> float:
        return weight_of(self.reasons)


def weight_of(reasons: Iterable[str]) -> float:
    return 1.0 + sum(WEIGHTS.get(r, 0.0) for r in set(reasons))


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def is_off_hours(moment: datetime.datetime) -> bool:
    local = timezone.localtime(moment)
    start, end = _setting("LOGREVIEW_WORKDAY_START", 7), _setting("LOGREVIEW_WORKDAY_END", 18)
    return not is_working_day(local.date()) or not start <= local.hour < end


def is_emergency(read: Read) -> bool:
    detail = read.detail if isinstance(read.detail, dict) else {}
    return bool(detail.get("emergency")) or "nødadgang" in (read.purpose or "").lower() \
        or (read.object_type or "").startswith("emergency")


def mark_many_youth(reads: list[Read]) -> None:
    """Flag every read of one person that lies in a stretch of the window with many different young people.

    `reads` are one person's, in time order. Two pointers over the list: the window [left, right] holds the reads
    within the window's length of reads[right]; when it names enough different young people, all of it is flagged.
    """
    threshold = _setting("LOGREVIEW_MANY_YOUTH", 15)
    window = datetime.timedelta(minutes=_setting("LOGREVIEW_MANY_YOUTH_MINUTES", 60))
    counts: Counter[int] = Counter()
    left = 0
    flagged_to = -1  # reads up to this index are already flagged
    for right, read in enumerate(reads):
        counts[read.youth_id] += 1
        while read.created_at - reads[left].created_at > window:
            counts[reads[left].youth_id] -= 1
            if not counts[reads[left].youth_id]:
                del counts[reads[left].youth_id]
            left += 1
        if len(counts) >= threshold:
            for i in range(max(left, flagged_to + 1), right + 1):
                reads[i].reasons.append(Reason.MANY_YOUTH)
            flagged_to = right


def classify(reads: list[Read]) -> None:
    """Give each of one person's reads (in time order) its reasons."""
    for read in reads:
        if is_emergency(read):
            read.reasons.append(Reason.EMERGENCY)
        if read.action == "reveal":
            read.reasons.append(Reason.CPR_REVEAL)
        if is_off_hours(read.created_at):
            read.reasons.append(Reason.OFF_HOURS)
    mark_many_youth(reads)


def by_person(reads: Iterable[Read]) -> Iterator[list[Read]]:
    """Group a stream of reads ordered by person and time into one list per person."""
    batch: list[Read] = []
    for read in reads:
        if batch and read.actor_id != batch[0].actor_id:
            yield batch
            batch = []
        batch.append(read)
    if batch:
        yield batch


@dataclass
class Draw:
    drawn: list[Read]
    population: int
    unusual: int


def draw(reads: Iterable[Read], *, size: int, seed: int) -> Draw:
    """Classify a stream of reads (ordered by person, then time, then id) and draw `size` of them by weight."""
    rng = random.Random(seed)  # noqa: S311 - a sample for review, not a secret; the seed itself is random
    heap: list[tuple[float, int, Read]] = []
    population = unusual = 0
    for person in by_person(reads):
        classify(person)
        for read in person:
            population += 1
            if read.reasons:
                unusual += 1
            key = rng.random() ** (1.0 / read.weight)
            item = (key, -read.event_id, read)
            if len(heap) < size:
                heapq.heappush(heap, item)
            elif key > heap[0][0]:
                heapq.heapreplace(heap, item)
    drawn = [item[2] for item in sorted(heap, key=lambda item: (item[2].created_at, item[2].event_id))]
    return Draw(drawn=drawn, population=population, unusual=unusual)
