"""Forms for a staff profile: what the administrator sets, what each person sets, languages."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from mitra.cooperations.models import Sector
from mitra.staff.languages import language_choices
from mitra.staff.models import Competency, StaffLanguage, StaffProfile


class SkillsForm(forms.Form):
    """What anyone may say about themselves: competencies and sectors."""

    competencies = forms.MultipleChoiceField(
        label=_("Competencies"),
        choices=Competency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ProfileForm(SkillsForm):
    """The administrator's form: employment, position and capacity as well."""

    employment_type = forms.ChoiceField(
        label=_("Employment type"), choices=StaffProfile.EmploymentType.choices
    )
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    max_load = forms.IntegerField(
        label=_("Maximum load"),
        min_value=1,
        max_value=100,
        help_text=_("Open tasks plus owned live cooperations this person can carry."),
    )
    field_order = ["employment_type", "position", "max_load", "competencies", "sectors"]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", "—"), *StaffLanguage.Level.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = cast(forms.ChoiceField, self.fields["language"])
        language.choices = [("", "—"), *language_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("language")) != bool(data.get("level")):
            raise forms.ValidationError(_("Choose both a language and a level, or neither."))
        return data


LanguageFormSet = forms.formset_factory(LanguageForm, extra=2)


def profile_initial(profile: StaffProfile | None) -> dict[str, Any]:
    if profile is None:
        return {"employment_type": StaffProfile.EmploymentType.PNS, "max_load": 8}
    return {
        "employment_type": profile.employment_type,
        "position": profile.position,
        "max_load": profile.max_load,
        "competencies": profile.competencies,
        "sectors": list(profile.sectors.all()),
    }


def languages_initial(profile: StaffProfile | None) -> list[dict[str, str]]:
    spoken = profile.languages.all() if profile else []
    return [{"language": s.language, "level": s.level} for s in spoken]


def chosen_languages(formset: Any) -> list[tuple[str, str]]:
    return [
        (form.cleaned_data["language"], form.cleaned_data["level"])
        for form in formset.forms
        if form.cleaned_data.get("language")
    ]
