"""Access tokens of integration clients: random, shown once, kept only as their SHA-256."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_START = "ugf_"
PREFIX_LENGTH = 12  # "ugf_" and 8 characters: tells tokens apart in lists, reveals nothing usable


def new_token() -> str:
    return TOKEN_START + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def prefix_of(token: str) -> str:
    return token[:PREFIX_LENGTH]
