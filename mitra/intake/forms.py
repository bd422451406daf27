"""Forms of news intake: submitting texts, and reviewing the facts proposed from one.

They check shapes, sizes and that a file is readable text; what may be recorded is decided
by `services`.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitra.cooperations.models import Sector
from mitra.intake.extract.sources import strip_html
from mitra.intake.models import Stage
from mitra.intake.review import PartnerRow, resolve_region
from mitra.intake.services import AcceptedPartner, Source
from mitra.lib.dates import SaneDateField
from mitra.lib.uploads import POLICIES, UploadField, accepted
from mitra.partners.models import Country, Partner

MAX_FILES = 20
MAX_TEXT_CHARS = 200_000
ENCODINGS = ("utf-8-sig", "cp1252")


def text_of_html(html: str) -> str:
    """The text of an HTML file: the extractor's own tag stripping, so that the web and
    `mitra extract` read a page alike."""
    return strip_html(html)


def clean_text(text: str) -> str:
    """Line ends made uniform and outer blank space dropped, before any offset is taken."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def decode(raw: bytes) -> str | None:
    if b"\x00" in raw:
        return None
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_upload(upload: UploadedFile[bytes]) -> tuple[str, str | None]:
    """(text, problem): the text of an uploaded .txt, .md or .html file (its name and size
    checked by `UploadField` already), or why there is none."""
    name = Path(upload.name or "").name
    upload.seek(0)
    raw = decode(upload.read())
    if raw is None:
        return "", _("“%(name)s” is not a text file.") % {"name": name}
    text = clean_text(text_of_html(raw) if name.lower().endswith((".html", ".htm")) else raw)
    if not text:
        return "", _("“%(name)s” contains no text.") % {"name": name}
    if len(text) > MAX_TEXT_CHARS:
        return "", _("“%(name)s” is longer than a news article can be.") % {"name": name}
    return text, None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleUploadField(UploadField):
    """Several files in one input; cleans to a list of uploads (empty when none)."""

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[bytes]]:
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        single = super().clean
        return [single(upload, initial) for upload in uploads if upload]


