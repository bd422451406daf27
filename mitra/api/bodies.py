"""Request bodies: always a JSON object, and for PATCH only the fields given, never a null for a
field that cannot be empty.

Ninja's `Schema` reads any value by its attributes, so a body such as `[null, null]`, `"x"` or
`42` would pass as an object with no fields, and its `PatchDict` makes every field nullable.
`BodyIn` and `Patch[...]` say in the schema, and check, what the views can take.
"""

from typing import TYPE_CHECKING, Any

from ninja import Body, Schema
from ninja.patch_dict import ModelToDict
from ninja.schema import DjangoGetter
from pydantic import ConfigDict, create_model, model_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError


class BodyIn(Schema):
    """The base of every request body: a JSON object with the documented fields and no others
    (a misspelt field is refused, not silently ignored)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        # Ninja wraps what it validates in a DjangoGetter before this runs.
        given = data._obj if isinstance(data, DjangoGetter) else data
        if not isinstance(given, dict):
            raise PydanticCustomError("dict_type", "Input should be an object")
        return data


def _without_defaults(schema: dict[str, Any]) -> None:
    # A field left out of a PATCH keeps its stored value, so no default is documented.
    for prop in schema.get("properties", {}).values():
        prop.pop("default", None)


def _optional(info: FieldInfo) -> FieldInfo:
    """The same field, not required; its type (and so whether it may be null) unchanged."""
    return FieldInfo.merge_field_infos(info, default=None)


def patch_schema(schema_cls: type[Schema]) -> type[ModelToDict]:
    """A body of `schema_cls` in which every field may be left out, read as a dict of the given
    fields (`exclude_unset`)."""
    fields: dict[str, Any] = {
        name: (info.annotation, _optional(info)) for name, info in schema_cls.model_fields.items()
    }
    model = create_model(
        f"{schema_cls.__name__}Patch",
        __base__=BodyIn,
        __doc__=f"Only the fields to change. {schema_cls.__doc__ or ''}".strip(),
        **fields,
    )
    model.model_config["json_schema_extra"] = _without_defaults
    model.model_rebuild(force=True)

    class PatchBody(ModelToDict):
        _wrapped_model = model
        _wrapped_model_dump_params = {"exclude_unset": True}

    return PatchBody


if TYPE_CHECKING:

    class Patch[T](dict[str, Any]):
        """`payload: Patch[EventIn]`: the given fields of an EventIn, as a dict."""

else:

    class _PatchUtil:
        def __getitem__(self, schema_cls: type[Schema]) -> Any:
            return Body[patch_schema(schema_cls)]

    Patch = _PatchUtil()
