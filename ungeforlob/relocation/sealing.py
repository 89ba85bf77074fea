"""Sealing and opening a handover package: signed with Ed25519, encrypted with Fernet for its receiver.

The file is a small JSON envelope around one Fernet token. Inside the token lie the package document and the
sending installation's Ed25519 signature over its canonical JSON. So the receiver knows two things before
anything is imported: nobody without the receiver's key could read or change the package on the way (Fernet is
itself authenticated), and the package was made by the installation it names (the signature, checked with that
installation's public key).

Keys:

* Between two municipalities of one installation, each municipality's key is derived from the installation's
  secret (`RELOCATION_SECRET`, or `SECRET_KEY` when it is not set): nothing to exchange.
* Between two installations, the receiving installation hands its inbox key (`RELOCATION_INBOX_KEY`) and its
  public key to the sender out of band (`manage.py relocation_keys` prints both); the sender lists them in
  `RELOCATION_PARTNERS = {"<name>": {"inbox_key": "...", "public_key": "..."}}`, and the receiver lists the
  sender's public key the same way. `RELOCATION_INSTALLATION` names this installation in the files it seals.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FORMAT = "ungeforlob-flyttepakke"
SCHEMA = "ungeforlob.flytning/1"
SUPPORTED_SCHEMAS = frozenset({SCHEMA})
# A handover package is a few hundred kilobytes at most; a larger upload is refused before it is parsed.
MAX_FILE_BYTES = 5 * 1024 * 1024


def _secret() -> bytes:
    return str(getattr(settings, "RELOCATION_SECRET", "") or settings.SECRET_KEY).encode()


def _derive(label: str) -> bytes:
    return HKDF(algorithm=SHA256(), length=32, salt=b"ungeforlob-relocation", info=label.encode()).derive(_secret())


def installation_name() -> str:
    return str(getattr(settings, "RELOCATION_INSTALLATION", "") or "Ungeforløb")


def tenant_key(municipality: Any) -> bytes:
    """The Fernet key of a municipality of this installation (derived; never stored or shown)."""
    return base64.urlsafe_b64encode(_derive(f"tenant:{municipality.code}"))


def inbox_key() -> bytes:
    """This installation's key for packages from other installations (given to them out of band)."""
    configured = getattr(settings, "RELOCATION_INBOX_KEY", "")
    return configured.encode() if configured else base64.urlsafe_b64encode(_derive("inbox"))


def _signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_derive("signing"))


def public_key() -> str:
    """This installation's public key (base64), which the installations receiving its packages trust."""
    return base64.b64encode(_signing_key().public_key().public_bytes_raw()).decode()


def partners() -> dict[str, dict[str, str]]:
    """The other installations this one exchanges packages with: name -> inbox_key and public_key."""
    value = getattr(settings, "RELOCATION_PARTNERS", {}) or {}
    return {str(name): dict(keys) for name, keys in value.items()}


def _public_key_of(installation: str) -> Ed25519PublicKey | None:
    if installation == installation_name():
        return _signing_key().public_key()
    text = partners().get(installation, {}).get("public_key", "")
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error):
        return None


def canonical(document: dict[str, Any]) -> bytes:
    """The bytes the signature covers: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def seal(document: dict[str, Any], *, key: bytes) -> str:
    """The file's text: the document signed by this installation and encrypted with the receiver's `key`."""
    inner = {"algorithm": "Ed25519", "document": document,
             "signature": base64.b64encode(_signing_key().sign(canonical(document))).decode()}
    token = Fernet(key).encrypt(json.dumps(inner, ensure_ascii=False).encode()).decode()
    envelope = {
        "format": FORMAT,
        "schema": document["schema"],
        "package_id": document["package_id"],
        "sender": {"installation": document["sender"]["installation"],
                   "municipality": document["sender"]["municipality"]},
        "receiver": document["receiver"],
        "encryption": "Fernet",
        "sealed": token,
    }
    return json.dumps(envelope, ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class Envelope:
    """What the outside of a file says (not trusted until `open_sealed` has checked it)."""

    package_id: str
    sender_installation: str
    sender_municipality: str
    token: str


def read_envelope(text: str) -> Envelope:
    """The outside of a package file, or ValidationError (Danish) when the text is not one."""
    not_a_package = ValidationError(_("Filen er ikke en flyttepakke fra Ungeforløb."))
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        raise not_a_package from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise not_a_package
    if data.get("schema") not in SUPPORTED_SCHEMAS:
        raise ValidationError(_("Pakken er lavet i en version af formatet, som denne installation ikke kan læse."))
    sender = data.get("sender") if isinstance(data.get("sender"), dict) else {}
    fields = (data.get("package_id"), sender.get("installation"), sender.get("municipality"), data.get("sealed"))
    if not all(isinstance(v, str) and v for v in fields):
        raise not_a_package
    return Envelope(*fields)  # type: ignore[arg-type]


def open_sealed(text: str, *, keys: list[bytes]) -> dict[str, Any]:
    """The checked document of a package file: decrypted with one of `keys`, its signature verified.

    Raises ValidationError with a Danish message when the file is not a package, was changed on the way or
    encrypted for someone else, names a sender this installation does not know, or its signature does not match.
    """
    envelope = read_envelope(text)
    inner_bytes = None
    for key in keys:
        try:
            inner_bytes = Fernet(key).decrypt(envelope.token.encode())
            break
        except (InvalidToken, ValueError, binascii.Error):
            continue
    if inner_bytes is None:
        raise ValidationError(_("Pakken kan ikke åbnes: den er ændret undervejs, eller den er krypteret til en "
                                "anden modtager."))
    try:
        inner = json.loads(inner_bytes)
        document, signature = inner["document"], base64.b64decode(inner["signature"], validate=True)
    except (ValueError, TypeError, KeyError, binascii.Error):
        raise ValidationError(_("Filen er ikke en flyttepakke fra Ungeforløb.")) from None
    if not isinstance(document, dict):
        raise ValidationError(_("Filen er ikke en flyttepakke fra Ungeforløb."))
    sender = document.get("sender") or {}
    installation = str(sender.get("installation", "")) if isinstance(sender, dict) else ""
    verifier = _public_key_of(installation)
    if verifier is None:
        raise ValidationError(_("Afsenderen (%(name)s) er ikke kendt af denne installation. Bed administratoren om "
                                "at udveksle nøgler med afsenderen.") % {"name": installation[:100]})
    try:
        verifier.verify(signature, canonical(document))
    except InvalidSignature:
        raise ValidationError(_("Pakkens underskrift passer ikke: indholdet er ændret, efter at den blev sendt. "
                                "Den kan ikke importeres.")) from None
    if document.get("package_id") != envelope.package_id or document.get("schema") not in SUPPORTED_SCHEMAS:
        raise ValidationError(_("Pakkens underskrift passer ikke: indholdet er ændret, efter at den blev sendt. "
                                "Den kan ikke importeres."))
    return document
