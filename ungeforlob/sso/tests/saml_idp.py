"""A SAML 2.0 identity provider for tests: pysaml2's own IdP (`saml2.server.Server`), in this process.

It stands in for KOMBIT's Context Handler: keys and a self-signed certificate are made by the test with
`cryptography`, its metadata is what the administrator pastes into Ungeforløb, and it reads our SP metadata
from our own metadata endpoint. `answer(location)` takes the URL our login sent the browser to (HTTP-Redirect
binding), checks the AuthnRequest and returns the base64 SAMLResponse the browser would POST to our ACS, with
the assertion signed (RSA-SHA256, SHA-256 digest) and the attributes the test chose. Knobs for the failure
tests: `sign_assertion`, `attributes`, `subject`, `other_key` (sign with a key the metadata does not name).
"""

from __future__ import annotations

import base64
import datetime
import tempfile
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import NameOID

IDP_ENTITY_ID = "https://kontekst.test/runtime/saml2/metadata.idp"
SSO_URL = "https://kontekst.test/runtime/saml2/issue.idp"
SIG_RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
PRIVILEGES = "dk:gov:saml:attribute:Privileges_intermediate"


def key_and_cert(directory: Path, name: str) -> tuple[str, str]:
    """A 2048-bit RSA key and a self-signed certificate, written as PEM files; returns their paths."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30)).sign(key, hashes.SHA256()))
    key_path, cert_path = directory / f"{name}.key", directory / f"{name}.crt"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(cert_path)


def privilege_list(*privileges: str, cvr: str = "29189846") -> str:
    """KOMBIT's Privileges_intermediate value: base64 of an OIOSAML basic privilege profile list."""
    inner = "".join(f"<Privilege>{p}</Privilege>" for p in privileges)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList '
           'xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">'
           f'<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:{cvr}">{inner}</PrivilegeGroup>'
           '</bpp:PrivilegeList>')
    return base64.b64encode(xml.encode()).decode()


class LocalIdP:
    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="sso-idp-"))
        self.key_file, self.cert_file = key_and_cert(self.directory, "idp")
        self.sp_metadata = ""
        self.subject = "CN=Anna Fagperson,Serial=8b3f2a"
        self.attributes: dict[str, list[str]] = {}
        self.sign_assertion = True
        self.other_key: tuple[str, str] | None = None
        self.requests: list[Any] = []
        self.lifetime_minutes = 5  # how long the assertion may be used (NotOnOrAfter)

    def _config(self, key_file: str, cert_file: str, sp_metadata: str = "") -> Any:
        from saml2 import BINDING_HTTP_REDIRECT
        from saml2.config import IdPConfig
        from saml2.saml import NAME_FORMAT_URI

        conf: dict[str, Any] = {
            "entityid": IDP_ENTITY_ID,
            "xmlsec_binary": "/usr/bin/xmlsec1",
            "key_file": key_file, "cert_file": cert_file,
            "signing_algorithm": SIG_RSA_SHA256, "digest_algorithm": DIGEST_SHA256,
            "allow_unknown_attributes": True,
            "service": {"idp": {
                "endpoints": {"single_sign_on_service": [(SSO_URL, BINDING_HTTP_REDIRECT)]},
                "policy": {"default": {"lifetime": {"minutes": self.lifetime_minutes}, "attribute_restrictions": None,
                                       "name_form": NAME_FORMAT_URI}},
            }},
        }
        if sp_metadata:
            conf["metadata"] = {"inline": [sp_metadata]}
        return IdPConfig().load(conf)

    def metadata(self) -> str:
        from saml2.metadata import entity_descriptor

        return str(entity_descriptor(self._config(self.key_file, self.cert_file)))

    def answer(self, location: str) -> str:
        """The SAMLResponse (base64) to the AuthnRequest in `location`."""
        from saml2 import BINDING_HTTP_REDIRECT
        from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID

        with warnings.catch_warnings():  # pysaml2's IdP imports a cipher mode cryptography has deprecated
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            from saml2.server import Server

        key_file, cert_file = self.other_key or (self.key_file, self.cert_file)
        server = Server(config=self._config(key_file, cert_file, self.sp_metadata))
        query = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
        request = server.parse_authn_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT)
        self.requests.append(query)
        message = request.message
        response = server.create_authn_response(
            identity=self.attributes, userid=self.subject, in_response_to=message.id,
            destination=message.assertion_consumer_service_url, sp_entity_id=message.issuer.text,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=self.subject),
            sign_assertion=self.sign_assertion, sign_response=False,
            sign_alg=SIG_RSA_SHA256, digest_alg=DIGEST_SHA256,
            authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:X509", "authn_auth": IDP_ENTITY_ID})
        return base64.b64encode(str(response).encode()).decode()
