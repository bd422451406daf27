"""Every error of the API as JSON, in the request's language, and never a server error for bad input.

Bodies: `{"detail": "..."}` (400, 401, 403, 404), `{"detail": "...", "problems": [...]}` when
Mitra's rules refuse (409), and `{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}` for
input that does not validate (422), the shape ninja uses for its own validation errors.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from mitra.api.messages import pydantic_message
from mitra.api.parser import ControlCharacterInBody
from mitra.lib.refusal import Refused
from mitra.lib.text import control_character_message


class ErrorOut(Schema):
    detail: str


class RefusalOut(Schema):
    detail: str
    problems: list[str]


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationOut(Schema):
    detail: list[FieldError]


# The error responses every operation may give, for the OpenAPI schema.
READ_ERRORS: dict[int, type[Schema]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ValidationOut,
    429: ErrorOut,  # too many wrong API tokens (or passwords) from the caller's address
}
WRITE_ERRORS: dict[int, type[Schema]] = {**READ_ERRORS, 409: RefusalOut}


class FormInvalid(Exception):
    """Input that passed the schema but not the web form's validation (same rules as the web).

    `errors` maps field names to messages ("__all__" for the whole form); `loc` is where the
    form's input sits in the request, such as ("body",) or ("body", "parties", 0).
    """

    def __init__(
        self, errors: Mapping[str, list[str]], loc: tuple[str | int, ...] = ("body",)
    ) -> None:
        super().__init__(dict(errors))
        self.errors = errors
        self.loc = loc


def _field_errors(exc: FormInvalid) -> list[dict[str, Any]]:
    return [
        {
            "loc": list(exc.loc) if name == "__all__" else [*exc.loc, name],
            "msg": message,
            "type": "invalid",
        }
        for name, messages in exc.errors.items()
        for message in messages
    ]


# The names of the views' own parameters, which ninja puts in `loc`; clients never see them.
PARAMETER_NAMES = frozenset({"payload", "filters"})


def _loc(loc: Any) -> list[str | int]:
    parts = [part if isinstance(part, int) else str(part) for part in loc]
    if len(parts) > 1 and parts[1] in PARAMETER_NAMES:
        del parts[1]
    return parts


def _schema_errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [
        {
            "loc": _loc(error["loc"]),
            "msg": pydantic_message(error),
            "type": str(error.get("type", "invalid")),
        }
        for error in exc.errors
        if isinstance(error, dict) and "loc" in error
    ] or [{"loc": [], "msg": _("The request is not valid."), "type": "invalid"}]


Handler = Callable[[HttpRequest, Any], HttpResponse]


def install(api: NinjaAPI) -> None:
    """Register the handlers; the most specific exception class wins."""

    def respond(request: HttpRequest, data: Any, status: int) -> HttpResponse:
        return api.create_response(request, data, status=status)

    def schema_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return respond(request, {"detail": _schema_errors(exc)}, 422)

    def form_error(request: HttpRequest, exc: FormInvalid) -> HttpResponse:
        return respond(request, {"detail": _field_errors(exc)}, 422)

    def control_character(request: HttpRequest, exc: ControlCharacterInBody) -> HttpResponse:
        error = {"loc": exc.loc, "msg": control_character_message(), "type": "control_character"}
        return respond(request, {"detail": [error]}, 422)

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, ControlCharacterInBody):  # raised by the body's parser
            return control_character(request, exc.__cause__)
        if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
            error = {
                "loc": ["body"],
                "msg": _("The body is not valid JSON."),
                "type": "json_invalid",
            }
            return respond(request, {"detail": [error]}, 422)
        return respond(request, {"detail": str(exc)}, exc.status_code)

    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = _("Sign in, or send a valid API token as “Authorization: Bearer <token>”.")
        response = respond(request, {"detail": message}, 401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, {"detail": _("Not found.")}, 404)

    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, {"detail": str(exc) or _("You may not do this.")}, 403)

    def refused(request: HttpRequest, exc: Refused) -> HttpResponse:
        if exc.fields:  # a rule about the input, as the form's own checks: 422 at the field
            placed = {p for found in exc.fields.values() for p in found}
            errors = {**exc.fields, "__all__": [p for p in exc.problems if p not in placed]}
            return form_error(request, FormInvalid({k: v for k, v in errors.items() if v}))
        return respond(request, {"detail": str(exc), "problems": exc.problems}, 409)

    def bad_request(request: HttpRequest, exc: Exception) -> HttpResponse:
        if isinstance(exc, RequestDataTooBig):
            return respond(request, {"detail": _("The request is too large.")}, 400)
        return respond(request, {"detail": _("The request could not be read.")}, 400)

    handlers: list[tuple[type[Exception], Handler]] = [
        (ValidationError, schema_error),
        (ControlCharacterInBody, control_character),
        (FormInvalid, form_error),
        (HttpError, http_error),
        (AuthenticationError, unauthenticated),
        (Http404, not_found),
        (PermissionDenied, forbidden),
        (Refused, refused),
        (SuspiciousOperation, bad_request),
        (MultiPartParserError, bad_request),
        (UnreadablePostError, bad_request),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, handler)
