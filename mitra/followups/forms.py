"""Forms of the follow-up pages. They check shapes and sizes; services check the tenant."""

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitra.cooperations.forms import UserChoiceField
from mitra.cooperations.models import Cooperation
from mitra.followups.models import Activity, Task
from mitra.followups.services import Commitment
from mitra.lib.dates import SaneDateField
from mitra.lib.uploads import UploadField
from mitra.partners.models import Contact, Partner
from mitra.tenancy.models import Tenant
from mitra.tenancy.scope import limit_to_tenant


def members(tenant: Tenant) -> Any:
    return limit_to_tenant(User.objects.all(), tenant).order_by("username")


class UsersField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.get_username()


class ContactsField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Contacts, each named with its partner: "Name — Partner"."""

    def label_from_instance(self, obj: Contact) -> str:
        return f"{obj.name} — {obj.partner.name}"


class ActivityForm(forms.Form):
    """What happened, when, with whom, on which cooperation or with which partner."""

    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Activity.Kind.choices)
    date = SaneDateField(label=gettext_lazy("Date"))
    title = forms.CharField(label=gettext_lazy("Subject"), max_length=250)
    cooperation = forms.ModelChoiceField(
        label=gettext_lazy("Cooperation"),
        queryset=Cooperation.objects.none(),
        required=False,
        empty_label="—",
    )
    partner = forms.ModelChoiceField(
        label=gettext_lazy("Partner"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label="—",
    )
    staff = UsersField(
        label=gettext_lazy("Staff present"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(),
    )
    partner_contacts = ContactsField(
        label=gettext_lazy("Partner contacts present"),
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(),
    )
    other_participants = forms.CharField(
        label=gettext_lazy("Other participants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Outside officials and others, one per line."),
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    attachment = UploadField(policy="documents", label=gettext_lazy("Attachment"), required=False)

    def __init__(
        self, tenant: Tenant, *args: Any, recorded_contacts: Iterable[int] = (), **kwargs: Any
    ) -> None:
        """`recorded_contacts`: the contacts an activity being corrected already has, offered
        even if they are not the chosen partner's, so that saving never drops them unseen."""
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["cooperation"].queryset = limit_to_tenant(
            Cooperation.objects.order_by("title"), tenant
        )
        fields["partner"].queryset = limit_to_tenant(Partner.objects.order_by("name"), tenant)
        fields["staff"].queryset = members(tenant)
        self._offer_contacts(tenant, self.chosen_partner(), list(recorded_contacts))

    def chosen_partner(self) -> Partner | None:
        """The partner the form is filled for (posted, or given to start from), if it is one of
        the tenant's."""
        given = self.data.get("partner") if self.is_bound else self.initial.get("partner")
        if isinstance(given, Partner):
            given = given.pk
        try:
            chosen: Partner | None = self.fields["partner"].clean(given)
        except forms.ValidationError:
            return None
        return chosen

    def _offer_contacts(self, tenant: Tenant, partner: Partner | None, recorded: list[int]) -> None:
        """Only the chosen partner's contacts (and those already recorded) are offered."""
        field: Any = self.fields["partner_contacts"]
        contacts = limit_to_tenant(Contact.objects.select_related("partner"), tenant)
        ours = Q(partner=partner) if partner is not None else Q(pk__in=[])
        field.queryset = contacts.filter(ours | Q(pk__in=recorded)).order_by(
            "partner__name", "name"
        )
        if partner is None:
            field.help_text = _("Choose the partner above to list its contacts.")
        elif not partner.contacts.exists():
            field.help_text = _("No contact of %(partner)s is recorded yet.") % {
                "partner": partner.name
            }

    def clean_attachment(self) -> UploadedFile[bytes] | None:
        return self.cleaned_data.get("attachment") or None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("cooperation") and not cleaned.get("partner"):
            raise forms.ValidationError(_("Link the activity to a cooperation, a partner or both."))
        return cleaned


