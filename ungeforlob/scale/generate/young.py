"""One young person: the person, courses and circle, Min plan, and progression."""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Callable

from ungeforlob.accounts.models import Sector
from ungeforlob.audit.models import AuditAction
from ungeforlob.chain.models import (
    ChainRole,
    Consent,
    ContactWish,
    Handover,
    HandoverStatus,
    LegalBasis,
    Membership,
)
from ungeforlob.plans.models import (
    Activity,
    ActivityStatus,
    Evaluation,
    Goal,
    HiddenReason,
    JournalNote,
    PlanChange,
    PlanMeeting,
    PlanShare,
    Profile,
    Responsible,
    SubGoal,
    SubGoalStatus,
    WrittenBy,
)
from ungeforlob.progression.models import (
    Assessment,
    AssessmentVersion,
    ObservedIndicator,
    RoundStatus,
    SelfEvaluationAnswer,
    SelfEvaluationGoal,
    SelfEvaluationRound,
    YouthPlacement,
)
from ungeforlob.progression.questionnaire import QUESTIONNAIRE_VERSION, STATEMENTS, Dimension
from ungeforlob.scale.generate.shapes import (
    ACTIVITIES,
    AUDIT_OBJECTS,
    FIRST_NAMES,
    GOALS,
    LAST_NAMES,
    LEVELS,
    NOTES,
    SUBGOALS,
    Muni,
    Person,
    _aware,
)
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, CourseEndReason, Guardian, Youth


