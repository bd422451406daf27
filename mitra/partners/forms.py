"""Forms of the partner pages. They check shapes; consistency with the kind is the service's."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from mitra.lib.forms import set_choices
from mitra.lib.text import has_control_character
from mitra.partners.models import Country, Partner, Place
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant


def countries_by_name() -> QuerySet[Country]:
    """Countries ordered by their name in the active language."""
    english = (get_language() or "id").startswith("en")
    return Country.objects.order_by("name_en" if english else "name_id")


def places_in(country_code: str | None) -> QuerySet[Place]:
    # A NUL in the posted country reaches here before the form refuses it; PostgreSQL would fail.
    if not country_code or has_control_character(country_code):
        return Place.objects.none()
    return Place.objects.filter(country_id=country_code).order_by("name", "-population")


class CountryChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Country) -> str:
        return obj.name


class RegionChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Region) -> str:
        return f"{obj.name} ({obj.get_type_display()})"


class PlaceChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Place) -> str:
        return obj.name


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)

    def __init__(self, tenant: Tenant, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "kind", [("", _("all kinds")), *Partner.Kind.choices])
        countries = Country.objects.filter(partners__tenant=tenant).distinct()
        by_name = sorted(
            ((c.code, c.name) for c in countries), key=lambda choice: choice[1].casefold()
        )
        set_choices(self, "country", [("", _("all countries")), *by_name])


class PartnerForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Partner.Kind.choices)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    aliases = forms.CharField(
        label=gettext_lazy("Other names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "One per line: spellings and names used in the press (Kaoshiung, Solo)."
        ),
    )
    country = CountryChoiceField(
        label=gettext_lazy("Country"),
        queryset=Country.objects.none(),
        required=False,
        empty_label="—",
        help_text=gettext_lazy("Required for foreign partners."),
    )
    place = PlaceChoiceField(
        label=gettext_lazy("City in the gazetteer"),
        queryset=Place.objects.none(),
        required=False,
        empty_label="—",
        help_text=gettext_lazy("The cities of the chosen country with 15,000 people or more."),
    )
    region = RegionChoiceField(
        label=gettext_lazy("Region in Indonesia"),
        queryset=Region.objects.none(),
        required=False,
        empty_label="—",
        help_text=gettext_lazy("Required for an Indonesian region partner."),
    )
    website = forms.URLField(label=gettext_lazy("Website"), required=False, assume_scheme="https")
    notes = forms.CharField(
        label=gettext_lazy("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries_by_name()  # type: ignore[attr-defined]
        regions = Region.objects.order_by("name", "type")
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]
        if "place" in self.fields:
            self.fields["place"].queryset = self._places()  # type: ignore[attr-defined]

    def _places(self) -> QuerySet[Place]:
        if self.is_bound:
            country = self.data.get(self.add_prefix("country"))
        else:
            country = self.initial.get("country")
        return places_in(country.code if isinstance(country, Country) else country)

    def clean_aliases(self) -> list[str]:
        lines = (self.cleaned_data.get("aliases") or "").splitlines()
        return [line.strip() for line in lines if line.strip()]


class QuickPartnerForm(PartnerForm):
    """The few facts that make a partner, recorded from inside another page's form (the new
    cooperation's) without leaving it; other names, website and notes are added on the partner's
    page. Its fields are prefixed and belong to the `<form>` whose id is `form_id` (HTML's `form`
    attribute), so they can sit inside the other form without being part of it."""

    aliases = None  # type: ignore[assignment]
    website = None  # type: ignore[assignment]
    notes = None  # type: ignore[assignment]
    prefix = "partner"

    def __init__(self, *args: Any, form_id: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form_id = form_id
        # Beside the cooperation's own "Kind", the partner's fields say whose they are.
        self.fields["kind"].label = _("Kind of partner")
        self.fields["name"].label = _("Partner's name")
        for field in self.fields.values():
            field.widget.attrs["form"] = form_id


def partner_initial(partner: Partner) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(partner, name)
        for name in ("kind", "name", "country", "place", "region", "website", "notes")
    }
    initial["aliases"] = "\n".join(alias.alias for alias in partner.aliases.all())
    return initial


class ContactForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150)
    position = forms.CharField(label=gettext_lazy("Position"), required=False, max_length=150)
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    phone = forms.CharField(label=gettext_lazy("Phone"), required=False, max_length=50)
    language = forms.CharField(
        label=gettext_lazy("Language"),
        required=False,
        max_length=50,
        help_text=gettext_lazy("The language to write to this person in."),
    )
