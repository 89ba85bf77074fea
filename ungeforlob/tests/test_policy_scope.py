"""`policy.youth_for` inside a request: the user's circles are read once and named by id from the second question
on, with the same answer as the membership subquery, and a change of membership is seen after `forget()`."""

from __future__ import annotations

from ungeforlob import policy
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.policy import Action
from ungeforlob.testing import Personas


def _ids(qs) -> set[int]:
    return set(qs.values_list("pk", flat=True))


def test_inside_a_request_the_circles_are_read_once_and_give_the_subquerys_answer(p: Personas, count_queries) -> None:
    expected = {action: _ids(policy.youth_for(p.contact_person, action)) for action in Action}  # no scope: subquery
    assert expected[Action.VIEW] == {p.youth.pk}
    with policy.request_scope():
        policy.youth_for(p.contact_person, Action.VIEW)  # the first question: the subquery, no extra query
        assert count_queries(lambda: policy.youth_for(p.contact_person, Action.EDIT)) == 1  # reads the circles
        for action in Action:
            assert count_queries(lambda a=action: policy.youth_for(p.contact_person, a)) == 0
            assert _ids(policy.youth_for(p.contact_person, action)) == expected[action], action
        assert _ids(policy.youth_for(p.reader, Action.VIEW)) == {p.youth.pk}
        assert _ids(policy.youth_for(p.reader, Action.VIEW)) == {p.youth.pk}
        assert _ids(policy.youth_for(p.reader, Action.EDIT)) == set()  # a reader may read, not edit
        assert _ids(policy.youth_for(p.outsider, Action.VIEW)) == set()
        assert _ids(policy.youth_for(p.outsider, Action.VIEW)) == set()


def test_a_membership_added_in_the_request_is_seen_after_forget(p: Personas) -> None:
    with policy.request_scope():
        policy.youth_for(p.outsider)
        assert _ids(policy.youth_for(p.outsider)) == set()
        Membership.objects.create(youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                                  start_date=p.youth.created_at.date())
        policy.forget()
        policy.youth_for(p.outsider)
        assert _ids(policy.youth_for(p.outsider)) == {p.youth.pk}


def test_a_user_with_more_memberships_than_the_inline_limit_keeps_the_subquery(p: Personas, monkeypatch) -> None:
    monkeypatch.setattr(policy, "YOUTH_IDS_INLINE_MAX", 0)
    with policy.request_scope():
        policy.youth_for(p.contact_person)
        second = policy.youth_for(p.contact_person)
        assert "EXISTS" in str(second.query).upper()
        assert _ids(second) == {p.youth.pk}


def test_a_young_persons_page_reads_her_and_the_users_roles_together_through_a_team_too(p: Personas) -> None:
    """`get_youth_for` sends the read of the young person and of the user's roles in her circle together (one
    round trip on PostgreSQL); a role held through a team counts, and outside the circle the answer is 404."""
    import pytest
    from django.db import connection
    from django.http import Http404

    from ungeforlob.accounts.models import Team

    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Team Øst")
    team.members.add(p.outsider)
    with policy.request_scope(), pytest.raises(Http404):
        policy.get_youth_for(p.outsider, p.youth.pk)
    Membership.objects.create(youth=p.youth, team=team, role=ChainRole.MENTOR, start_date=p.youth.created_at.date())
    if connection.vendor == "postgresql":
        from ungeforlob.testing import pipelined

        with policy.request_scope(), pipelined() as sent:
            assert policy.get_youth_for(p.outsider, p.youth.pk) == p.youth
            assert policy.roles_in_circle(p.outsider, p.youth) == {ChainRole.MENTOR}
        assert sent[:2] == [True, True] and len(sent) == 3  # her, the roles; then the audit row
    with policy.request_scope():
        assert policy.get_youth_for(p.outsider, p.youth.pk) == p.youth
        assert policy.can(p.outsider, Action.VIEW, p.youth)
