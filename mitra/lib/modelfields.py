"""Model fields shared by several apps."""

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst

Choices = Iterable[tuple[str, str | Promise]]


class ChoiceListField(models.JSONField):
    """A list of slugs from fixed choices, kept as a JSON list: the objects of a cooperation,
    a person's competencies.

    `item_choices` (the pairs, or a function returning them when they are defined further down
    the module) gives each slug its label, so that every place that shows the list (the page,
    the audit trail) shows the label in the user's language, never the slug. The column is a
    plain JSON list: migrations do not need to know the choices.
    """

    def __init__(
        self, *args: Any, item_choices: Choices | Callable[[], Choices] = (), **kwargs: Any
    ) -> None:
        self._item_choices = item_choices
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    @property
    def item_choices(self) -> list[tuple[str, str | Promise]]:
        found = self._item_choices
        return list(found() if callable(found) else found)

    def formfield(self, **kwargs: Any) -> Any:
        """Ticks with labels wherever a form is made from the model (Django's admin), never
        the JSON text of the slugs that a JSON field's own form field would show."""
        return forms.MultipleChoiceField(
            label=kwargs.get("label", capfirst(self.verbose_name)),
            help_text=self.help_text,
            required=not self.blank,
            choices=self.item_choices,
            widget=forms.CheckboxSelectMultiple,
        )

    def item_label(self, slug: object) -> str:
        """A slug's label in the active language; an unknown slug as it is."""
        return str(dict(self.item_choices).get(str(slug), slug))
