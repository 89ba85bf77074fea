"""Staff and municipality: organisations, people, teams, indicator set, procedure, and their own rows."""

# ruff: noqa: S311, S608 - seeded synthetic data (not secrets); SQL names come from model metadata, values are bound

from __future__ import annotations

import datetime
import math
import random
import uuid
from typing import Any

from ungeforlob.accounts.models import Municipality, Organisation, Role, Team, User
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole, Referral
from ungeforlob.notifications.models import StaffNotification
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.progression.models import Indicator, IndicatorSet, IndicatorSource, ProgressionSettings
from ungeforlob.scale.generate.shapes import (
    CODE_PREFIX,
    COLLEAGUES,
    FIRST_NAMES,
    KNOWN_CONTACT_PERSON,
    KNOWN_LEADER,
    LAST_NAMES,
    LEVELS,
    ORGANISATIONS,
    STEPS,
    Muni,
    Person,
    _aware,
)
from ungeforlob.transitions.models import Procedure, ProcedureStep


class StaffRows:
    """Mixed into `Generator`: uses its writer `w`, `seed`, `today`, `now` and the password hashes."""

    # --- staff and municipality ---------------------------------------------------------------------------

    def user(self, m: Muni, username: str, first: str, last: str, org: tuple[int, str, str], profession: str,
             role: str = Role.PROFESSIONAL, leader: int | None = None, password: str | None = None) -> Person:
        joined = _aware(self.today - datetime.timedelta(days=1500), random.Random(username))
        pk = self.w.add(
            User, username=username, password=password or self.unusable, first_name=first, last_name=last,
            email=f"{username}@example.dk", is_staff=False, is_active=True, is_superuser=False,
            date_joined=joined, last_login=None, municipality_id=m.id, organisation_id=org[0],
            profession=profession, role=role, phone="", leader_id=leader,
        )
        return Person(pk, f"{first} {last}", org[1], org[0], org[2], profession)

    def municipality(self, index: int, size: int) -> Muni:
        rng = random.Random(f"{self.seed}:m:{index}")
        code = f"{CODE_PREFIX}{index:03d}"
        mid = self.w.add(Municipality, name=f"Skalakommune {index:03d}", code=code,
                         show_staff_names_to_youth=index % 3 == 0, created_at=self.now)
        m = Muni(mid, index, size)
        for name, sector in ORGANISATIONS:
            oid = self.w.add(Organisation, municipality_id=mid, name=name, sector=sector, is_active=True,
                             created_at=self.now, updated_at=self.now)
            m.organisations.append((oid, name, sector))
        uu = m.organisations[0]
        # Contact persons: 12–25 young people each (the known one has 18).
        groups: list[int] = []
        left = size
        while left > 0:
            n = 18 if (index == 1 and not groups) else rng.randint(12, 25)
            groups.append(min(n, left))
            left -= n
        m.groups = groups
        n_leaders = max(1, len(groups) // 10)
        for i in range(n_leaders):
            known = index == 1 and i == 0
            m.leaders.append(self.user(
                m, KNOWN_LEADER if known else f"{code}-leder-{i + 1:03d}", rng.choice(FIRST_NAMES),
                rng.choice(LAST_NAMES), uu, "Leder", Role.LEADER, password=self.demo_hash if known else None))
        for i, _n in enumerate(groups):
            known = index == 1 and i == 0
            kp = self.user(m, KNOWN_CONTACT_PERSON if known else f"{code}-kp-{i + 1:04d}", rng.choice(FIRST_NAMES),
                           rng.choice(LAST_NAMES), uu, "Kontaktperson+", leader=m.leaders[i % n_leaders].id,
                           password=self.demo_hash if known else None)
            m.contact_persons.append(kp)
        for i in range(max(len(COLLEAGUES), size // 20)):
            profession, org_index, role = COLLEAGUES[i % len(COLLEAGUES)]
            person = self.user(m, f"{code}-fag-{i + 1:04d}", rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES),
                               m.organisations[org_index], profession)
            person.role_in_circle = role
            m.colleagues.append(person)
        self.user(m, f"{code}-admin", "Anne", "Admin", uu, "Administrator", Role.ADMINISTRATOR)
        # Teams of about eight contact persons, with a UU counsellor in each.
        for t in range(math.ceil(len(m.contact_persons) / 8)):
            tid = self.w.add(Team, municipality_id=mid, organisation_id=uu[0], name=f"Ungeteam {t + 1}")
            m.teams.append(tid)
            members = m.contact_persons[t * 8:(t + 1) * 8]
            for kp in members:
                self.w.add(Team.members.through, team_id=tid, user_id=kp.id)
                m.team_of_kp[kp.id] = tid
            counsellors = [c for c in m.colleagues if c.role_in_circle == ChainRole.UU_COUNSELLOR]
            if counsellors:
                self.w.add(Team.members.through, team_id=tid, user_id=counsellors[t % len(counsellors)].id)
        # Progression: settings and an indicator set (five levels, four indicators each).
        self.w.add(ProgressionSettings, municipality_id=mid, reassessment_months=3, first_assessment_days=30,
                   due_soon_days=14, updated_at=self.now, updated_by_id=None)
        m.indicator_set = self.w.add(IndicatorSet, municipality_id=mid, version=1, change_note="",
                                     created_at=self.now, created_by_id=None)
        for li, level in enumerate(LEVELS):
            m.indicators[level] = [
                self.w.add(Indicator, indicator_set_id=m.indicator_set, lineage=uuid.UUID(int=rng.getrandbits(128)),
                           level=level, text=f"Indikator {k + 1} for {level}", source=IndicatorSource.SOURCE,
                           position=li * 4 + k)
                for k in range(4)
            ]
        # The follow-up procedure every transition uses.
        m.procedure = self.w.add(Procedure, municipality_id=mid, name="Den gode uddannelsesstart",
                                 description="Opfølgning før, på og efter startdagen.", is_active=True,
                                 is_default=True, created_at=self.now, updated_at=self.now)
        for pos, step in enumerate(STEPS):
            sid = self.w.add(ProcedureStep, procedure_id=m.procedure, title=step.title, kind=step.kind,
                             offset_days=step.offset, working_days=step.working_days,
                             at_time=datetime.time(9, 0), responsible_role=ChainRole.CONTACT_PERSON,
                             description="", sms_template=step.sms, repeat_every_days=step.every,
                             repeat_until_days=step.until, position=pos)
            m.steps.append((sid, step))
        self.staff_rows(m, rng)
        return m

    def staff_rows(self, m: Muni, rng: random.Random) -> None:
        """Referrals, service feedback, notifications and login audit rows: per municipality and per member."""
        for i in range(max(1, m.size // 40)):
            partner = m.colleagues[i % len(m.colleagues)]
            born = self.today - datetime.timedelta(days=rng.randint(16 * 365, 24 * 365))
            pending = i % 3 != 0
            self.w.add(Referral, municipality_id=m.id, submitted_by_id=partner.id,
                       submitted_at=_aware(self.today - datetime.timedelta(days=rng.randint(0, 60)), rng),
                       organisation_name=partner.organisation, idempotency_key=uuid.UUID(int=rng.getrandbits(128)),
                       first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES), cpr_encrypted="",
                       cpr_hash="", birth_date=born, mobile="", email="", how_to_reach="Via skolen",
                       problem="Har ikke været i skole i en måned.", youth_accepted=True,
                       accepted_asked_by=partner.name, accepted_on=self.today - datetime.timedelta(days=3),
                       status="afventer" if pending else "afvist",
                       decided_at=None if pending else self.now, decided_by_id=None,
                       decline_reason="" if pending else "Allerede kendt af Ungeindsatsen", youth_id=None)
        for _ in range(max(1, m.size // 8)):
            self.w.add(ServiceFeedback, municipality_id=m.id, heard=rng.randint(2, 5), useful=rng.randint(1, 5),
                       comment="", created_at=_aware(self.today - datetime.timedelta(days=rng.randint(0, 365)), rng))
        for person in [*m.contact_persons, *m.colleagues, *m.leaders]:
            for k in range(15):
                day = self.today - datetime.timedelta(days=rng.randint(0, 200))
                self.w.add(StaffNotification, recipient_id=person.id, kind="concern", url="/bekymringer/",
                           text="En bekymring venter på dig", created_at=_aware(day, rng),
                           read_at=None if k < 2 else _aware(day, rng, 16, 20))
            for _ in range(120):  # logins over the last year
                day = self.today - datetime.timedelta(days=rng.randint(0, 365))
                self.audit(m.id, person, AuditAction.LOGIN, None, "user", str(person.id), _aware(day, rng, 7, 10))

    def audit(self, mid: int, actor: Person | None, action: str, youth_id: int | None, object_type: str,
              object_id: str, at: datetime.datetime, detail: dict[str, Any] | None = None) -> None:
        self.w.add(AuditEvent, created_at=at, municipality_id=mid, actor_id=actor.id if actor else None,
                   actor_name=actor.name if actor else "", actor_organisation=actor.organisation if actor else "",
                   actor_role=actor.profession if actor else "", actor_youth_id=None, action=action,
                   youth_id=youth_id, object_type=object_type, object_id=object_id, purpose="",
                   detail=detail or {}, ip_address="10.0.0.1")
