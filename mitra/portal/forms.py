"""Forms of the portal: the public list's filters, and the officer's public text and intro."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mitra.cooperations.models import Cooperation
from mitra.portal.models import PortalPage, Publication
from mitra.portal.public import PublicFilters
from mitra.portal.stages import Stage

Choice = tuple[str, str]


class PublicFilterForm(forms.Form):
    """Narrow the public list; a value not on offer is ignored rather than refused."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    country = forms.ChoiceField(label=_("Partner country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(
        self, data: Any, *, countries: Sequence[Choice], sectors: Sequence[Choice]
    ) -> None:
        """`countries` and `sectors`: those of the published cooperations (`country_choices`,
        `sector_choices` or their `_of` versions)."""
        super().__init__(data)
        everything = [("", _("all"))]
        self.fields["kind"].choices = [*everything, *Cooperation.Kind.choices]  # type: ignore[attr-defined]
        self.fields["stage"].choices = [*everything, *Stage.choices]  # type: ignore[attr-defined]
        self.fields["country"].choices = [*everything, *countries]  # type: ignore[attr-defined]
        self.fields["sector"].choices = [*everything, *sectors]  # type: ignore[attr-defined]

    def filters(self) -> PublicFilters:
        self.is_valid()  # fills cleaned_data with the valid fields only
        cleaned = self.cleaned_data
        return PublicFilters(**{name: cleaned.get(name) or "" for name in self.fields})

    @property
    def narrowed(self) -> bool:
        return any(vars(self.filters()).values())


class PublicationForm(forms.ModelForm[Publication]):
    class Meta:
        model = Publication
        fields = ["public_title", "public_summary"]
        labels = {"public_title": _("Title for the public")}
        help_texts = {
            "public_title": _("As the public should read it; the internal title is never shown."),
            "public_summary": _(
                "A few sentences for the public: what the cooperation is about and what it "
                "brings. The internal summary, notes, budget and documents are never shown."
            ),
        }
        widgets = {"public_summary": forms.Textarea(attrs={"rows": 6})}


class PortalIntroForm(forms.ModelForm[PortalPage]):
    class Meta:
        model = PortalPage
        fields = ["intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 4})}
