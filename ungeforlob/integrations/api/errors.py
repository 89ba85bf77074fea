"""One JSON shape for every error the API answers, in Danish or English (by Accept-Language):

    {"error": {"code": "not_found", "message": "Findes ikke.", "details": []}}

`code` is stable and meant for programs; `message` is for people; `details` lists what was wrong with the input
(`{"loc": [...], "msg": "..."}`). Statuses: 400 unreadable request, 401 no or invalid token, 403 scope missing,
404 not found or not visible to the client (the same answer), 405 method, 409 conflict, 412 If-Match does not match,
422 invalid data, 428 If-Match missing on a write that needs it, 429 rate limited (with Retry-After).
The texts live here in both languages (not in the .po files): an integration reads the same words whatever the
state of the project's translations.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled, ValidationError

logger = logging.getLogger(__name__)

# code -> (status, Danish, English)
MESSAGES: dict[str, tuple[int, str, str]] = {
    "bad_request": (400, "Forespørgslen kunne ikke læses.", "The request could not be read."),
    "token_in_url": (400, "Adgangstokenet må kun sendes i Authorization-headeren, aldrig i adressen.",
                     "The access token may only be sent in the Authorization header, never in the URL."),
    "unauthorized": (401, "Angiv et gyldigt adgangstoken: Authorization: Bearer <token>.",
                     "Give a valid access token: Authorization: Bearer <token>."),
    "forbidden": (403, "Klienten har ikke rettighed til denne handling.",
                  "The client does not have the scope for this action."),
    "not_found": (404, "Findes ikke.", "Not found."),
    "method_not_allowed": (405, "Metoden er ikke tilladt her.", "Method not allowed."),
    "conflict": (409, "Handlingen strider mod data, som de er nu.", "The action conflicts with the current data."),
    "precondition_failed": (412, "Data er ændret, siden de blev hentet (If-Match passer ikke med ETag). "
                                 "Hent dem igen, og prøv igen.",
                            "The data changed since it was fetched (If-Match does not match the ETag). "
                            "Fetch it again and retry."),
    "validation_error": (422, "Data er ikke gyldige.", "The data is not valid."),
    "precondition_required": (428, "Angiv If-Match med den ETag, der blev hentet.",
                              "Send If-Match with the ETag that was fetched."),
    "rate_limited": (429, "For mange kald. Vent lidt, og prøv igen.", "Too many requests. Wait and try again."),
    "server_error": (500, "Der skete en fejl hos os.", "Something went wrong on our side."),
}


class ApiError(Exception):
    """Raise from an endpoint or helper to answer with the error shape (`code` a key of MESSAGES)."""

    def __init__(self, code: str, *, details: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None, message: str = "", status: int | None = None) -> None:
        self.code = code
        self.status = status or MESSAGES.get(code, MESSAGES["bad_request"])[0]
        self.details = details or []
        self.headers = headers or {}
        self.message = message
        super().__init__(code)


def message_for(code: str) -> str:
    _status, danish, english = MESSAGES.get(code, MESSAGES["bad_request"])
    return english if (translation.get_language() or "da").startswith("en") else danish


def error_response(code: str, *, status: int | None = None, details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None, message: str = "") -> HttpResponse:
    status = status or MESSAGES.get(code, MESSAGES["bad_request"])[0]
    body = {"error": {"code": code, "message": message or message_for(code), "details": details or []}}
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status,
                            content_type="application/json; charset=utf-8")
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _validation_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    details = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        details.append({"loc": loc, "msg": str(error.get("msg", "")), "type": str(error.get("type", ""))})
    return details


def _django_validation_details(exc: DjangoValidationError) -> list[dict[str, Any]]:
    if hasattr(exc, "error_dict"):
        return [{"loc": ["body", field], "msg": " ".join(str(m) for m in messages), "type": "invalid"}
                for field, messages in exc.message_dict.items()]
    return [{"loc": ["body"], "msg": str(m), "type": "invalid"} for m in exc.messages]


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 412: "precondition_failed", 422: "validation_error",
               428: "precondition_required", 429: "rate_limited"}


def install(api: NinjaAPI) -> None:
    """Replace ninja's error answers by the one shape."""

    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return error_response(exc.code, status=exc.status, details=exc.details, headers=exc.headers,
                              message=exc.message)

    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response("not_found")

    def authentication(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response("unauthorized", headers={"WWW-Authenticate": 'Bearer realm="ungeforlob"'})

    def authorization(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response("forbidden")

    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return error_response("rate_limited", headers={"Retry-After": str(exc.wait or 60)})

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = _HTTP_CODES.get(exc.status_code, "bad_request")
        return error_response(code, status=exc.status_code if exc.status_code in _HTTP_CODES else 400)

    def validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return error_response("validation_error", details=_validation_details(exc.errors))

    def django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return error_response("validation_error", details=_django_validation_details(exc))

    def permission_denied(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response("forbidden")

    def anything_else(request: HttpRequest, exc: Exception) -> HttpResponse:
        # A defect, never an answer we mean to give: logged with its traceback, answered in the shape.
        logger.exception("API error on %s %s", request.method, request.path)
        return error_response("server_error")

    api.add_exception_handler(Exception, anything_else)
    api.add_exception_handler(ApiError, api_error)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(AuthenticationError, authentication)
    api.add_exception_handler(AuthorizationError, authorization)
    api.add_exception_handler(Throttled, throttled)
    api.add_exception_handler(ValidationError, validation)
    api.add_exception_handler(DjangoValidationError, django_validation)
    api.add_exception_handler(PermissionDenied, permission_denied)
