"""The upload form: the file must be a register Mitra can read; its rows are checked afterwards."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from mitra.imports.parsing import Sheet, UnreadableFile, read_sheet
from mitra.lib.uploads import UploadField


class UploadForm(forms.Form):
    file = UploadField(policy="registers", label=gettext_lazy("Register file"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sheet: Sheet | None = None
        self.content = b""

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        self.content = upload.read()
        try:
            self.sheet = read_sheet(name, self.content)
        except UnreadableFile as error:
            raise ValidationError(str(error)) from None
        return upload
