from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin

SCALE = [(i, str(i)) for i in range(1, 6)]


class MobileForm(forms.Form):
    mobile = forms.CharField(
        label=_("Dit mobilnummer"), max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("Vi sender en kode til dig på SMS."),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Koden fra SMS'en"), max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class FeedbackForm(SubmitOnceMixin):
    heard = forms.TypedChoiceField(label=_("Blev du hørt? (1 = nej, 5 = helt)"), choices=SCALE, coerce=int,
                                   widget=forms.RadioSelect)
    useful = forms.TypedChoiceField(label=_("Var mødet brugbart? (1 = nej, 5 = meget)"), choices=SCALE, coerce=int,
                                    widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Vil du sige mere?"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CheckInForm(SubmitOnceMixin):
    outcome = forms.ChoiceField(label=_("Hvordan gik det?"), widget=forms.RadioSelect,
                                choices=[("gjort", _("Jeg har gjort det")), ("ikke", _("Det gik ikke"))],
                                error_messages={"required": _("Vælg »Jeg har gjort det« eller »Det gik ikke«.")})
    line = forms.CharField(label=_("Skriv en linje om det"), max_length=300, required=False,
                           help_text=_("Fx hvad der var godt, eller hvad der var svært."))
    closeness = forms.TypedChoiceField(label=_("Hvor tæt er du på delmålet nu? (1 = langt fra, 5 = nået)"),
                                       choices=SCALE, coerce=int, widget=forms.RadioSelect,
                                       error_messages={"required": _("Vælg et tal fra 1 til 5.")})
    reached = forms.BooleanField(label=_("Jeg har nået delmålet"), required=False,
                                 help_text=_("Din kontaktperson bekræfter det."))

    def __init__(self, *args: Any, can_reach: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_reach:  # the sub-goal is reached already
            del self.fields["reached"]


class WishForm(SubmitOnceMixin):
    kind = forms.ChoiceField(label=_("Hvad ønsker du?"), widget=forms.RadioSelect,
                             error_messages={"required": _("Vælg om du ønsker et mål, et delmål eller en aktivitet.")})
    text = forms.CharField(label=_("Dit ønske"), max_length=300, error_messages={"required": _("Skriv dit ønske.")},
                           widget=forms.Textarea(attrs={"rows": 3}))
    goal = forms.ModelChoiceField(label=_("Hvilket mål hører et delmål til?"), queryset=None, required=False,
                                  empty_label=_("Ved ikke"))
    subgoal = forms.ModelChoiceField(label=_("Hvilket delmål hører en aktivitet til?"), queryset=None, required=False,
                                     empty_label=_("Ved ikke"))

    # The fields that apply to each kind (the page asks for the kind first, then shows only these).
    FIELDS_FOR = {"maal": ("text",), "delmaal": ("text", "goal"), "aktivitet": ("text", "subgoal")}

    def __init__(self, *args: Any, youth: Any, kind: str = "", **kwargs: Any) -> None:
        from ungeforlob.plans.models import Goal, SubGoal
        from ungeforlob.portal.models import WishKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in WishKind.choices if c[0] != WishKind.OFFER]
        self.fields["goal"].queryset = Goal.objects.filter(youth=youth)
        self.fields["subgoal"].queryset = SubGoal.objects.filter(goal__youth=youth).select_related("goal")
        self.kind = kind if kind in self.FIELDS_FOR else ""
        if self.kind:
            self.fields["kind"].widget = forms.HiddenInput()
            self.initial["kind"] = self.kind
            for name in ("goal", "subgoal"):
                if name not in self.FIELDS_FOR[self.kind]:
                    del self.fields[name]
            self.fields["text"].label = {"maal": _("Hvilket mål ønsker du?"), "delmaal": _("Hvilket delmål ønsker du?"),
                                         "aktivitet": _("Hvad vil du gerne lave?")}[self.kind]

    def clean_kind(self) -> str:
        value = self.cleaned_data["kind"]
        if self.kind and value != self.kind:
            raise forms.ValidationError(_("Vælg om du ønsker et mål, et delmål eller en aktivitet."))
        return value


class WishHandleForm(forms.Form):
    """Staff: answer a young person's wish."""

    decision = forms.ChoiceField(label=_("Svar"), widget=forms.RadioSelect, choices=[
        ("ja", _("Ja – sæt det i planen (ret gerne teksten)")),
        ("tale", _("Lad os tale om det – skriv et svar")),
    ])
    text = forms.CharField(label=_("Tekst i planen"), max_length=300, required=False,
                           help_text=_("Tom: den unges egne ord."))
    goal = forms.ModelChoiceField(label=_("Under mål (delmål)"), queryset=None, required=False)
    success_criterion = forms.CharField(label=_("Sådan ved I, at delmålet er nået"), max_length=500, required=False)
    subgoal = forms.ModelChoiceField(label=_("Under delmål (aktivitet)"), queryset=None, required=False)
    reason = forms.CharField(label=_("Hvorfor hjælper aktiviteten på delmålet"), max_length=500, required=False)
    reply = forms.CharField(label=_("Svar til den unge"), max_length=1000, required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, youth: Any, wish: Any = None, **kwargs: Any) -> None:
        from ungeforlob.plans.models import Goal, SubGoal

        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(youth=youth)
        self.fields["subgoal"].queryset = SubGoal.objects.filter(goal__youth=youth).select_related("goal")
        if wish is not None:
            self.prefix = f"w{wish.pk}"
            self.initial.update({"text": wish.text, "goal": wish.goal_id, "subgoal": wish.subgoal_id})


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Din kommentar"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": _("Skriv en kommentar.")})


