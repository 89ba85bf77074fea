"""Demo plans for about half of Demo Kommune's young people, written through the services.

Idempotent: a young person who already has a goal or a profile is left alone. Dates are spread back in
time afterwards so that progress lines and "since the last meeting" show movement.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.plans import services
from ungeforlob.plans.models import Evaluation, Goal, PlanChange, PlanMeeting, Profile
from ungeforlob.youth.models import Youth

# Each story: profile texts, then goals → (sub-goal, criterion, status, activities[(title, why, who, name,
# methods)]).
STORIES: list[dict[str, Any]] = [
    {
        "own_story": "Jeg gik ud af 9. klasse, fordi jeg ikke kunne holde til det. Nu vil jeg gerne i gang "
                     "igen, men jeg er bange for at fejle.",
        "description": "Har haft højt fravær i udskolingen. Stærk praktisk sans. Trives med faste rammer.",
        "challenges": "Ordblindhed. Svært ved at komme op om morgenen.",
        "potentials": "God med hænderne. Hjælpsom over for sine mindre søskende.",
        "needs": "Én fast voksen at ringe til. Hjælp med it-rygsæk.",
        "dreams": "At bygge mit eget hus en dag.",
        "learning": "Jeg lærer bedst, når jeg prøver det selv.",
        "motivation": {"motivation_mastery": "Bliver glad, når han kan se, at han har lært noget.",
                       "motivation_practice": "Skal kunne se, hvad det skal bruges til."},
        "goals": [
            ("Jeg vil være tømrer", [
                ("Besøge EUD-tømrer på erhvervsskolen", "Jeg har været der en hel dag", "naaet",
                 [("Brobygning på erhvervsskolen", "Så jeg kan se, om det er noget for mig", "organisation",
                   "Demo Handelsskole", ["kl_opdage"])]),
                ("Få 02 i dansk på FGU", "Jeg har bestået dansk-testen", "i_gang",
                 [("Dansk med it-rygsæk", "Så jeg kan læse opgaverne selv", "organisation", "FGU Demo",
                   ["mestring"])]),
            ]),
            ("Jeg vil kunne stå op selv", [
                ("Møde kl. 8 tre dage om ugen", "Jeg har mødt til tiden i fire uger", "i_gang",
                 [("Vække-sms kl. 7", "Så jeg kommer op, til jeg kan selv", "fagperson", "Mette Kjær",
                   ["mestring", "motivation"])]),
            ]),
        ],
    },
    {
        "own_story": "Jeg har haft det svært med angst. Jeg vil gerne have et arbejde, hvor der ikke er for "
                     "meget larm.",
        "description": "Angst, i behandling. Har gennemført 10. klasse. Vil gerne arbejde med dyr.",
        "challenges": "Angst i nye situationer og store grupper.",
        "potentials": "Pligtopfyldende og omhyggelig. God med dyr.",
        "needs": "Lange, rolige overgange. At vide hvem hun skal møde.",
        "dreams": "At arbejde i en dyrehandel eller på et internat.",
        "learning": "Jeg lærer bedst, når jeg ved, hvad der skal ske.",
        "motivation": {"motivation_relation": "Det betyder meget, at hun kender de voksne.",
                       "motivation_direction": "Er ved at finde ud af, hvad hun selv vil."},
        "goals": [
            ("Jeg vil arbejde med dyr", [
                ("Prøve praktik i en dyrehandel", "Jeg har været i praktik i to uger", "i_gang",
                 [("Virksomhedspraktik i Dyrenes Hus", "Så jeg kan mærke, om jeg kan holde til det",
                   "fagperson", "Jonas Friis", ["kl_opdage", "kl_fokusere"])]),
            ]),
            ("Jeg vil kunne tage bussen alene", [
                ("Tage bussen til praktikken", "Jeg har taget bussen alene fem gange", "ikke_startet",
                 [("Øve busturen med mentor", "Så jeg ved, hvad der skal ske", "fagperson", "Ahmad Rahimi",
                   ["mestring"])]),
            ]),
        ],
    },
    {
        "own_story": "Jeg har været hjemløs et halvt år. Først skal jeg have et sted at bo, så kan jeg tænke "
                     "på skole.",
        "description": "Sofasurfer. Afbrudt grundforløb på EUD. Ønsker selv hjælp.",
        "challenges": "Ingen fast bolig. Gæld.",
        "potentials": "Klog og hurtig til at lære. Har et godt netværk af venner.",
        "needs": "Bolig. Hjælp til at skabe overblik over økonomien.",
        "dreams": "At blive elektriker.",
        "learning": "Jeg lærer bedst sammen med andre.",
        "motivation": {"motivation_necessity": "Ved, at uddannelseshjælp kræver, at han er i gang.",
                       "motivation_direction": "Vil gerne vise, at han kan selv."},
        "goals": [
            ("Jeg vil have mit eget sted at bo", [
                ("Søge ungebolig", "Jeg står på ventelisten", "naaet",
                 [("Ansøgning med socialrådgiver", "Så jeg får et sted at bo", "fagperson", "Hanne Mortensen",
                   [])]),
            ]),
            ("Jeg vil være elektriker", [
                ("Tale med en studievejleder om at starte igen", "Jeg har haft samtalen", "ikke_startet",
                 [("Samtale på erhvervsskolen", "Så jeg ved, hvad der skal til", "organisation",
                   "Demo Handelsskole", ["kl_ordne", "kl_forstaa"])]),
            ]),
            ("Jeg vil have styr på min økonomi", [
                ("Lave et budget", "Jeg har et budget, jeg kan følge", "i_gang",
                 [("Gældsrådgivning", "Så jeg ved, hvad jeg skylder", "organisation", "Foreningen Gadeplan",
                   ["mestring"])]),
            ]),
        ],
    },
    {
        "own_story": "Jeg er god til at sælge, og jeg kan godt lide at snakke med folk.",
        "description": "Gennemført HF. Har arbejdet i supermarked. Usikker på retning.",
        "challenges": "Har svært ved at vælge og holde fast i et valg.",
        "potentials": "Udadvendt og god til service.",
        "needs": "Hjælp til at sortere i mulighederne.",
        "dreams": "At have min egen butik.",
        "learning": "Jeg lærer bedst, når jeg får ansvar.",
        "motivation": {"motivation_direction": "Skal selv træffe valget.",
                       "motivation_mastery": "Vil gerne have feedback på, hvordan det går."},
        "goals": [
            ("Jeg vil starte på handelsuddannelsen", [
                ("Vælge mellem detail og event", "Jeg har valgt og søgt", "i_gang",
                 [("Snuse til to praktiksteder", "Så jeg kan mærke forskellen", "ung", "",
                   ["kl_opdage", "kl_ordne", "kl_fokusere"])]),
            ]),
        ],
    },
]

EVALUATION_TEXTS = [
    ("Jeg kom af sted hver gang.", "Det var svært at tale med de nye.", "Fortsætte som nu."),
    ("Jeg fik ringet selv.", "Jeg blev nervøs i telefonen.", "Øve samtalen med min kontaktperson."),
    ("Det gik bedre end jeg troede.", "Morgenerne er stadig hårde.", "Vække-sms en uge mere."),
    ("Jeg har fået styr på papirerne.", "Ventetiden.", "Ringe til dem igen om to uger."),
]


def _contact(youth: Youth) -> Any:
    membership = (Membership.objects.active().filter(youth=youth, role=ChainRole.CONTACT_PERSON,
                                                     professional__isnull=False)
                  .select_related("professional").first())
    return membership.professional if membership else None


@transaction.atomic
def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> int:
    """Give every other young person a plan. Returns how many plans were made."""
    made = 0
    youths = list(Youth.objects.filter(municipality=municipality).order_by("pk"))
    has_plan = set(Goal.objects.filter(youth__in=youths).values_list("youth_id", flat=True)) | set(
        Profile.objects.filter(youth__in=youths).values_list("youth_id", flat=True))
    now = timezone.now()
    for i, youth in enumerate(youths):
        if i % 2 or youth.pk in has_plan:
            continue
        actor = _contact(youth)
        if actor is None:
            continue
        rng = random.Random(7000 + i)  # noqa: S311 - repeatable demo data, not security
        story = STORIES[(i // 2) % len(STORIES)]
        services.profile_update(
            youth=youth, actor=actor, version=1, own_story=story["own_story"], own_story_written_by="ung",
            professional_description=story["description"], challenges=story["challenges"],
            potentials=story["potentials"], needs=story["needs"], dreams=story["dreams"],
            learning_preferences=story["learning"], **story["motivation"])
        subgoals = []
        for text, subs in story["goals"]:
            goal = services.goal_create(youth=youth, actor=actor, text=text,
                                        written_by=rng.choice(["ung", "sammen"]))
            for sg_text, criterion, status, activities in subs:
                sg = services.subgoal_create(
                    youth=youth, goal=goal, actor=actor, text=sg_text, success_criterion=criterion, status=status,
                    target_date=timezone.localdate() + datetime.timedelta(days=rng.randint(14, 120)))
                subgoals.append(sg)
                for title, why, who, name, methods in activities:
                    services.activity_create(
                        youth=youth, subgoal=sg, actor=actor, title=title, reason=why, responsible=who,
                        responsible_name=name, methods=methods,
                        status="i_gang" if status == "i_gang" else ("gennemfoert" if status == "naaet" else "planlagt"),
                        start_date=timezone.localdate() - datetime.timedelta(days=rng.randint(0, 40)))
        # A first plan meeting some weeks ago, with the youth and few participants.
        services.meeting_create(youth=youth, actor=actor, held_on=timezone.localdate() - datetime.timedelta(days=42),
                                participants=[actor], youth_present=True,
                                agreed="Vi skrev målene sammen. Næste møde om seks uger.")
        PlanChange.objects.filter(youth=youth).update(created_at=now - datetime.timedelta(days=43))
        PlanMeeting.objects.filter(youth=youth).update(created_at=now - datetime.timedelta(days=42))
        # Evaluations every other week, the youth and the contact person taking turns; closeness moves
        # mostly forwards, with a step back now and then (progress is not linear).
        for sg in subgoals:
            level = rng.randint(1, 2)
            rounds = rng.randint(1, 4)
            for r in range(rounds):
                went, hard, nxt = EVALUATION_TEXTS[(i + r) % len(EVALUATION_TEXTS)]
                by_youth = r % 2 == 0
                e = services.evaluation_create(
                    youth=youth, actor=None if by_youth else actor, by_youth=by_youth, subgoal=sg,
                    closeness=level, went_well=went, was_hard=hard, next_step=nxt)
                Evaluation.objects.filter(pk=e.pk).update(
                    created_at=now - datetime.timedelta(days=14 * (rounds - r)))
                level = max(1, min(5, level + rng.choice([1, 1, 0, -1])))
        if i % 4 == 0 and subgoals:
            # One change since the meeting, so "what changed since last meeting" has something to show.
            sg = subgoals[0]
            services.subgoal_update(youth=youth, subgoal=sg, actor=actor, version=sg.version, text=sg.text,
                                    success_criterion=sg.success_criterion, target_date=sg.target_date,
                                    status="naaet" if sg.status != "naaet" else "i_gang",
                                    change_reason="Aftalt i telefonen")
        services.note_create(youth=youth, actor=actor,
                             text="Vi talte om planen. Den unge fortalte selv om målene og valgte det første skridt.")
        made += 1
    return made
