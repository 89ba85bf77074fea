"""Schemas every router of API v1 shares: the error shape (for the OpenAPI document)."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema


class ErrorBody(Schema):
    code: str = Field(description="Stabil kode til programmer, fx not_found, forbidden, validation_error.")
    message: str = Field(description="Til mennesker, på dansk eller engelsk efter Accept-Language.")
    details: list[dict[str, Any]] = Field(default_factory=list)


class Error(Schema):
    error: ErrorBody


# Every operation documents these (use `response={200: Out, **ERRORS}`); writes add WRITE_ERRORS.
ERRORS: dict[int, type[Schema]] = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error}
WRITE_ERRORS: dict[int, type[Schema]] = {**ERRORS, 409: Error, 412: Error, 428: Error}
