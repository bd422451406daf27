"""Forms of the implementation pages. They check shapes, sizes and uploads; rules live in services."""

import datetime
from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from mitra.cooperations.forms import UserChoiceField
from mitra.cooperations.models import Agency, Cooperation, Document
from mitra.implementation.formatting import period_label
from mitra.implementation.models import Evaluation, PlanItem
from mitra.implementation.periods import Period, period_containing, previous_period
from mitra.implementation.queries import cycle_months, plan_documents
from mitra.lib.dates import SaneDateField
from mitra.lib.formatting import medium_date
from mitra.lib.uploads import UploadField
from mitra.partners.models import Contact
from mitra.tenancy.models import Tenant
from mitra.tenancy.scope import limit_to_tenant

MAX_QUANTITY = 10**12
MAX_COUNT = 2_147_483_647  # the largest count the database column holds
EVALUATION_PERIODS_SHOWN = 6


def _text(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class DocumentChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Document) -> str:
        if obj.date_signed is None:
            return f"{obj.get_kind_display()}: {obj.title}"
        return f"{obj.get_kind_display()}: {obj.title} ({medium_date(obj.date_signed)})"


class ContactChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Contact) -> str:
        return f"{obj.name} ({obj.partner.name})"


def _quantity(label: StrOrPromise, help_text: StrOrPromise = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_QUANTITY,
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
    )