def activity_initial(activity: Activity) -> dict[str, Any]:
    """The edit form's starting values, read from the activity (its attachment stays unless
    replaced)."""
    many = {"staff", "partner_contacts"}
    return {
        name: list(getattr(activity, name).all()) if name in many else getattr(activity, name)
        for name in ActivityForm.base_fields
        if name != "attachment"
    }


class CommitmentForm(forms.Form):
    """One task agreed in the meeting; a row without a title is ignored."""

    title = forms.CharField(label=gettext_lazy("Task"), required=False, max_length=250)
    assignee = UserChoiceField(
        label=gettext_lazy("Assignee"),
        queryset=User.objects.none(),
        required=False,
        empty_label="—",
    )
    due_date = SaneDateField(label=gettext_lazy("Due date"), required=False)
    priority = forms.TypedChoiceField(
        label=gettext_lazy("Priority"),
        choices=Task.Priority.choices,
        coerce=int,
        initial=Task.Priority.NORMAL,
    )

    def __init__(
        self, *args: Any, tenant: Tenant, assignee: int | None = None, **kwargs: Any
    ) -> None:
        """`assignee`: who a commitment goes to unless someone else is chosen (a row left
        without a title stays unused all the same: the field's initial is no change)."""
        super().__init__(*args, **kwargs)
        field: Any = self.fields["assignee"]
        field.queryset = members(tenant)
        field.initial = assignee

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("title", "").strip():
            for name in ("assignee", "due_date"):
                if not cleaned.get(name):
                    self.add_error(name, _("Needed for a task."))
        return cleaned


class BaseCommitmentFormSet(forms.BaseFormSet[CommitmentForm]):
    def filled(self) -> list[CommitmentForm]:
        """The rows given a title, in order: the service's commitments, one for one."""
        return [
            form
            for form in self.forms
            if form.is_valid() and form.cleaned_data.get("title", "").strip()
        ]

    def commitments(self) -> list[Commitment]:
        """The filled rows as the service's Commitment values."""
        return [Commitment(**form.cleaned_data) for form in self.filled()]


CommitmentFormSet = cast(
    type[BaseCommitmentFormSet],
    forms.formset_factory(
        CommitmentForm, formset=BaseCommitmentFormSet, extra=3, max_num=20, validate_max=True
    ),
)


class TaskForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Task"), max_length=250)
    cooperation = forms.ModelChoiceField(
        label=gettext_lazy("Cooperation"),
        queryset=Cooperation.objects.none(),
        required=False,
        empty_label="—",
    )
    assignee = UserChoiceField(label=gettext_lazy("Assignee"), queryset=User.objects.none())
    due_date = SaneDateField(label=gettext_lazy("Due date"))
    priority = forms.TypedChoiceField(
        label=gettext_lazy("Priority"),
        choices=Task.Priority.choices,
        coerce=int,
        initial=Task.Priority.NORMAL,
    )

    def __init__(self, tenant: Tenant, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["cooperation"].queryset = limit_to_tenant(
            Cooperation.objects.order_by("title"), tenant
        )
        fields["assignee"].queryset = members(tenant)


class CloseTaskForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=2000)


class ReassignForm(forms.Form):
    assignee = UserChoiceField(label=gettext_lazy("New assignee"), queryset=User.objects.none())

    def __init__(self, tenant: Tenant, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["assignee"]).queryset = members(tenant)


# The status filter's value for open tasks past their due date, which the dashboard links to.
OVERDUE = "overdue"


class TaskFilterForm(forms.Form):
    person = UserChoiceField(
        label=gettext_lazy("Person"),
        queryset=User.objects.none(),
        required=False,
        empty_label=gettext_lazy("everyone"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[
            ("", gettext_lazy("all")),
            (OVERDUE, gettext_lazy("overdue")),
            *Task.Status.choices,
        ],
    )

    def __init__(self, tenant: Tenant, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["person"]).queryset = members(tenant)