class SubmitForm(forms.Form):
    """One pasted text, or one or many files, each becoming one news item."""

    text = forms.CharField(
        label=gettext_lazy("Text of the article"),
        required=False,
        max_length=MAX_TEXT_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=gettext_lazy("Paste the article's headline and body."),
    )
    uploads = MultipleUploadField(
        policy="articles",
        label=gettext_lazy("Or files"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": accepted("articles")}),
    )
    source_name = forms.CharField(
        label=gettext_lazy("Source"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("The outlet or the headline, such as “Antara, 2 July 2025”."),
    )
    source_url = forms.URLField(
        label=gettext_lazy("Web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy("Of a single article."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["uploads"].help_text = _(
            ".txt, .md or .html, up to %(count)s files of at most %(limit)s each; "
            "each file becomes one news item."
        ) % {"count": MAX_FILES, "limit": filesizeformat(POLICIES["articles"].max_bytes())}

    def clean_text(self) -> str:
        return clean_text(self.cleaned_data.get("text") or "")

    def clean_uploads(self) -> list[tuple[str, str]]:
        uploads: list[UploadedFile[bytes]] = self.cleaned_data.get("uploads") or []
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(
                _("Choose at most %(count)s files at once.") % {"count": MAX_FILES}
            )
        read = [(Path(upload.name or "").name, read_upload(upload)) for upload in uploads]
        problems = [problem for _name, (_text, problem) in read if problem]
        if problems:
            raise forms.ValidationError(problems)
        return [(name, text) for name, (text, _problem) in read]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        text, files = cleaned.get("text"), cleaned.get("uploads")
        if "text" in cleaned and "uploads" in cleaned and not text and not files:
            self.add_error("text", _("Paste the text of an article, or choose files."))
        if text and files:
            self.add_error("uploads", _("Paste a text or choose files, not both."))
        if files and len(files) > 1 and cleaned.get("source_url"):
            self.add_error("source_url", _("A web address belongs to one article; leave it empty."))
        return cleaned

    def sources(self) -> list[Source]:
        data = self.cleaned_data
        shared = {"source_name": data["source_name"], "source_url": data["source_url"]}
        if data["text"]:
            return [Source(text=data["text"], **shared)]
        return [Source(text=text, file_name=name, **shared) for name, text in data["uploads"]]


# -- Review ----------------------------------------------------------------------------------


def country_choices() -> list[tuple[str, str]]:
    countries = sorted(((c.code, c.name) for c in Country.objects.all()), key=lambda c: c[1])
    return [("", "—"), *countries]


class PartnerRowForm(forms.Form):
    """One partner proposal: accept it or not, and correct it."""

    accept = forms.BooleanField(label=gettext_lazy("Accept"), required=False)
    name = forms.CharField(label=gettext_lazy("Name"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), required=False, choices=[("", "—"), *Partner.Kind.choices]
    )
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    region = forms.CharField(
        label=gettext_lazy("Region in Indonesia"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("For an Indonesian region: its name or Kemendagri code."),
    )
    link = forms.ChoiceField(label=gettext_lazy("Record as"), required=False)
    changes = forms.MultipleChoiceField(
        label=gettext_lazy("Changes to the existing records"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None is made unless you tick it."),
    )

    def __init__(
        self,
        *args: Any,
        row: PartnerRow | None = None,
        countries: Sequence[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.row = row or PartnerRow(initial={})
        cast(forms.ChoiceField, self.fields["country"]).choices = list(countries)
        cast(forms.ChoiceField, self.fields["link"]).choices = self._link_choices()
        offered = [(change.key, change.label) for change in self.row.changes]
        cast(forms.MultipleChoiceField, self.fields["changes"]).choices = offered

    def _link_choices(self) -> list[tuple[str, str]]:
        row = self.row
        if row.exact is not None:
            first = _("the existing partner %(name)s") % {"name": row.exact.name}
        else:
            first = _("a new partner")
        others = [
            (str(p.pk), _("the existing partner %(name)s") % {"name": p.name})
            for p in row.suggestions
        ]
        return [("", first), *others]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("accept"):
            return cleaned
        if not (cleaned.get("name") or "").strip():
            self.add_error("name", _("An accepted partner needs a name."))
        kind = cleaned.get("kind")
        if not kind:
            self.add_error("kind", _("Choose the kind of partner."))
        cleaned["country"] = Country.objects.filter(code=cleaned.get("country") or "").first()
        foreign = bool(kind) and kind not in Partner.DOMESTIC_KINDS
        if foreign and cleaned["country"] is None and "country" not in self.errors:
            self.add_error("country", _("A foreign partner needs a country."))
        cleaned["region"] = self._region(kind, cleaned.get("region") or "")
        return cleaned

    def _region(self, kind: str | None, typed: str) -> Any:
        if kind != Partner.Kind.INDONESIAN_REGION:
            return None
        region = resolve_region(typed)
        if region is None:
            message = (
                _("No Indonesian region is called “%(name)s”.") % {"name": typed}
                if typed.strip()
                else _("Name the region, or give its Kemendagri code.")
            )
            self.add_error("region", message)
        return region

    def accepted(self) -> AcceptedPartner | None:
        data = self.cleaned_data
        if not data.get("accept"):
            return None
        chosen = {str(p.pk): p for p in self.row.suggestions}.get(data.get("link") or "")
        return AcceptedPartner(
            name=data["name"].strip(),
            kind=data["kind"],
            country=data["country"],
            region=data["region"],
            place_id=self.row.place_id,
            partner=chosen,
            written_as=self.row.written_as,
            evidence=self.row.evidence,
            changes=frozenset(data.get("changes") or ()),
        )


class BasePartnerRowFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def __init__(
        self,
        *args: Any,
        rows: Sequence[PartnerRow],
        countries: Sequence[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        self.rows = list(rows)
        self.countries = countries
        # The rows come from the stored proposals: a posted count beyond them is cut off.
        self.max_num = self.absolute_max = len(self.rows)
        kwargs.setdefault("initial", [row.initial for row in self.rows])
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        row = self.rows[index] if index is not None and index < len(self.rows) else None
        return {"row": row, "countries": self.countries}

    def accepted(self) -> list[AcceptedPartner]:
        found = (form.accepted() for form in self.forms)
        return [accepted for accepted in found if accepted is not None]


PartnerRowFormSet = cast(
    type[BasePartnerRowFormSet],
    forms.formset_factory(
        PartnerRowForm, formset=BasePartnerRowFormSet, extra=0, validate_max=True
    ),
)


class ConfirmForm(forms.Form):
    """What applies to every accepted partner: the new cooperations' sectors, the stage the
    text reports, and the date of the news."""

    sectors = forms.MultipleChoiceField(
        label=gettext_lazy("Sectors of a new cooperation"),
        required=False,
        choices=Sector.Slug.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Only for a cooperation recorded from this article; an existing cooperation "
            "changes only as you tick it above."
        ),
    )
    stage = forms.ChoiceField(
        label=gettext_lazy("Stage the text reports"),
        required=False,
        choices=[("", gettext_lazy("not stated")), *Stage.choices],
        help_text=gettext_lazy(
            "Written in the activity. A new foreign cooperation moves to exploration; "
            "record documents and approvals through the procedure."
        ),
    )
    date = SaneDateField(
        label=gettext_lazy("Date of the news"),
        help_text=gettext_lazy(
            "When the news appeared; kept as evidence, not as your follow-up. Mitra starts from "
            "the latest day the article names; empty when it names none."
        ),
    )


class DismissForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Why dismiss it?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Optional, such as “not about our cooperation”."),
    )