class PlanItemForm(forms.Form):
    """One plan-of-action item. Agencies, contacts and officers are limited to the tenant's own."""

    document = DocumentChoiceField(
        label=gettext_lazy("Agreement"), queryset=Document.objects.none(), empty_label=None
    )
    activity = forms.CharField(label=gettext_lazy("Activity"), max_length=250)
    description = forms.CharField(label=gettext_lazy("Description"), required=False, widget=_text())
    agency = forms.ModelChoiceField(
        label=gettext_lazy("Responsible agency (OPD)"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label="—",
    )
    counterpart = forms.CharField(
        label=gettext_lazy("Partner-side counterpart"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("The partner's unit or official responsible for this item."),
    )
    counterpart_contact = ContactChoiceField(
        label=gettext_lazy("Counterpart contact"),
        queryset=Contact.objects.none(),
        required=False,
        empty_label="—",
    )
    assignee = UserChoiceField(
        label=gettext_lazy("Officer following it"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="—",
        help_text=gettext_lazy("Gets the tasks of recurring obligations; else the owner does."),
    )
    target_quantity = _quantity(
        gettext_lazy("Target"),
        gettext_lazy("A quantity such as 200; for a yearly target, the total over the period."),
    )
    unit = forms.CharField(
        label=gettext_lazy("Unit"),
        required=False,
        max_length=60,
        help_text=gettext_lazy("Such as outlets, trainees or exchange visits."),
    )
    milestone_date = SaneDateField(label=gettext_lazy("Milestone date"), required=False)
    start_date = SaneDateField(label=gettext_lazy("Period start"))
    end_date = SaneDateField(label=gettext_lazy("Period end"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=PlanItem.Status.choices)
    recurrence = forms.ChoiceField(
        label=gettext_lazy("Recurring obligation"),
        choices=PlanItem.Recurrence.choices,
        help_text=gettext_lazy(
            "A recurring item (an annual joint committee meeting, a semester report) gets a "
            "task each budget-year period, due at the period's end."
        ),
    )
    generates = forms.ChoiceField(
        label=gettext_lazy("Each period creates"), choices=PlanItem.Generates.choices
    )

    def __init__(self, cooperation: Cooperation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tenant = cooperation.tenant
        fields = self.fields
        fields["document"].queryset = plan_documents(cooperation)  # type: ignore[attr-defined]
        fields["agency"].queryset = limit_to_tenant(Agency.objects.all(), tenant)  # type: ignore[attr-defined]
        partners_contacts = Contact.objects.filter(partner__in=cooperation.partners.all())
        contacts = limit_to_tenant(partners_contacts.select_related("partner"), tenant)
        fields["counterpart_contact"].queryset = contacts  # type: ignore[attr-defined]
        members = limit_to_tenant(get_user_model().objects.all(), tenant)
        fields["assignee"].queryset = members.order_by("username")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The period cannot end before it starts."))
        target, unit = cleaned.get("target_quantity"), cleaned.get("unit", "")
        if target is not None and not unit:
            self.add_error("unit", _("Give the target's unit, such as outlets or trainees."))
        if unit and target is None:
            self.add_error("target_quantity", _("Give the target quantity for this unit."))
        milestone = cleaned.get("milestone_date")
        if milestone and start and (milestone < start or (end and milestone > end)):
            self.add_error("milestone_date", _("The milestone date must fall within the period."))
        return cleaned


class IntendedOutputForm(forms.Form):
    """An output the cooperation plan intends: what, and how much in which unit."""

    description = forms.CharField(
        label=gettext_lazy("Intended output"),
        max_length=250,
        help_text=gettext_lazy("For example: Little Bandung outlets in Malaysian cities."),
    )
    target_quantity = _quantity(gettext_lazy("Target"))
    unit = forms.CharField(label=gettext_lazy("Unit"), max_length=60, required=False)


class CarryForm(forms.Form):
    """Which signed agreement's plan of action the intended outputs go into."""

    document = DocumentChoiceField(
        label=gettext_lazy("Agreement"), queryset=Document.objects.none()
    )

    def __init__(self, cooperation: Cooperation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(DocumentChoiceField, self.fields["document"])
        field.queryset = plan_documents(cooperation)


def item_initial(item: PlanItem) -> dict[str, Any]:
    return {name: getattr(item, name) for name in PlanItemForm.base_fields}


def new_item_initial(cooperation: Cooperation, document: Document | None) -> dict[str, Any]:
    """A new item runs over its agreement's term unless told otherwise."""
    document = document or plan_documents(cooperation).last()
    if document is None:
        return {}
    return {
        "document": document,
        "start_date": document.valid_from or document.date_signed,
        "end_date": document.valid_until,
    }


class ProgressForm(forms.Form):
    """A progress report: the total achieved to date, benefits, evidence (a file or a link)."""

    date = SaneDateField(label=gettext_lazy("Date"))
    value = _quantity(
        gettext_lazy("Achieved to date (total)"),
        gettext_lazy("The total so far, not the increase since the last report."),
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=_text())
    evidence_file = UploadField(
        policy="documents", label=gettext_lazy("Evidence file"), required=False
    )
    evidence_link = forms.URLField(
        label=gettext_lazy("Evidence link"), required=False, max_length=500, assume_scheme="https"
    )
    smes_reached = forms.IntegerField(
        label=gettext_lazy("Small businesses reached (total)"),
        required=False,
        min_value=0,
        max_value=MAX_COUNT,
    )
    people_trained = forms.IntegerField(
        label=gettext_lazy("People trained (total)"),
        required=False,
        min_value=0,
        max_value=MAX_COUNT,
    )
    investment_value = forms.DecimalField(
        label=gettext_lazy("Investment value, Rp (total)"),
        required=False,
        min_value=0,
        max_digits=18,
        decimal_places=2,
    )

    def __init__(self, item: PlanItem, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item = item
        if item.unit:
            self.fields["value"].label = _("Achieved to date (total, in %(unit)s)") % {
                "unit": item.unit
            }

    def clean_evidence_file(self) -> UploadedFile[bytes] | None:
        return self.cleaned_data.get("evidence_file") or None

    def clean_date(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A progress report cannot be dated in the future."))
        return day

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.item.target_quantity is not None and cleaned.get("value") is None:
            said = [cleaned.get(n) for n in ("note", "evidence_file", "evidence_link")]
            benefits = [
                cleaned.get(n) for n in ("smes_reached", "people_trained", "investment_value")
            ]
            if not any(said) and all(b is None for b in benefits):
                self.add_error("value", _("Report the total achieved so far."))
        return cleaned


def evaluation_periods(tenant: Tenant, today: datetime.date) -> list[Period]:
    """The periods offered for an evaluation: the current one and the recent ended ones."""
    months = cycle_months(tenant)
    periods = [period_containing(today, months)]
    for _n in range(EVALUATION_PERIODS_SHOWN - 1):
        periods.append(previous_period(periods[-1].start, months))
    return periods


class EvaluationForm(forms.Form):
    """An evaluation: its period, the structured criteria and the recommendation."""

    period = forms.ChoiceField(label=gettext_lazy("Period evaluated"))
    date = SaneDateField(label=gettext_lazy("Date of evaluation"))
    agreement = DocumentChoiceField(
        label=gettext_lazy("Agreement evaluated"),
        queryset=Document.objects.none(),
        required=False,
        empty_label=gettext_lazy("the agreement that ends last"),
    )
    outputs_achieved = forms.CharField(
        label=gettext_lazy("Outputs achieved"), widget=_text(4), max_length=10000
    )
    benefits = forms.CharField(
        label=gettext_lazy("Benefits to the region"), widget=_text(4), max_length=10000
    )
    problems = forms.CharField(
        label=gettext_lazy("Problems"), required=False, widget=_text(3), max_length=10000
    )
    partner_responsiveness = forms.TypedChoiceField(
        label=gettext_lazy("Partner responsiveness"),
        coerce=int,
        choices=[
            (1, gettext_lazy("1 — does not respond")),
            (2, gettext_lazy("2 — responds rarely")),
            (3, gettext_lazy("3 — responds, slowly")),
            (4, gettext_lazy("4 — responds well")),
            (5, gettext_lazy("5 — responds promptly and takes initiative")),
        ],
        widget=forms.RadioSelect,
    )
    partner_responsiveness_note = forms.CharField(
        label=gettext_lazy("On the partner's responsiveness"),
        required=False,
        widget=_text(2),
        max_length=5000,
    )
    recommendation = forms.ChoiceField(
        label=gettext_lazy("Recommendation"),
        choices=Evaluation.Recommendation.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Renew or terminate gives the renewal decision to an officer as a task, due well "
            "before the agreement ends."
        ),
    )
    recommendation_note = forms.CharField(
        label=gettext_lazy("Reasons for the recommendation"),
        required=False,
        widget=_text(3),
        max_length=10000,
    )

    def __init__(
        self,
        cooperation: Cooperation,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        months = cycle_months(cooperation.tenant)
        self.periods = {
            p.start.isoformat(): p
            for p in evaluation_periods(cooperation.tenant, timezone.localdate())
        }
        choices = [(key, period_label(p, months)) for key, p in self.periods.items()]
        cast(forms.ChoiceField, self.fields["period"]).choices = choices
        self.fields["agreement"].queryset = plan_documents(cooperation)  # type: ignore[attr-defined]

    def clean_date(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("An evaluation cannot be dated in the future."))
        return day

    def evaluation_fields(self) -> dict[str, Any]:
        """The cleaned data as `record_evaluation` takes it: the period as its two dates."""
        data = dict(self.cleaned_data)
        period = self.periods[data.pop("period")]
        return data | {"period_start": period.start, "period_end": period.end}


def evaluation_initial(tenant: Tenant, today: datetime.date) -> dict[str, Any]:
    months = cycle_months(tenant)
    return {"period": previous_period(today, months).start.isoformat(), "date": today}
