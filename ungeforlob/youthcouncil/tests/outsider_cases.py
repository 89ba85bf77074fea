from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C
from ungeforlob.youthcouncil.tests.factories import council

# Min side answers only a young person's own session; a staff session is sent to the portal login.
PORTAL = (302,)
# The leader's pages: leaders (and administrators) of the municipality only.
LEADER = ("leader",)


def cases(p: Personas) -> list[C]:
    c = council(p, member=False)
    meeting = {"held_on": "2030-01-10", "place": "X", "agenda": "X", "version": "1"}
    proposal = {"text": "X", "status": "ny", "version": "1"}
    return [
        C("youthcouncil:home", "/min-side/ungeraadet/", refused_statuses=PORTAL),
        C("youthcouncil:home", "/min-side/ungeraadet/", "post", {"shown_name": "Sara"}, refused_statuses=PORTAL),
        C("youthcouncil:leave", "/min-side/ungeraadet/meld-ud/", "post", refused_statuses=PORTAL),
        C("youthcouncil:manage", "/ledelse/ungeraadet/", refused_statuses=(403,), allowed_for=LEADER),
        C("youthcouncil:meeting_create", "/ledelse/ungeraadet/moede/nyt/", "post", meeting, refused_statuses=(403,),
          allowed_for=LEADER),
        C("youthcouncil:meeting_edit", f"/ledelse/ungeraadet/moede/{c.coming.pk}/", "post", meeting,
          refused_statuses=(403,), allowed_for=LEADER),
        C("youthcouncil:meeting_delete", f"/ledelse/ungeraadet/moede/{c.coming.pk}/slet/", "post",
          refused_statuses=(403,), allowed_for=LEADER),
        C("youthcouncil:proposal_create", "/ledelse/ungeraadet/forslag/nyt/", "post", proposal,
          refused_statuses=(403,), allowed_for=LEADER),
        C("youthcouncil:proposal_edit", f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/", "post", proposal,
          refused_statuses=(403,), allowed_for=LEADER),
        C("youthcouncil:proposal_delete", f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/slet/", "post",
          refused_statuses=(403,), allowed_for=LEADER),
        C("youthcouncil:comments", "/ledelse/ungeraadet/kommentarer/", refused_statuses=(403,), allowed_for=LEADER),
        C("youthcouncil:comment_show", f"/ledelse/ungeraadet/kommentarer/{c.answered.pk}/", "post",
          {f"c{c.answered.pk}-show_text": "ja"}, refused_statuses=(403,), allowed_for=LEADER),
    ]