class KeepForm(forms.Form):
    """The youth's choice at the end of a self-evaluation round (progression's FinishForm, in the youth's words)."""

    keep = forms.ChoiceField(label=_("Skal vi gemme din selvevaluering?"), widget=forms.RadioSelect, choices=[
        ("ja", _("Ja, gem den. Så kan vi se, hvordan du flytter dig.")),
        ("nej", _("Nej, slet den nu.")),
    ], help_text=_("Det er dig, der bestemmer."), error_messages={"required": _("Vælg ja eller nej.")})


# --- Choosing: a contact person, an offer -----------------------------------------------------------------


class ContactProposalForm(SubmitOnceMixin):
    """Min side: she proposes one of the professionals the municipality lets young people choose among."""

    professional = forms.ChoiceField(label=_("Hvem vil du gerne have som kontaktperson?"), widget=forms.RadioSelect,
                                     error_messages={"required": _("Vælg en person på listen."),
                                                     "invalid_choice": _("Vælg en person på listen.")})
    why = forms.CharField(label=_("Vil du sige hvorfor?"), max_length=300, required=False,
                          widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = people
        self.fields["professional"].choices = [(str(u.pk), u.get_full_name() or u.username) for u in people]

    @property
    def service_data(self) -> dict[str, Any]:
        return {"professional_id": self.cleaned_data["professional"], "why": self.cleaned_data.get("why", "")}


class OfferInterestForm(SubmitOnceMixin):
    """"Det vil jeg gerne høre mere om" on one suggested offer."""

    offer = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1,
                               error_messages={"required": _("Vælg et tilbud fra listen."),
                                               "invalid": _("Vælg et tilbud fra listen.")})


class ProposalHandleForm(forms.Form):
    """Staff: answer the young person's proposal of a contact person."""

    decision = forms.ChoiceField(label=_("Svar"), widget=forms.RadioSelect, choices=[
        ("ja", _("Ja – vi laver en overlevering til den foreslåede")),
        ("tale", _("Lad os tale om det – skriv et svar")),
        ("nej", _("Ikke lige nu – skriv hvorfor")),
    ], error_messages={"required": _("Vælg et svar.")})
    reply = forms.CharField(label=_("Svar til den unge"), max_length=1000, required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, proposal: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if proposal is not None:
            self.prefix = f"p{proposal.pk}"


class ReachedAnswerForm(forms.Form):
    """Staff: confirm or decline that a sub-goal is reached, as the young person proposed."""

    decision = forms.ChoiceField(label=_("Er delmålet nået?"), widget=forms.RadioSelect, choices=[
        ("ja", _("Ja – marker delmålet som nået")),
        ("nej", _("Ikke helt endnu – skriv hvad der mangler")),
    ], error_messages={"required": _("Vælg et svar.")})
    reply = forms.CharField(label=_("Svar til den unge"), max_length=500, required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, checkin: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if checkin is not None:
            self.prefix = f"c{checkin.pk}"


class PresentationForm(forms.Form):
    """A professional's own presentation for young people choosing a contact person (no photo)."""

    choosable = forms.BooleanField(label=_("Unge kan vælge mig som kontaktperson"), required=False,
                                   help_text=_("Så kan de unge i kommunen se dit navn, din organisation og det, du "
                                               "skriver herunder, på Min side."))
    good_at = forms.CharField(label=_("Det er jeg god til"), max_length=300, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Kort og i almindelige ord, fx »Jeg er god til at lytte og til at "
                                          "finde job og praktik«."))
