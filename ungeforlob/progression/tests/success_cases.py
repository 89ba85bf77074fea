"""Every progression URL works for its rightful user: the contact person on the youth's pages and their
reassessments, the administrator on the indicator set and the rhythm (see ungeforlob/tests/test_policy_coverage.py)."""

from ungeforlob.chain.models import ChainRole
from ungeforlob.progression import selectors, services
from ungeforlob.progression.models import (
    Assessment,
    EducationReadinessAssessment,
    IndicatorSet,
    ProfessionalReading,
    ProgressionSettings,
    SelfEvaluationAnswer,
    SelfEvaluationRound,
    YouthPlacement,
)
from ungeforlob.progression.questionnaire import statements_for
from ungeforlob.progression.tests.factories import answered_round, assess, days_ago
from ungeforlob.testing import Personas, add_member, make_youth
from ungeforlob.testing_cases import SuccessCase as C


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    a = assess(p.youth, p.contact_person, level="valgparat", on=days_ago(200)).pk  # a reassessment is due
    # The self-evaluation cases use a young person of their own: Min side's cases start and finish rounds of
    # p.youth while they are set up. The reader is in her circle too, to be refused her writes.
    sofie = make_youth(p.contact_person, first_name="Sofie", last_name="Holm", mobile="+4520998877")
    add_member(sofie, p.reader, ChainRole.TEACHER)
    kept = answered_round(sofie, p.contact_person, keep=True).pk
    unkept = answered_round(sofie, p.contact_person, keep=False).pk
    progress = SelfEvaluationRound.objects.create(youth=sofie, started_by=p.contact_person)
    first, second = statements_for("motivation")[:2]
    SelfEvaluationAnswer.objects.create(round=progress, statement=first.key, value=3)
    indicator_set = services.indicator_set_current(municipality=p.municipality)
    indicator = indicator_set.indicators.first()
    cp = str(p.contact_person.pk)
    base = f"/unge/{sofie.pk}/selvevaluering"
    admin = "administrator"
    assessment = {"assessed_on": days_ago(1).isoformat(), "level": "vejledningsparat", "participants": [cp],
                  "rationale": "Teamet så, at hun selv ringede til skolen."}

    def versions() -> int:
        return IndicatorSet.objects.filter(municipality=p.municipality).count()

    return [
        C("progression:overview", f"/unge/{y}/progression/", contains="Valgparat"),
        C("progression:assessment_create", f"/unge/{y}/progression/ny/"),
        C("progression:assessment_create", f"/unge/{y}/progression/ny/", "post",
          {**assessment, "indicator_set_version": str(indicator_set.version)},
          effect=lambda r: Assessment.objects.filter(youth_id=y).count() == 2),
        C("progression:assessment_detail", f"/unge/{y}/progression/vurderinger/{a}/", contains="Valgparat"),
        C("progression:assessment_correct", f"/unge/{y}/progression/vurderinger/{a}/ret/"),
        C("progression:assessment_correct", f"/unge/{y}/progression/vurderinger/{a}/ret/", "post",
          {**assessment, "reason": "Niveauet var sat for højt", "based_on_version": "1"},
          effect=lambda r: Assessment.objects.get(pk=a).versions.filter(version=2, level="vejledningsparat").exists()),
        C("progression:placement_create", f"/unge/{y}/progression/egen-placering/"),
        C("progression:placement_create", f"/unge/{y}/progression/egen-placering/", "post",
          {"placed_on": days_ago(0).isoformat(), "level": "erhvervsparat", "own_words": "Jeg er klar"},
          effect=lambda r: YouthPlacement.objects.filter(youth_id=y, own_words="Jeg er klar").exists()),
        C("progression:upv_create", f"/unge/{y}/progression/upv/", contains="bekendtgørelsen om uddannelsesparathedsvurdering"),
        C("progression:upv_create", f"/unge/{y}/progression/upv/", "post",
          {"assessed_on": days_ago(3).isoformat(), "result": "ikke_parat", "assessed_by": "Demo Skole, UU-vejleder"},
          effect=lambda r: EducationReadinessAssessment.objects.filter(youth_id=y, result="ikke_parat").exists()),
        C("progression:journey", f"/unge/{y}/progression/her-er-du-paa-vej/"),
        C("progression:selfeval_overview", f"{base}/"),
        # With a round in progress, "start" continues it, and the round that was not to be kept goes now.
        C("progression:selfeval_start", f"{base}/start/", "post",
          effect=lambda r: r.url.endswith(f"/{progress.pk}/svar/motivation/")
          and not SelfEvaluationRound.objects.filter(pk=unkept).exists()),
        C("progression:selfeval_round", f"{base}/{kept}/"),
        C("progression:selfeval_answer", f"{base}/{progress.pk}/svar/motivation/"),
        C("progression:selfeval_answer", f"{base}/{progress.pk}/svar/motivation/", "post",
          {f"s_{second.key}": "4", "goal": "Møde op hver dag"},
          effect=lambda r: progress.answers.filter(statement=second.key, value=4).exists()),
        C("progression:selfeval_finish", f"{base}/{progress.pk}/afslut/"),
        C("progression:selfeval_finish", f"{base}/{progress.pk}/afslut/", "post", {"keep": "ja"},
          effect=lambda r: SelfEvaluationRound.objects.get(pk=progress.pk).is_kept),
        C("progression:selfeval_follow_up", f"{base}/{kept}/opfoelgning/", "post", {"note": "Vi aftalte praktik"},
          effect=lambda r: SelfEvaluationRound.objects.get(pk=kept).follow_up_note == "Vi aftalte praktik"),
        C("progression:selfeval_reading", f"{base}/{kept}/laesning/"),
        C("progression:selfeval_reading", f"{base}/{kept}/laesning/", "post", {"text": "Hun er klar til mere"},
          effect=lambda r: ProfessionalReading.objects.filter(round_id=kept, text="Hun er klar til mere").exists()),
        C("progression:selfeval_pdf", f"{base}/{kept}/pdf/"),
        C("progression:selfeval_pdf", f"{base}/{unkept}/pdf/", "post", statuses=(200,),
          effect=lambda r: r["Content-Type"] == "application/pdf"
          and not SelfEvaluationRound.objects.filter(pk=unkept).exists()),
        C("progression:selfeval_discard", f"{base}/{kept}/slet/"),
        C("progression:selfeval_discard", f"{base}/{kept}/slet/", "post",
          effect=lambda r: not SelfEvaluationRound.objects.filter(pk=kept).exists()),
        C("progression:reassessments", "/revurderinger/?q=josefine", contains="Josefine", lists_youth=True),
        C("progression:admin_indicators", "/administration/indikatorer/", who=admin),
        C("progression:admin_indicator_create", "/administration/indikatorer/ny/", who=admin),
        C("progression:admin_indicator_create", "/administration/indikatorer/ny/", "post",
          {"level": "valgparat", "text": "Kan selv finde en praktikplads"}, who=admin,
          effect=lambda r: versions() == 2),
        C("progression:admin_indicator_edit", f"/administration/indikatorer/{indicator.pk}/", who=admin),
        C("progression:admin_indicator_edit", f"/administration/indikatorer/{indicator.pk}/", "post",
          {"level": indicator.level, "text": "Kan nævne et fag"}, who=admin, effect=lambda r: versions() == 2),
        C("progression:admin_indicator_retire", f"/administration/indikatorer/{indicator.pk}/udgaa/", who=admin),
        C("progression:admin_indicator_retire", f"/administration/indikatorer/{indicator.pk}/udgaa/", "post",
          who=admin, effect=lambda r: versions() == 2),
        C("progression:admin_rhythm", "/administration/progression/rytme/", who=admin),
        C("progression:admin_rhythm", "/administration/progression/rytme/", "post",
          {"reassessment_months": "6", "first_assessment_days": "30", "due_soon_days": "14"}, who=admin,
          effect=lambda r: selectors.progression_settings_for(p.municipality.pk).reassessment_months == 6
          and ProgressionSettings.objects.filter(municipality=p.municipality).exists()),
    ]
