"""Forms of the event pages. They check shapes; the procedure is checked in services."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import PartyInput
from mitra.cooperations.workflow import ENDED
from mitra.events.models import Event
from mitra.events.readiness import SIGNABLE_KINDS
from mitra.lib.dates import SaneDateField, sane_date_formfield
from mitra.lib.uploads import UploadField
from mitra.tenancy.scope import limit_to_tenant


class EventForm(forms.ModelForm[Event]):
    class Meta:
        model = Event
        fields = ["name", "place", "starts_on", "ends_on", "description"]
        formfield_callback = sane_date_formfield

    def validate_constraints(self) -> None:
        """Leave the model's checks to the service: an end before the start is refused there
        (`rules.ends_after_it_starts`) and shown beside the end date, where Django's own check
        of the constraint would show it above the form."""


class CooperationChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Cooperation) -> str:
        return f"{obj.title} ({obj.get_state_display()})"


class SigningPlanForm(forms.Form):
    cooperation = CooperationChoiceField(
        label=_("Cooperation"), queryset=Cooperation.objects.none()
    )
    document_kind = forms.ChoiceField(
        label=_("Document to sign"),
        choices=[(kind, Document.Kind(kind).label) for kind in SIGNABLE_KINDS],
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, event: Event, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        live = limit_to_tenant(Cooperation.objects.exclude(state__in=ENDED), event.tenant)
        field = self.fields["cooperation"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
        field.queryset = live.order_by("title")


class SigningEditForm(forms.Form):
    """A correction of a signing on the agenda: its document, its place, its note."""

    document_kind = forms.ChoiceField(
        label=_("Document to sign"),
        choices=[(kind, Document.Kind(kind).label) for kind in SIGNABLE_KINDS],
    )
    order = forms.IntegerField(label=_("Order on the agenda"), min_value=0, max_value=999)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RecordSigningForm(forms.Form):
    """Date, place and the number each party gave the document; one number field per party."""

    date_signed = SaneDateField(label=_("Date of signing"))
    place = forms.CharField(label=_("Place of signing"), max_length=150, required=False)
    file = UploadField(policy="documents", label=_("Scan of the signed document"), required=False)

    def __init__(self, parties: list[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parties = parties
        for role, name in parties:
            self.fields[f"number_{role}"] = forms.CharField(
                label=_("Number given by %(party)s") % {"party": name},
                max_length=120,
                required=False,
            )

    def number_fields(self) -> list[forms.BoundField]:
        return [self[f"number_{role}"] for role, _name in self.parties]

    def party_inputs(self) -> list[PartyInput]:
        return [
            PartyInput(role=role, name=name, number=self.cleaned_data[f"number_{role}"].strip())
            for role, name in self.parties
        ]
