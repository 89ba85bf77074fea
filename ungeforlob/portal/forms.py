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


class WishForm(SubmitOnceMixin):
    kind = forms.ChoiceField(label=_("Hvad ønsker du?"), widget=forms.RadioSelect,
                             error_messages={"required": _("Vælg om du ønsker et mål, et delmål eller en aktivitet.")})
    text = forms.CharField(label=_("Dit ønske"), max_length=300, error_messages={"required": _("Skriv dit ønske.")},
                           widget=forms.Textarea(attrs={"rows": 3}))
    goal = forms.ModelChoiceField(label=_("Hvilket mål hører et delmål til?"), queryset=None, required=False,
                                  empty_label=_("Ved ikke"))
    subgoal = forms.ModelChoiceField(label=_("Hvilket delmål hører en aktivitet til?"), queryset=None, required=False,
                                     empty_label=_("Ved ikke"))

    def __init__(self, *args: Any, youth: Any, **kwargs: Any) -> None:
        from ungeforlob.plans.models import Goal, SubGoal
        from ungeforlob.portal.models import WishKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = WishKind.choices
        self.fields["goal"].queryset = Goal.objects.filter(youth=youth)
        self.fields["subgoal"].queryset = SubGoal.objects.filter(goal__youth=youth)


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

    keep = forms.ChoiceField(label=_("Skal vi gemme dit billede?"), widget=forms.RadioSelect, choices=[
        ("ja", _("Ja, gem det. Så kan vi se, hvordan du flytter dig.")),
        ("nej", _("Nej, slet det nu.")),
    ], help_text=_("Det er dig, der bestemmer."), error_messages={"required": _("Vælg ja eller nej.")})
