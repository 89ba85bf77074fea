from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S
from ungeforlob.youthcouncil.models import CommentShowing, CouncilMeeting, CouncilMember, Proposal
from ungeforlob.youthcouncil.tests.factories import council


def cases(p: Personas) -> list[S]:
    c = council(p)
    soon = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    meeting = {"held_on": soon, "starts_at": "16:30", "place": "Ungdomshuset, lokale 2",
               "agenda": "Sommerens aktiviteter"}
    proposal = {"text": "Gratis frugt til møderne", "status": "i_gang", "meeting": str(c.past.pk)}
    return [
        S("youthcouncil:home", "/min-side/ungeraadet/", who="youth", contains="Nu har vi åbent til kl. 18"),
        S("youthcouncil:home", "/min-side/ungeraadet/", "post", {"shown_name": "Josefine"}, who="youth",
          effect=lambda r: CouncilMember.objects.filter(youth=p.youth, shown_name="Josefine").exists()),
        S("youthcouncil:leave", "/min-side/ungeraadet/meld-ud/", who="youth", contains="meld mig ud"),
        S("youthcouncil:leave", "/min-side/ungeraadet/meld-ud/", "post", who="youth",
          effect=lambda r: not CouncilMember.objects.filter(youth=p.youth).exists()),
        S("youthcouncil:manage", "/ledelse/ungeraadet/", who="leader", contains="Ungdomshuset"),
        S("youthcouncil:meeting_create", "/ledelse/ungeraadet/moede/nyt/", who="leader"),
        S("youthcouncil:meeting_create", "/ledelse/ungeraadet/moede/nyt/", "post", meeting, who="leader",
          effect=lambda r: CouncilMeeting.objects.filter(place="Ungdomshuset, lokale 2").exists()),
        S("youthcouncil:meeting_edit", f"/ledelse/ungeraadet/moede/{c.past.pk}/", who="leader",
          contains="Biblioteket"),
        S("youthcouncil:meeting_edit", f"/ledelse/ungeraadet/moede/{c.past.pk}/", "post",
          {**meeting, "held_on": c.past.held_on.isoformat(), "minutes": "Vi talte om sommer.", "version": "1"},
          who="leader",
          effect=lambda r: CouncilMeeting.objects.filter(pk=c.past.pk, minutes="Vi talte om sommer.",
                                                         version=2).exists()),
        S("youthcouncil:meeting_delete", f"/ledelse/ungeraadet/moede/{c.coming.pk}/slet/", who="leader"),
        S("youthcouncil:meeting_delete", f"/ledelse/ungeraadet/moede/{c.coming.pk}/slet/", "post", who="leader",
          effect=lambda r: not CouncilMeeting.objects.filter(pk=c.coming.pk).exists()),
        S("youthcouncil:proposal_create", "/ledelse/ungeraadet/forslag/nyt/", who="leader"),
        S("youthcouncil:proposal_create", "/ledelse/ungeraadet/forslag/nyt/", "post", proposal, who="leader",
          effect=lambda r: Proposal.objects.filter(text="Gratis frugt til møderne", meeting=c.past).exists()),
        S("youthcouncil:proposal_edit", f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/", who="leader",
          contains="Åbent til kl. 18"),
        S("youthcouncil:proposal_edit", f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/", "post",
          {"text": "Åbent til kl. 19", "status": "ikke", "outcome": "Der er ingen voksne til at holde åbent.",
           "version": "1"}, who="leader",
          effect=lambda r: Proposal.objects.filter(pk=c.proposal.pk, status="ikke", version=2).exists()),
        S("youthcouncil:proposal_delete", f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/slet/", who="leader"),
        S("youthcouncil:proposal_delete", f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/slet/", "post",
          who="leader", effect=lambda r: not Proposal.objects.filter(pk=c.proposal.pk).exists()),
        S("youthcouncil:comments", "/ledelse/ungeraadet/kommentarer/", who="leader",
          contains="Nu kan du vælge et møde efter kl. 10."),
        S("youthcouncil:comment_show", f"/ledelse/ungeraadet/kommentarer/{c.answered.pk}/", "post",
          {f"c{c.answered.pk}-show_text": "ja"}, who="leader",
          effect=lambda r: CommentShowing.objects.filter(feedback=c.answered, show_text=True).exists()),
    ]