class YoungPeople:
    """Mixed into `Generator`: the young person's own rows; `path`, `sms`, `chain_events` and `audit` come
    from the other mixins."""

    # --- one young person ---------------------------------------------------------------------------------

    def young_person(self, m: Muni, kp: Person, rng: random.Random, cprs: set[str], serial: int) -> None:
        w, today = self.w, self.today
        tenure = int(rng.triangular(0, 1100, 150))
        start = today - datetime.timedelta(days=tenure)
        age = int(rng.triangular(15, 30, 18))
        born = today - datetime.timedelta(days=age * 365 + rng.randint(30, 330))
        while True:
            century = "4" if born.year >= 2000 else str(rng.randint(0, 3))
            digits = f"{born:%d%m%y}{century}{rng.randint(0, 999):03d}"
            if digits not in cprs:
                cprs.add(digits)
                break
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        mobile = "" if rng.random() < 0.05 else f"+45{rng.randint(20, 31)}{serial % 1_000_000:06d}"
        created = _aware(start, rng)
        yid = w.add(Youth, municipality_id=m.id, first_name=first, last_name=last, preferred_name="",
                    cpr_encrypted=cpr.encrypt(digits), cpr_hash=cpr.lookup_hash(digits), birth_date=born,
                    mobile=mobile, email="", language="en" if rng.random() < 0.05 else "da",
                    created_at=created, updated_at=created, created_by_id=kp.id)
        circle: list[Person] = [kp]

        # Courses: the open one, and for some an earlier ended one.
        w.add(Course, youth_id=yid, start_date=start, end_date=None, end_reason="", created_at=created,
              created_by_id=kp.id)
        if rng.random() < 0.15:
            prev_start = start - datetime.timedelta(days=rng.randint(200, 700))
            prev_end = start - datetime.timedelta(days=rng.randint(1, 100))
            w.add(Course, youth_id=yid, start_date=prev_start, end_date=prev_end,
                  end_reason=rng.choice(CourseEndReason.values), created_at=_aware(prev_start, rng),
                  created_by_id=kp.id)
        # Guardians: both parents under 18, sometimes one after.
        for k in range(2 if age < 18 else (1 if rng.random() < 0.15 else 0)):
            w.add(Guardian, youth_id=yid, name=f"{rng.choice(FIRST_NAMES)} {last}", relation=("mor", "far")[k],
                  phone="+4540000000", email="", has_custody=age < 18, created_at=created)

        # The circle: the contact person (sometimes after an earlier one), colleagues, a team.
        kp_from = start
        if tenure > 90 and rng.random() < 0.25 and len(m.contact_persons) > 1:
            earlier = rng.choice([p for p in m.contact_persons if p.id != kp.id])
            kp_from = start + datetime.timedelta(days=rng.randint(30, tenure - 1))
            w.add(Membership, youth_id=yid, professional_id=earlier.id, team_id=None, role=ChainRole.CONTACT_PERSON,
                  start_date=start, end_date=kp_from, note="", created_at=created, created_by_id=earlier.id,
                  consent_id=None, legal_basis="", legal_basis_note="", previous_id=None)
            w.add(Handover, youth_id=yid, sender_id=earlier.id, receiver_id=kp.id, role=ChainRole.CONTACT_PERSON,
                  what_works="Korte møder, gerne en gåtur.", watch_out="", agreements="", plan="",
                  consent_id=None, legal_basis="", status=HandoverStatus.ACCEPTED,
                  created_at=_aware(kp_from, rng), decided_at=_aware(kp_from, rng, 16, 18), decided_by_id=kp.id,
                  decline_reason="", is_reassignment=False)
        w.add(Membership, youth_id=yid, professional_id=kp.id, team_id=None, role=ChainRole.CONTACT_PERSON,
              start_date=kp_from, end_date=None, note="", created_at=_aware(kp_from, rng), created_by_id=kp.id,
              consent_id=None, legal_basis="", legal_basis_note="", previous_id=None)
        for colleague in rng.sample(m.colleagues, rng.choice([0, 1, 1, 2, 2, 3])):
            m_start = start + datetime.timedelta(days=rng.randint(0, tenure))
            m_end = None
            if tenure and rng.random() < 0.2 and m_start < today:
                m_end = m_start + datetime.timedelta(days=rng.randint(1, max(1, (today - m_start).days)))
            consent_id, basis, note = None, "", ""
            if colleague.sector != Sector.UU_KUI:
                if rng.random() < 0.6:
                    withdrawn = rng.random() < 0.05
                    consent_id = w.add(
                        Consent, youth_id=yid, purpose="Samarbejde om den unges plan",
                        receiving_organisation_id=colleague.organisation_id, scope="Plan, mål og aftaler",
                        expires_on=today + datetime.timedelta(days=rng.randint(30, 700)),
                        given_at=_aware(m_start, rng), recorded_by_id=kp.id,
                        withdrawn_at=_aware(today - datetime.timedelta(days=1), rng) if withdrawn else None,
                        withdrawn_by_youth=withdrawn, withdrawn_by_id=None)
                    if withdrawn:
                        m_end = max(m_start + datetime.timedelta(days=1), today - datetime.timedelta(days=1))
                else:
                    basis, note = rng.choice([LegalBasis.KUI, LegalBasis.RETSSIKKERHED_11C]), "Tværfagligt samarbejde"
            w.add(Membership, youth_id=yid, professional_id=colleague.id, team_id=None, role=colleague.role_in_circle,
                  start_date=m_start, end_date=m_end, note="", created_at=_aware(m_start, rng), created_by_id=kp.id,
                  consent_id=consent_id, legal_basis=basis, legal_basis_note=note, previous_id=None)
            if m_end is None or m_end > today:
                circle.append(colleague)
        if rng.random() < 0.10 and kp.id in m.team_of_kp:
            w.add(Membership, youth_id=yid, professional_id=None, team_id=m.team_of_kp[kp.id],
                  role=ChainRole.UU_COUNSELLOR, start_date=start, end_date=None, note="", created_at=created,
                  created_by_id=kp.id, consent_id=None, legal_basis="", legal_basis_note="", previous_id=None)
        if rng.random() < 0.10:
            w.add(ContactWish, youth_id=yid, wished_professional_id=kp.id, wish_text="Gerne en jeg kender",
                  recorded_at=created, recorded_by_id=kp.id)

        def when(lo: int = 0) -> datetime.date:
            return start + datetime.timedelta(days=rng.randint(min(lo, tenure), tenure))

        self.plan(yid, kp, rng, when, tenure, start)
        self.progression(m, yid, kp, circle, rng, tenure, start)
        self.path(m, yid, kp, rng, tenure, start, first)
        self.sms(yid, kp, rng, tenure, start, mobile, first)
        self.chain_events(m, yid, kp, circle, rng, tenure, start, age, when)
        # Audit: what all that reading and writing logged (about 0.3 rows a day in the course).
        audit_rows = max(3, int(tenure * rng.uniform(0.2, 0.4)))
        self.audit(m.id, kp, AuditAction.CREATE, yid, "youth", str(yid), created)
        for _ in range(audit_rows):
            actor = kp if rng.random() < 0.7 else rng.choice(circle)
            r = rng.random()
            if r < 0.55:
                action, obj = AuditAction.LIST, "youth"
            elif r < 0.88:
                action, obj = AuditAction.READ, rng.choice(AUDIT_OBJECTS)
            elif r < 0.94:
                action, obj = AuditAction.UPDATE, rng.choice(AUDIT_OBJECTS[1:])
            elif r < 0.98:
                action, obj = AuditAction.CREATE, rng.choice(AUDIT_OBJECTS[1:])
            elif r < 0.99:
                action, obj = AuditAction.SEARCH, "notes"
            elif r < 0.995:
                action, obj = AuditAction.EXPORT, "plan"
            else:
                action, obj = AuditAction.REVEAL, "youth"
            self.audit(m.id, actor, action, yid, obj, str(yid), _aware(when(), rng, 7, 19))

    def plan(self, yid: int, kp: Person, rng: random.Random, when: Callable[..., datetime.date], tenure: int,
             start: datetime.date) -> None:
        w = self.w
        changes: list[tuple[str, int | None, str, str, datetime.date]] = []
        if rng.random() < 0.9:
            day = when()
            pid = w.add(Profile, youth_id=yid, own_story="Jeg er glad for at spille fodbold og være sammen med venner.",
                        own_story_written_by=WrittenBy.YOUTH, professional_description="Stille, men vil gerne.",
                        challenges="Søvn og fravær", potentials="God med hænderne", needs="Struktur",
                        dreams="At blive tømrer", learning_preferences="Praktisk", motivation_practice="Vil se det virke",
                        version=2, updated_at=_aware(day, rng))
            changes.append(("profile", pid, "Ungeprofil", "update", day))
        for position in range(1, rng.choice([1, 2, 2, 3, 3]) + 1):
            day = when()
            gid = w.add(Goal, youth_id=yid, position=position, text=rng.choice(GOALS),
                        written_by=rng.choice(WrittenBy.values), version=1, created_at=_aware(day, rng),
                        updated_at=_aware(day, rng))
            changes.append(("goal", gid, "Mål", "create", day))
            for _ in range(rng.randint(1, 3)):
                sday = when((day - start).days)
                status = rng.choice(SubGoalStatus.values)
                sid = w.add(SubGoal, goal_id=gid, text=rng.choice(SUBGOALS),
                            target_date=sday + datetime.timedelta(days=rng.randint(14, 120)), status=status,
                            success_criterion="Når jeg har gjort det tre gange", version=1,
                            created_at=_aware(sday, rng), updated_at=_aware(sday, rng))
                changes.append(("subgoal", sid, "Delmål", "create", sday))
                for _ in range(rng.randint(0, 3)):
                    title, when_text = rng.choice(ACTIVITIES)
                    aday = when((sday - start).days)
                    aid = w.add(Activity, subgoal_id=sid, offer_id=None, title=title, reason="Giver struktur",
                                responsible=rng.choice(Responsible.values), responsible_name="",
                                start_date=aday, end_date=aday + datetime.timedelta(days=rng.randint(7, 90)),
                                when_text=when_text, place="", status=rng.choice(ActivityStatus.values),
                                methods=["motivation"], version=1, created_at=_aware(aday, rng),
                                updated_at=_aware(aday, rng))
                    changes.append(("activity", aid, title, "create", aday))
                if rng.random() < 0.5:
                    w.add(Evaluation, youth_id=yid, goal_id=None, subgoal_id=sid, went_well="At komme afsted",
                          was_hard="At stå op", next_step="Fortsætte", closeness=rng.randint(1, 5),
                          by_youth=rng.random() < 0.4, author_id=kp.id, author_name=kp.name,
                          created_at=_aware(when((sday - start).days), rng))
            for _ in range(rng.randint(0, 2)):
                w.add(Evaluation, youth_id=yid, goal_id=gid, subgoal_id=None, went_well="Mere overskud", was_hard="",
                      next_step="", closeness=rng.randint(1, 5), by_youth=rng.random() < 0.5, author_id=kp.id,
                      author_name=kp.name, created_at=_aware(when((day - start).days), rng))
        meetings = []
        for _ in range(rng.randint(0, min(4, 1 + tenure // 120))):
            day = when()
            mid = w.add(PlanMeeting, youth_id=yid, held_on=day, other_participants="", youth_present=True,
                        agreed="Vi aftalte næste skridt.", is_open=False, created_by_id=kp.id,
                        created_at=_aware(day, rng))
            w.add(PlanMeeting.participants.through, planmeeting_id=mid, user_id=kp.id)
            meetings.append((mid, day))
        for object_type, object_id, label, action, day in changes:
            for k in range(1 if rng.random() < 0.7 else rng.randint(2, 4)):
                w.add(PlanChange, youth_id=yid, created_at=_aware(day + datetime.timedelta(days=k * 14), rng),
                      actor_id=kp.id, actor_name=kp.name, by_youth=False, object_type=object_type,
                      object_id=object_id, object_label=label, action=action if k == 0 else "update",
                      changes={"Tekst": {"old": "", "new": label}}, reason="",
                      meeting_id=meetings[0][0] if meetings and rng.random() < 0.2 else None)
        for _ in range(max(1, min(40, tenure // 30 + rng.randint(-2, 3)))):
            hidden = rng.random() < 0.08
            day = when()
            w.add(JournalNote, youth_id=yid, text=rng.choice(NOTES), author_id=kp.id, author_name=kp.name,
                  created_at=_aware(day, rng), visible_to_youth=not hidden,
                  hidden_reason=HiddenReason.INTERNAL if hidden else "",
                  hidden_explanation="Arbejdsnotat" if hidden else "", hidden_by_name=kp.name if hidden else "",
                  hidden_at=_aware(day, rng) if hidden else None)
        if rng.random() < 0.05:
            w.add(PlanShare, youth_id=yid, recipient_name="Studievejleder", recipient_organisation="Erhvervsskolen",
                  purpose="Optagelse", parts=["maal"], consent="mundtligt", shared_by_id=kp.id,
                  shared_by_name=kp.name, created_at=_aware(when(), rng))

    def progression(self, m: Muni, yid: int, kp: Person, circle: list[Person], rng: random.Random, tenure: int,
                    start: datetime.date) -> None:
        w = self.w
        level = rng.randint(0, 2)
        day = start + datetime.timedelta(days=30)
        while day <= self.today:
            aid = w.add(Assessment, youth_id=yid, created_at=_aware(day, rng), created_by_id=kp.id,
                        submission_key=uuid.UUID(int=rng.getrandbits(128)))
            corrected = rng.random() < 0.1
            overlap = LEVELS[level + 1] if level < 4 and rng.random() < 0.3 else ""
            for version in (1, 2) if corrected else (1,):
                vid = w.add(AssessmentVersion, assessment_id=aid, version=version,
                            is_current=version == (2 if corrected else 1), assessed_on=day, level=LEVELS[level],
                            overlap_level=overlap, indicator_set_id=m.indicator_set,
                            rationale="Den unge møder stabilt op og tager selv kontakt.",
                            youth_took_part=rng.random() < 0.6, other_participants="",
                            correction_reason="Forkert niveau valgt" if version == 2 else "",
                            created_at=_aware(day, rng), created_by_id=kp.id)
                for indicator in rng.sample(m.indicators[LEVELS[level]], rng.randint(2, 4)):
                    w.add(ObservedIndicator, version_id=vid, indicator_id=indicator, evidence="Set i praksis")
                for person in {p.id: p for p in circle[:2]}.values():
                    w.add(AssessmentVersion.participants.through, assessmentversion_id=vid, user_id=person.id)
            if rng.random() < 0.4:
                w.add(YouthPlacement, youth_id=yid, placed_on=day, level=LEVELS[min(4, level + rng.randint(0, 1))],
                      own_words="Jeg synes det går fremad", assessment_id=aid, by_youth=True, recorded_by_id=None,
                      created_at=_aware(day, rng))
            if level < 4 and rng.random() < 0.4:
                level += 1
            day += datetime.timedelta(days=rng.randint(80, 100))
        if tenure > 20 and rng.random() < 0.35:
            day = start + datetime.timedelta(days=rng.randint(10, tenure))
            rid = w.add(SelfEvaluationRound, youth_id=yid, questionnaire_version=QUESTIONNAIRE_VERSION,
                        status=RoundStatus.KEPT, by_youth=rng.random() < 0.5, started_at=_aware(day, rng),
                        started_by_id=kp.id, finished_at=_aware(day, rng, 16, 18), follow_up_note="",
                        follow_up_at=None, follow_up_by_id=None)
            for statement in STATEMENTS:
                w.add(SelfEvaluationAnswer, round_id=rid, statement=statement.key,
                      value=None if rng.random() < 0.05 else rng.randint(1, 5))
            for dimension in rng.sample(list(Dimension.values), rng.randint(1, 2)):
                w.add(SelfEvaluationGoal, round_id=rid, dimension=dimension, text="Komme til tiden")
