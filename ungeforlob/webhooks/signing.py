"""Signing secrets and signatures: what a receiver needs to trust a delivery.

The header `X-Ungeforlob-Signature: t=<unix seconds>,v1=<hex>` carries HMAC-SHA256 with the subscription's
secret over `<t>.<body>` (the body exactly as sent). A receiver recomputes it, compares in constant time and
refuses a timestamp older than a few minutes (a replayed request).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.fernet import Fernet
from django.conf import settings

SIGNATURE_HEADER = "X-Ungeforlob-Signature"
SECRET_PREFIX = "whsec_"


def _fernet() -> Fernet:
    configured = getattr(settings, "WEBHOOK_ENCRYPTION_KEY", "")
    material = (base64.urlsafe_b64decode(configured) if configured
                else hashlib.sha256(("webhook-secret-key:" + settings.SECRET_KEY).encode()).digest())
    return Fernet(base64.urlsafe_b64encode(material[:32]))


def secret_new() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def secret_encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def secret_decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256)
    return mac.hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def signature_verify(secret: str, header: str, body: bytes, *, now: int, tolerance: int = 300) -> bool:
    """What a receiver does (and the tests' receiver does): parse, recompute, compare, refuse stale ones."""
    parts = dict(part.split("=", 1) for part in (header or "").split(",") if "=" in part)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(parts.get("v1", ""), signature(secret, timestamp, body))
