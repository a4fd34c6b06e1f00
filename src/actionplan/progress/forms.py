"""The forms of the reporting pages. They only shape input; the rules live
in the services (``services.reports``, ``services.figures``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from actionplan.plans.models import Qualifier, SourceQuality
from actionplan.progress.models import WorkStatus


class ReportForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=WorkStatus.choices)
    percent_complete = forms.IntegerField(
        label=_("Percent complete"), min_value=0, max_value=100, initial=0
    )
    done = forms.CharField(label=_("What was done"), widget=forms.Textarea, required=False)
    problems = forms.CharField(label=_("Problems"), widget=forms.Textarea, required=False)
    escalate = forms.BooleanField(
        label=_("Refer a problem to the leading group (报请领导小组)"), required=False
    )
    next_steps = forms.CharField(label=_("Next steps"), widget=forms.Textarea, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class FigureForm(forms.Form):
    value = forms.CharField(
        label=_("Value"),
        max_length=60,
        help_text=_("A number in the indicator's unit, such as 73390000. No words."),
    )
    period_start = forms.DateField(
        label=_("Period start"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Period end"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    qualifier = forms.ChoiceField(label=_("Qualifier"), choices=Qualifier.choices)
    source_title = forms.CharField(label=_("Source"), max_length=500, required=False)
    source_url = forms.URLField(
        label=_("Source address"), max_length=2000, required=False, assume_scheme="https"
    )
    source_quality = forms.ChoiceField(
        label=_("Source quality"), choices=SourceQuality.choices, initial=SourceQuality.OFFICIAL
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Needed when the figure is far from the last approved one."),
    )
    confirmed = forms.BooleanField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=(("approve", _("Approve")), ("return", _("Return for revision")))
    )
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Evidence file"))
