"""The scale generator at small size: counts, constraints, idempotence, reset, and the known contact person."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count, F
from django.test import override_settings
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.accounts.models import Municipality, User
from ungeforlob.audit.models import AuditEvent
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.messaging.models import OutboundMessage
from ungeforlob.plans.models import Goal
from ungeforlob.progression.models import AssessmentVersion
from ungeforlob.scale import generate
from ungeforlob.scale.models import ScaleDataset
from ungeforlob.transitions.models import FollowUp
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Youth

pytestmark = pytest.mark.django_db

SMALL = ["--youth", "60", "--municipalities", "2", "--seed", "7"]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("generate_scale", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, object]:
    """What the dataset says, independent of the ids it was given."""
    youth = Youth.objects.order_by("municipality__code", "pk")
    return {
        "youth": [(y.first_name, y.last_name, y.birth_date, y.cpr_hash, y.mobile) for y in youth],
        "counts": ScaleDataset.objects.get().counts,
        "kp_youth": sorted(policy.visible_youth(User.objects.get(username="scale-kp")).values_list("cpr_hash",
                                                                                                  flat=True)),
    }


def test_it_builds_the_requested_size_in_realistic_proportions():
    run(*SMALL)
    dataset = ScaleDataset.objects.get()
    assert dataset.status == "ready"
    assert Youth.objects.count() == 60
    assert Municipality.objects.filter(code__startswith="scale-").count() == 2
    counts = dataset.counts
    domain = sum(v for k, v in counts.items() if k != "audit_auditevent")
    # About 190 domain rows and 125 audit rows per young person (15M and 10M at 80,000).
    assert 100 * 60 < domain < 320 * 60, counts
    assert 50 * 60 < counts["audit_auditevent"] < 260 * 60, counts
    for table in ("plans_goal", "plans_subgoal", "plans_activity", "progression_assessment",
                  "transitions_followup", "messaging_outboundmessage", "messaging_inboundmessage",
                  "plans_journalnote", "chain_membership", "accounts_team_members", "chain_consent"):
        assert counts.get(table, 0) > 0, table
    assert AuditEvent.objects.filter(youth_id__isnull=False).count() > 60


def test_every_young_person_has_one_open_course_and_one_contact_person_within_twelve_to_twentyfive():
    run(*SMALL)
    for youth in Youth.objects.all():
        assert youth.courses.filter(end_date__isnull=True).count() == 1
        assert Membership.objects.filter(youth=youth, role=ChainRole.CONTACT_PERSON, end_date__isnull=True).count() == 1
    kp = User.objects.get(username="scale-kp")
    assert policy.contact_person_youth(kp).count() == 18


def test_the_rows_satisfy_the_constraints_the_services_rely_on():
    run(*SMALL)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_key_check")
            assert cursor.fetchall() == []
    for goal_youth in Goal.objects.values("youth").distinct():
        assert Goal.objects.filter(youth=goal_youth["youth"]).count() <= 3
    assert not AssessmentVersion.objects.filter(is_current=True).values("assessment").annotate(
        n=Count("pk")).filter(n__gt=1).exists()
    assert FollowUp.objects.exclude(status="aaben").filter(done_on__isnull=True).count() == 0


def test_follow_ups_left_open_and_failed_sms_not_acknowledged_are_mostly_the_last_weeks():
    """What waits on a contact person's I dag is mostly recent: a follow-up months past its day has been done,
    skipped or moved, a failed SMS acknowledged (before, one follow-up in ten stayed open and every failed SMS
    unacknowledged for good: two dozen a year old on one contact person's I dag)."""
    from ungeforlob.scale.generate.paths import _still_open

    assert (_still_open(3), _still_open(14), _still_open(30), _still_open(60), _still_open(400)) == (
        0.15, 0.15, 0.03, 0.03, 0.005)
    run(*SMALL)
    today = timezone.localdate()
    past = FollowUp.objects.filter(due_date__lt=today - datetime.timedelta(days=60))
    assert past.count() > 200
    assert past.filter(status="aaben").count() <= past.count() * 0.02
    assert past.filter(status="sprunget_over").exists() and past.filter(status="udfoert").exists()
    failed = OutboundMessage.objects.filter(status="failed")
    old_failures = failed.filter(failed_at__lt=timezone.now() - datetime.timedelta(days=60))
    assert old_failures.count() > 10
    assert old_failures.filter(failure_acknowledged_at__isnull=True).count() <= old_failures.count() * 0.05
    assert not failed.filter(failure_acknowledged_at__lt=F("failed_at")).exists()


def test_cpr_numbers_are_encrypted_and_found_by_their_lookup_key():
    run(*SMALL)
    youth = Youth.objects.first()
    digits = cpr.decrypt(youth.cpr_encrypted)
    assert cpr.normalize_cpr(digits) == digits
    assert cpr.lookup_hash(digits) == youth.cpr_hash
    assert cpr.birth_date(digits) == youth.birth_date
    assert digits not in youth.cpr_encrypted


def test_the_known_contact_person_sees_exactly_their_circles_through_the_policy():
    run(*SMALL)
    kp = User.objects.get(username="scale-kp")
    visible = policy.visible_youth(kp)
    assert visible.count() >= 18
    member_of = set(policy.memberships_of(kp).values_list("youth_id", flat=True))
    assert set(visible.values_list("pk", flat=True)) == member_of
    assert not policy.visible_youth(User.objects.get(username="scale-leder")).exists()


def test_the_known_users_log_in_with_the_demo_password():
    run(*SMALL)
    assert authenticate(username="scale-kp", password="ungeforlob-demo") is not None
    assert authenticate(username="scale-leder", password="ungeforlob-demo").role == "leader"
    assert authenticate(username="scale-001-kp-0002", password="ungeforlob-demo") is None


def test_running_it_again_with_the_same_seed_changes_nothing():
    run(*SMALL)
    before = snapshot()
    first_ids = ScaleDataset.objects.get().id_ranges
    assert "already there" in run(*SMALL)
    assert snapshot() == before
    assert ScaleDataset.objects.get().id_ranges == first_ids


def test_the_same_seed_builds_the_same_dataset_after_a_reset():
    run(*SMALL)
    before = snapshot()
    run("--reset")
    assert not Youth.objects.exists()
    assert not ScaleDataset.objects.exists()
    run(*SMALL)
    assert snapshot() == before


def test_reset_removes_every_row_it_wrote_and_leaves_other_data_alone(p):
    audit_before = AuditEvent.objects.count()
    run(*SMALL)
    run("--reset")
    assert Youth.objects.count() == 2  # the personas' young people
    assert not User.objects.filter(username__startswith="scale-").exists()
    assert not Municipality.objects.filter(code__startswith="scale-").exists()
    assert AuditEvent.objects.count() == audit_before
    # the database's append-only guard is back in place afterwards
    with pytest.raises(Exception), transaction.atomic(), connection.cursor() as cursor:  # noqa: B017
        cursor.execute("DELETE FROM audit_auditevent")


def test_a_different_size_replaces_the_earlier_dataset():
    run(*SMALL)
    run("--youth", "30", "--municipalities", "1", "--seed", "7")
    assert Youth.objects.count() == 30
    assert ScaleDataset.objects.count() == 1


def test_municipality_sizes_follow_denmark():
    sizes = generate.municipality_sizes(80_000, 98)
    assert sum(sizes) == 80_000 and len(sizes) == 98
    assert max(sizes) == sizes[0] == 10_000
    assert min(sizes) >= 1
    assert generate.municipality_sizes(2000, 1) == [2000]


@override_settings(ROOT_URLCONF="ungeforlob.scale.bench_urls")
def test_the_benchmarks_min_side_is_not_the_young_person_whose_staff_pages_it_reads():
    """The staff pages' reads write rows in that young person's log every run; her own page would then measure
    the benchmark's traffic piling up, not the dataset's log."""
    from ungeforlob.scale.bench import pages_for_dataset

    run(*SMALL)
    pages, youth_id, own_id = pages_for_dataset()
    assert own_id != youth_id
    kp = User.objects.get(username="scale-kp")
    assert {youth_id, own_id} <= set(policy.visible_youth(kp).values_list("pk", flat=True))
    assert f"/unge/{youth_id}/" in {p.path for p in pages}
