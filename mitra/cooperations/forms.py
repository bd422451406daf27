"""Forms of the cooperation pages. They check shapes and sizes; the law is checked in services."""

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from mitra.cooperations import filters, workflow
from mitra.cooperations.models import (
    BURDENS_PUBLIC_HELP,
    Affair,
    Agency,
    Consideration,
    Cooperation,
    Document,
    DocumentParty,
    ObjectOfCooperation,
    Sector,
)
from mitra.cooperations.services import PartyInput
from mitra.cooperations.transitions import reason_missing
from mitra.lib.dates import SaneDateField
from mitra.lib.forms import set_choices
from mitra.lib.tenant_changes import remembered
from mitra.lib.uploads import UploadField
from mitra.partners.models import Country, Partner
from mitra.tenancy.models import Tenant
from mitra.tenancy.scope import limit_to_tenant

SORT_CHOICES = [
    ("-updated", gettext_lazy("recently updated first")),
    ("updated", gettext_lazy("least recently updated first")),
    ("title", gettext_lazy("title, A to Z")),
    ("-title", gettext_lazy("title, Z to A")),
    ("state", gettext_lazy("stage of the procedure")),
]


def _blank(label: str) -> list[tuple[str, str]]:
    return [("", label)]


class CooperationFilterForm(forms.Form):
    """The list's filters. Every field is optional; an unknown value is reported, not fatal."""

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False)
    country = forms.ChoiceField(label=gettext_lazy("Partner country"), required=False)
    sort = forms.ChoiceField(label=gettext_lazy("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, tenant: Tenant, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget = forms.SearchInput(
            attrs={"placeholder": _("title, summary or partner"), "autocomplete": "off"}
        )
        set_choices(self, "kind", _blank(_("all kinds")) + list(Cooperation.Kind.choices))
        live = [
            (filters.UNDER_WAY, _("under way (dormant and on hold not included)")),
            (filters.LIVE, _("every live state (dormant and on hold included)")),
        ]
        set_choices(self, "state", _blank(_("all states")) + live + list(Cooperation.State.choices))
        sectors = sorted(Sector.Slug.choices, key=lambda choice: str(choice[1]).casefold())
        set_choices(self, "sector", _blank(_("all sectors")) + sectors)
        key = ("partner countries", get_language())
        by_name = remembered(tenant, key, lambda: _partner_countries(tenant))
        set_choices(self, "country", _blank(_("all countries")) + by_name)


def _partner_countries(tenant: Tenant) -> list[tuple[str, str]]:
    """The countries of the tenant's partners by name, kept until the tenant's data changes:
    the list's filter reads them on every page of the list."""
    countries = Country.objects.filter(partners__tenant=tenant).distinct()
    return sorted(((c.code, c.name) for c in countries), key=lambda choice: choice[1].casefold())


class PartnerChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Partner) -> str:
        return f"{obj.name} ({obj.country.name})" if obj.country else obj.name


class UserChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: AbstractBaseUser) -> str:
        return str(getattr(obj, "get_full_name", lambda: "")() or obj.get_username())


def _checkboxes() -> forms.CheckboxSelectMultiple:
    return forms.CheckboxSelectMultiple()


def sub_form_choices() -> list[tuple[str, object]]:
    """Sub-forms grouped under the cooperation type they belong to (the workflow's kind table)."""
    choices = Cooperation.SubForm.choices
    grouped = [
        (facts.abbreviation, [(slug, label) for slug, label in choices if slug in facts.sub_forms])
        for facts in workflow.KINDS.values()
        if facts.sub_forms
    ]
    return [("", _("none")), *grouped]


def _affairs_label() -> str:
    """The domestic kinds' scope (`_fit_to_kind`): "Government affairs (KSDD, KSDPK)"."""
    kinds = ", ".join(workflow.abbreviations(foreign=False))
    return _("Government affairs (%(kinds)s)") % {"kinds": kinds}


