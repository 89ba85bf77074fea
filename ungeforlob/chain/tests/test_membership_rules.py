import datetime

import pytest
from django.db import IntegrityError, transaction

from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.testing import Personas


def test_the_database_refuses_a_second_open_contact_person(p: Personas) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(youth=p.youth, professional=p.colleague, role=ChainRole.CONTACT_PERSON,
                                  start_date=datetime.date.today())


def test_a_membership_cannot_end_before_it_starts(p: Personas) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                                  start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 4, 1))
