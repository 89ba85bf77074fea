"""Time travel through the retention rules: nothing goes a day early, everything goes on its day, the audit log
keeps who looked under the young person's pseudonym, and a second run changes nothing. `now=` moves the clock."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test import override_settings

from ungeforlob.audit.models import AuditEvent
from ungeforlob.chain.models import Concern, ConcernAction, Referral
from ungeforlob.messaging.models import OutboundMessage
from ungeforlob.plans.models import Goal, JournalNote, Profile
from ungeforlob.progression.models import SelfEvaluationRound, YouthPlacement
from ungeforlob.retention import selectors, services
from ungeforlob.retention.models import Disposal, RetentionRule, RetentionRun, RetentionSetup
from ungeforlob.retention.tests.factories import at, ended_course
from ungeforlob.testing import Personas
from ungeforlob.youth.models import Guardian, Youth

ENDED = datetime.date(2020, 3, 15)


def _run(p: Personas, day: datetime.date) -> RetentionRun:
    return services.retention_run(municipality=p.municipality, actor=p.administrator, now=at(day))


def _set(p: Personas, kind: str, **values: object) -> RetentionRule:
    rule = selectors.rule_for(p.municipality, kind)
    data = {"keep_for": rule.keep_for, "unit": rule.unit, "disposal": rule.disposal,
            "legal_basis": rule.legal_basis, "archive_note": rule.archive_note, **values}
    return services.retention_rule_save(actor=p.administrator, municipality=p.municipality, kind=kind,
                                        version=rule.version, **data)  # type: ignore[arg-type]


def test_nothing_is_deleted_a_day_early(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    _run(p, datetime.date(2021, 3, 14))  # the SMS rule is one year
    assert OutboundMessage.objects.filter(youth=youth).exists()
    _run(p, datetime.date(2025, 3, 14))  # the record, notes and concerns: five years
    youth.refresh_from_db()
    assert youth.first_name == "Sofie" and youth.mobile == "+4521212121"
    assert JournalNote.objects.filter(youth=youth).exists()
    assert Concern.objects.filter(youth=youth).exists()
    assert AuditEvent.objects.filter(youth_id=youth.pk).count() >= 2


def test_each_kind_goes_on_its_day(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    _run(p, datetime.date(2021, 3, 15))
    assert not OutboundMessage.objects.filter(youth=youth).exists()
    assert SelfEvaluationRound.objects.filter(youth=youth).exists()  # two years
    _run(p, datetime.date(2022, 3, 15))
    assert not SelfEvaluationRound.objects.filter(youth=youth).exists()
    assert JournalNote.objects.filter(youth=youth).exists()


def test_on_the_day_the_record_is_anonymised_and_the_notes_and_concerns_deleted(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    run = _run(p, datetime.date(2025, 3, 15))
    youth.refresh_from_db()
    assert (youth.first_name, youth.last_name, youth.mobile, youth.cpr_encrypted) == ("Anonymiseret", "", "", "")
    assert youth.birth_date.month == 1 and youth.birth_date.day == 1
    assert not Guardian.objects.filter(youth=youth).exists()
    assert not JournalNote.objects.filter(youth=youth).exists()
    assert not Concern.objects.filter(youth=youth).exists() and not ConcernAction.objects.exists()
    placement = YouthPlacement.objects.get(youth=youth)
    assert placement.own_words == "" and placement.level == "kontaktparat"  # levels stay, for statistics
    assert Goal.objects.get(youth=youth).text == ""
    assert Profile.objects.get(youth=youth).own_story == ""
    assert run.counts["record"]["youth"] == 1 and run.counts["journal_notes"]["rows"] == 1
    assert run.total == 1 and run.actor == p.administrator  # one young person, however many kinds


def test_the_audit_log_keeps_who_looked_under_one_stable_pseudonym(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    rows = AuditEvent.objects.filter(youth_id=youth.pk).count()
    _run(p, datetime.date(2025, 3, 15))
    assert not AuditEvent.objects.filter(youth_id=youth.pk).exists()
    assert not AuditEvent.objects.filter(actor_youth_id=youth.pk).exists()
    pseudonymised = AuditEvent.objects.filter(youth_pseudonym=services.pseudonym(youth.pk))
    assert pseudonymised.count() == rows
    assert pseudonymised.filter(actor=p.contact_person, actor_name="Mette Kjær").exists()
    assert services.pseudonym(youth.pk) == services.pseudonym(youth.pk) != services.pseudonym(youth.pk + 1)
    with override_settings(AUDIT_PSEUDONYM_KEY="another installation's key"):
        assert services.pseudonym(youth.pk) != pseudonymised.first().youth_pseudonym  # keyed: not guessable


def test_a_second_run_changes_nothing(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    _run(p, datetime.date(2025, 3, 15))
    before = (list(AuditEvent.objects.values_list("id", "youth_id", "youth_pseudonym")),
              Youth.objects.get(pk=youth.pk).cpr_hash, YouthPlacement.objects.count(), Goal.objects.count())
    again = _run(p, datetime.date(2025, 3, 16))
    assert again.total == 0 and all(c["rows"] == 0 for c in again.counts.values())
    after_rows = list(AuditEvent.objects.filter(id__in=[row[0] for row in before[0]])
                      .values_list("id", "youth_id", "youth_pseudonym"))
    assert sorted(after_rows) == sorted(before[0])
    assert (Youth.objects.get(pk=youth.pk).cpr_hash, YouthPlacement.objects.count(), Goal.objects.count()) == \
        before[1:]


def test_the_dry_run_counts_what_is_due_and_changes_nothing(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    due = {d.rule.kind: d for d in selectors.dry_run(p.municipality, now=at(datetime.date(2025, 3, 15)))}
    assert due["record"].youth == 1 and due["journal_notes"].rows == 1 and due["sms"].rows == 1
    assert due["audit_identity"].rows >= 2
    assert JournalNote.objects.filter(youth=youth).exists() and not RetentionRun.objects.exists()
    early = {d.rule.kind: d for d in selectors.dry_run(p.municipality, now=at(datetime.date(2025, 3, 14)))}
    assert early["record"].youth == 0 and early["sms"].youth == 1
    _run(p, datetime.date(2025, 3, 15))
    after = selectors.dry_run(p.municipality, now=at(datetime.date(2025, 3, 15)))
    assert [d.youth for d in after] == [0] * len(after)


def test_a_young_person_who_came_back_is_due_again_when_the_new_course_has_ended_and_its_time_passed(
        p: Personas) -> None:
    from ungeforlob.youth.models import Course

    youth = ended_course(p, ended=ENDED)
    _set(p, "journal_notes", keep_for=1)
    _run(p, datetime.date(2021, 3, 15))
    assert not JournalNote.objects.filter(youth=youth).exists()
    Course.objects.create(youth=youth, start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2022, 6, 1))
    JournalNote.objects.create(youth=youth, text="Tilbage igen", author=p.contact_person, author_name="Mette Kjær")
    _run(p, datetime.date(2023, 5, 31))
    assert JournalNote.objects.filter(youth=youth).exists()  # a day early for the second course
    _run(p, datetime.date(2023, 6, 1))
    assert not JournalNote.objects.filter(youth=youth).exists()


def test_an_anonymised_record_leaves_no_one_in_its_circle(p: Personas) -> None:
    from ungeforlob import policy

    youth = ended_course(p, ended=ENDED)
    assert policy.visible_youth(p.contact_person).filter(pk=youth.pk).exists()
    _run(p, datetime.date(2025, 3, 15))
    assert not policy.visible_youth(p.contact_person).filter(pk=youth.pk).exists()


def test_a_young_person_in_an_open_course_is_never_due(p: Personas) -> None:
    assert p.youth.courses.filter(end_date__isnull=True).exists()
    _run(p, datetime.date(2090, 1, 1))
    p.youth.refresh_from_db()
    assert p.youth.first_name == "Josefine"


def test_deleting_the_record_deletes_the_young_person_and_their_referral(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    Referral.objects.create(municipality=p.municipality, submitted_by=p.colleague, first_name="Sofie",
                            last_name="Lauridsen", birth_date=youth.birth_date, problem="markør",
                            youth_accepted=True, accepted_asked_by="Jonas", accepted_on=ENDED, youth=youth)
    _set(p, "record", disposal=Disposal.DELETE)
    _run(p, datetime.date(2025, 3, 15))
    assert not Youth.objects.filter(pk=youth.pk).exists()
    assert not Referral.objects.filter(first_name="Sofie").exists()
    assert AuditEvent.objects.filter(youth_pseudonym=services.pseudonym(youth.pk)).count() >= 2
    assert _run(p, datetime.date(2025, 3, 16)).total == 0


def test_archive_blocks_deletion_until_the_administrator_marks_it_transferred(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    _set(p, "journal_notes", disposal=Disposal.ARCHIVE, archive_note="Stadsarkivets bestemmelse 2019")
    run = _run(p, datetime.date(2025, 3, 15))
    assert run.counts["journal_notes"]["awaiting_archive"] == 1
    assert JournalNote.objects.filter(youth=youth).exists()
    # The record's anonymisation does not touch notes waiting for the archive: it empties no journal note.
    assert JournalNote.objects.get(youth=youth).text.startswith("Sofie")
    assert services.archive_mark_transferred(actor=p.administrator, municipality=p.municipality,
                                             kind="journal_notes", now=at(datetime.date(2025, 3, 16))) == 1
    run = _run(p, datetime.date(2025, 3, 16))
    assert run.counts["journal_notes"]["rows"] == 1
    assert not JournalNote.objects.filter(youth=youth).exists()


def test_only_not_kept_self_evaluations_go_after_the_hour_to_print_them(p: Personas) -> None:
    from ungeforlob.progression.services import (
        self_evaluation_answer,
        self_evaluation_finish,
        self_evaluation_start,
    )

    round = self_evaluation_start(youth=p.youth, by_youth=True)
    self_evaluation_answer(round=round, answers={"mot1": 4}, goals={}, by_youth=True)
    self_evaluation_finish(round=round, keep=False, by_youth=True)
    finished = SelfEvaluationRound.objects.get(pk=round.pk).finished_at
    assert services.retention_purge_unkept(now=finished + datetime.timedelta(minutes=59)) == 0
    assert not RetentionRun.objects.exists()
    assert services.retention_purge_unkept(now=finished + datetime.timedelta(minutes=61)) == 1
    assert not SelfEvaluationRound.objects.filter(pk=round.pk).exists()
    run = RetentionRun.objects.get()
    assert run.automatic and run.counts == {"self_evaluations_unkept": {"youth": 1, "rows": 1, "disposal": "slet"}}
    assert Youth.objects.filter(pk=p.youth.pk, first_name="Josefine").exists()


def test_the_worker_runs_only_for_municipalities_that_turned_automatic_runs_on(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    assert services.retention_run_automatic(now=at(datetime.date(2025, 3, 15))) == 0
    assert JournalNote.objects.filter(youth=youth).exists()
    services.retention_setup_set(actor=p.administrator, municipality=p.municipality, automatic=True)
    assert services.retention_run_automatic(now=at(datetime.date(2025, 3, 15))) == 1
    assert not JournalNote.objects.filter(youth=youth).exists()
    assert RetentionRun.objects.get().automatic and RetentionSetup.objects.get().automatic


def test_a_rule_changed_meanwhile_is_not_overwritten(p: Personas) -> None:
    _set(p, "sms", keep_for=2)
    with pytest.raises(ValidationError, match="En anden har ændret reglen"):
        services.retention_rule_save(actor=p.administrator, municipality=p.municipality, kind="sms", keep_for=3,
                                     unit="aar", disposal="slet", legal_basis="X", version=0)
    assert RetentionRule.objects.get(kind="sms").keep_for == 2


@pytest.mark.parametrize(("kind", "values", "field"), [
    ("audit_identity", {"disposal": "slet"}, "disposal"),
    ("self_evaluations_unkept", {"disposal": "anonymiser"}, "disposal"),
    ("record", {"disposal": "arkiv", "archive_note": ""}, "archive_note"),
    ("record", {"legal_basis": "  "}, "legal_basis"),
    ("record", {"keep_for": 101}, "keep_for"),
    ("record", {"unit": "uger"}, "unit"),
])
def test_a_rule_that_cannot_be_is_refused_with_a_danish_message(p: Personas, kind: str, values: dict, field: str
                                                                ) -> None:
    with pytest.raises(ValidationError) as caught:
        _set(p, kind, **values)
    assert field in caught.value.message_dict
    assert not RetentionRule.objects.exists()


def test_the_audit_log_refuses_every_other_change_of_a_row(p: Personas) -> None:
    youth = ended_course(p, ended=ENDED)
    row = AuditEvent.objects.filter(youth_id=youth.pk).first()
    for sql, params in [
        ("UPDATE audit_auditevent SET purpose = 'x' WHERE id = %s", [row.pk]),
        ("UPDATE audit_auditevent SET youth_pseudonym = 'u1', youth_id = NULL, purpose = 'x' WHERE id = %s",
         [row.pk]),
        ("UPDATE audit_auditevent SET youth_pseudonym = 'u1' WHERE id = %s", [row.pk]),  # id kept beside it
        ("DELETE FROM audit_auditevent WHERE id = %s", [row.pk]),
    ]:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    _run(p, datetime.date(2025, 3, 15))
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET youth_pseudonym = 'u2' WHERE id = %s", [row.pk])
    assert AuditEvent.objects.get(pk=row.pk).youth_pseudonym == services.pseudonym(youth.pk)


def test_rules_for_gives_every_kind_its_default_until_the_administrator_saves_one(p: Personas) -> None:
    rules = selectors.rules_for(p.municipality)
    assert [r.kind for r in rules][-1] == "record" and all(r.pk is None and r.legal_basis for r in rules)
    _set(p, "sms", keep_for=6, unit="maaneder")
    sms = selectors.rule_for(p.municipality, "sms")
    assert (sms.pk is not None, sms.keep_for, sms.unit, sms.version) == (True, 6, "maaneder", 1)
    assert selectors.rule_for(p.municipality, "sms").kind_def.label == "SMS-historik"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("day", "amount", "unit", "expected"), [
    (datetime.date(2025, 3, 15), 5, "aar", datetime.date(2020, 3, 15)),
    (datetime.date(2025, 2, 28), 1, "aar", datetime.date(2024, 2, 28)),
    (datetime.date(2025, 3, 31), 1, "maaneder", datetime.date(2025, 2, 28)),
    (datetime.date(2025, 1, 10), 3, "maaneder", datetime.date(2024, 10, 10)),
    (datetime.date(2025, 1, 10), 10, "dage", datetime.date(2024, 12, 31)),
])
def test_the_cutoff_counts_whole_days_months_and_years(day: datetime.date, amount: int, unit: str,
                                                        expected: datetime.date) -> None:
    assert selectors.cutoff(RetentionRule(keep_for=amount, unit=unit), day) == expected