def _objects_label() -> str:
    """The foreign kinds' scope (`_fit_to_kind`): "Objects (KSDPL, KSDLL)"."""
    kinds = ", ".join(workflow.abbreviations(foreign=True))
    return _("Objects (%(kinds)s)") % {"kinds": kinds}


def _route_help() -> str:
    """ "Only for a cooperation with a foreign institution (KSDLL).": the kinds with a route."""
    kinds = workflow.described(workflow.kinds_with_a_route())
    return _("Only for a cooperation %(kinds)s.") % {"kinds": kinds}


class CooperationForm(forms.Form):
    """A cooperation's record. Partners, agencies and owners are limited to the tenant's own."""

    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Cooperation.Kind.choices)
    sub_form = forms.ChoiceField(label=gettext_lazy("Sub-form"), required=False)
    route = forms.ChoiceField(
        label=workflow.ROUTE_LABEL,
        required=False,
        choices=[("", "—"), *Cooperation.Route.choices],
        help_text=lazy(_route_help, str)(),
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=250)
    summary = forms.CharField(
        label=gettext_lazy("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    partners = PartnerChoiceField(
        label=gettext_lazy("Partners"), queryset=Partner.objects.none(), widget=_checkboxes()
    )
    sectors = forms.MultipleChoiceField(
        label=gettext_lazy("Sectors"), required=False, widget=_checkboxes()
    )
    affairs = forms.ModelMultipleChoiceField(
        label=lazy(_affairs_label, str)(),
        queryset=Affair.objects.all(),
        required=False,
        widget=_checkboxes(),
    )
    objects_of_cooperation = forms.MultipleChoiceField(
        label=lazy(_objects_label, str)(),
        choices=ObjectOfCooperation.choices,
        required=False,
        widget=_checkboxes(),
    )
    initiating_agency = forms.ModelChoiceField(
        label=gettext_lazy("Initiating agency"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label="—",
    )
    implementing_agencies = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Implementing agencies"),
        queryset=Agency.objects.none(),
        required=False,
        widget=_checkboxes(),
    )
    budget = forms.ChoiceField(label=gettext_lazy("Budget"), choices=Cooperation.Budget.choices)
    budget_line = forms.CharField(label=gettext_lazy("APBD line"), required=False, max_length=200)
    budget_amount = forms.DecimalField(
        label=gettext_lazy("Budget amount (Rp)"),
        required=False,
        max_digits=16,
        decimal_places=2,
        min_value=0,
    )
    burdens_public = forms.BooleanField(
        label=gettext_lazy("Burdens the public or the region"),
        required=False,
        help_text=BURDENS_PUBLIC_HELP,
    )
    owner = UserChoiceField(
        label=gettext_lazy("Owner"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="—",
    )
    start_date = SaneDateField(label=gettext_lazy("Start date"), required=False)
    end_date = SaneDateField(label=gettext_lazy("End date"), required=False)
    note = forms.CharField(
        label=gettext_lazy("Note for the history"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Where the initiative came from, for the event log."),
    )

    def __init__(self, tenant: Tenant, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not editing:
            set_choices(self, "kind", [("", "—"), *Cooperation.Kind.choices])
        set_choices(self, "sub_form", sub_form_choices())
        sectors = sorted(Sector.Slug.choices, key=lambda choice: str(choice[1]).casefold())
        set_choices(self, "sectors", sectors)
        partners = limit_to_tenant(Partner.objects.select_related("country"), tenant)
        self.fields["partners"].queryset = partners  # type: ignore[attr-defined]
        agencies = limit_to_tenant(Agency.objects.all(), tenant)
        self.fields["initiating_agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["implementing_agencies"].queryset = agencies  # type: ignore[attr-defined]
        if not agencies.exists():
            self.fields["implementing_agencies"].help_text = _(
                "No agencies are recorded yet; a tenant administrator adds them."
            )
        members = limit_to_tenant(get_user_model().objects.all(), tenant)
        self.fields["owner"].queryset = members.order_by("username")  # type: ignore[attr-defined]
        if editing:
            # The kind fixes the procedure the state belongs to; it is not edited afterwards.
            self.fields["kind"].disabled = True
            del self.fields["note"]
        elif not self.is_bound:
            self._infer_kind(partners)
        self._fit_to_kind(str(self["kind"].value() or ""))

    def _infer_kind(self, partners: Any) -> None:
        """A new form opened with partners chosen starts at the kind they imply (they decide it:
        each partner kind belongs to one cooperation kind)."""
        chosen = self.initial.get("partners") or []
        implied = workflow.kind_for_partners(
            partners.filter(pk__in=chosen).values_list("kind", flat=True)
        )
        if implied:
            self.initial["kind"] = implied

    def _fit_to_kind(self, kind: str) -> None:
        """Once the kind is known: only its sub-forms, and only its scope (government affairs
        for KSDD and KSDPK, objects for KSDPL and KSDLL; Permendagri 22 and 25/2020)."""
        facts = workflow.KINDS.get(kind)
        if facts is None:
            return
        own = [
            (slug, label) for slug, label in Cooperation.SubForm.choices if slug in facts.sub_forms
        ]
        set_choices(self, "sub_form", [("", _("none")), *own])
        del self.fields["affairs" if facts.foreign else "objects_of_cooperation"]
        # Only a kind with a route is asked for one. A route sent for another kind all the same
        # (an API call) stays, to be refused by name, not silently dropped.
        sent_route = self.is_bound and self.data.get("route")
        if not facts.has_route and not sent_route:
            del self.fields["route"]


def cooperation_initial(coop: Cooperation) -> dict[str, Any]:
    """The edit form's starting values, read from the record."""
    names = [name for name in CooperationForm.base_fields if name != "note"]
    many = {"partners", "affairs", "implementing_agencies"}
    initial: dict[str, Any] = {}
    for name in names:
        value = getattr(coop, name)
        initial[name] = list(value.all()) if name in many else value
    initial["sectors"] = [sector.slug for sector in coop.sectors.all()]
    return initial


# What an upload may be: its extension, the content types browsers send for it, and how its
# first bytes look. The signature check keeps a renamed program from passing as a PDF.
class DocumentForm(forms.Form):
    """A document of a cooperation and, optionally, its file. The document rules (dates, parent,
    one number per party) are the service's (`services.check_document`); the view shows its
    refusal beside the fields (`show_on_form`)."""

    # No kind is preselected unless the step asks for one: a silent first choice ("offer
    # letter") was saved by mistake at steps that needed another document.
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), choices=[("", "—"), *Document.Kind.choices]
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=250)
    scope = forms.CharField(
        label=gettext_lazy("Scope"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Parent document"),
        queryset=Document.objects.none(),
        required=False,
        empty_label="—",
        help_text=gettext_lazy("The KB a PKS implements, the LoI an MoU follows, and so on."),
    )
    place_signed = forms.CharField(
        label=gettext_lazy("Place of signing"), required=False, max_length=150
    )
    date_signed = SaneDateField(label=gettext_lazy("Date of signing"), required=False)
    valid_from = SaneDateField(label=gettext_lazy("Valid from"), required=False)
    valid_until = SaneDateField(label=gettext_lazy("Valid until"), required=False)
    until_terminated = forms.BooleanField(
        label=gettext_lazy("Valid until terminated (no end date)"), required=False
    )
    notice_period_days = forms.IntegerField(
        label=gettext_lazy("Notice period (days)"), required=False, min_value=0, max_value=3650
    )
    languages = forms.CharField(label=gettext_lazy("Languages"), required=False, max_length=150)
    prevailing_language = forms.CharField(
        label=gettext_lazy("Prevailing language"), required=False, max_length=50
    )
    custody = forms.ChoiceField(
        label=gettext_lazy("Custody of the original"),
        required=False,
        choices=[("", "—"), *Document.Custody.choices],
    )
    file = UploadField(policy="documents", label=gettext_lazy("File"), required=False)

    def __init__(
        self,
        cooperation: Cooperation,
        *args: Any,
        editing: Document | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # Offered: this cooperation's documents. Accepted: any of the tenant's, so that whether
        # one may be the parent is said once, by the rule (`rules.parent_in_same_cooperation`).
        parent = self.fields["parent"]
        parent.queryset = Document.objects.for_tenant(cooperation.tenant)  # type: ignore[attr-defined]
        offered_documents = Document.objects.filter(cooperation=cooperation)
        if editing is not None:
            offered_documents = offered_documents.exclude(pk=editing.pk)
            if editing.file:
                keep = _("Leave empty to keep the current file; a new one replaces it.")
                self.fields["file"].help_text = f"{self.fields['file'].help_text} {keep}"
        offered = forms.ModelChoiceField(offered_documents, empty_label="—")
        parent.widget.choices = offered.choices

    def clean_file(self) -> UploadedFile[bytes] | None:
        return self.cleaned_data.get("file") or None


def document_initial(document: Document) -> dict[str, Any]:
    """The edit form's starting values, read from the document (its file stays unless replaced)."""
    return {name: getattr(document, name) for name in DocumentForm.base_fields if name != "file"}


class PartyForm(forms.Form):
    """One signing party with the number it gave the document; a blank row is ignored."""

    role = forms.ChoiceField(
        label=gettext_lazy("Role"), required=False, choices=[("", "—"), *DocumentParty.Role.choices]
    )
    name = forms.CharField(label=gettext_lazy("Party"), required=False, max_length=200)
    number = forms.CharField(label=gettext_lazy("Document number"), required=False, max_length=120)
    signatory_name = forms.CharField(
        label=gettext_lazy("Signatory"), required=False, max_length=150
    )
    signatory_position = forms.CharField(
        label=gettext_lazy("Signatory's position"), required=False, max_length=150
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        filled = any(cleaned.get(name) for name in ("name", "number", "signatory_name"))
        if filled and not cleaned.get("role"):
            self.add_error("role", _("Choose the party's role."))
        if filled and not cleaned.get("name"):
            self.add_error("name", _("Name the party."))
        return cleaned


class BasePartyFormSet(forms.BaseFormSet[PartyForm]):
    """The signing parties; the service's refusal about them shows above the rows."""

    fields = {"parties": None}  # what `show_on_form` may place here

    def add_error(self, field: str | None, error: str) -> None:
        self.non_form_errors().append(error)

    def parties(self) -> list[PartyInput]:
        """The filled rows as the service's PartyInput values."""
        return [
            PartyInput(**form.cleaned_data)
            for form in self.forms
            if form.is_valid() and form.cleaned_data.get("name")
        ]


PartyFormSet = cast(
    type[BasePartyFormSet],
    forms.formset_factory(
        PartyForm, formset=BasePartyFormSet, extra=3, max_num=3, validate_max=True
    ),
)
PARTY_INITIAL = [{"role": role} for role in DocumentParty.Role.values]
PARTY_FIELDS = tuple(PartyForm.base_fields)


class TransitionForm(forms.Form):
    """One move along the procedure: the action, the state the user saw, a note.

    Whether the move is allowed is decided by `apply_transition`, not here; given the
    cooperation, the form already marks the note as missing for a move that asks first, so the
    web shows it at the field and the API answers 422.
    """

    action = forms.CharField(max_length=50)
    expected_state = forms.CharField(max_length=40)
    note = forms.CharField(
        label=gettext_lazy("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, cooperation: Cooperation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cooperation = cooperation

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        found = (
            workflow.find(self.cooperation, cleaned.get("action", ""))
            if self.cooperation is not None
            else None
        )
        if found is not None and "note" in cleaned:
            for problem in reason_missing(found, cleaned["note"]):
                self.add_error("note", problem)
        return cleaned


class ConsiderationForm(forms.Form):
    """The team's recommendation and its reasons; `services.record_consideration` decides."""

    recommendation = forms.ChoiceField(
        label=gettext_lazy("Recommendation"),
        choices=Consideration.Recommendation.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        help_text=gettext_lazy("Required when the team agrees with notes or does not agree."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
