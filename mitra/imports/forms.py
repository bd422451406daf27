"""The upload form: the file must be a register Mitra can read; its rows are checked afterwards."""

from pathlib import PurePath
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitra.imports.parsing import Sheet, UnreadableFile, read_sheet

MAX_BYTES = 5 * 1024 * 1024
# .xls and .ods pass here so that the reader can say what to do with them.
SUFFIXES = frozenset({".xlsx", ".xlsm", ".csv", ".txt", ".tsv", ".xls"})


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Register file"),
        help_text=gettext_lazy(
            "An Excel workbook (.xlsx) or a CSV file, at most 5 MB, with one row per cooperation."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xlsm,.csv,.txt"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sheet: Sheet | None = None
        self.content = b""

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        if PurePath(name).suffix.lower() not in SUFFIXES:
            raise ValidationError(_("Upload an Excel workbook (.xlsx) or a CSV file."))
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)}
            )
        self.content = upload.read()
        try:
            self.sheet = read_sheet(name, self.content)
        except UnreadableFile as error:
            raise ValidationError(str(error)) from None
        return upload
