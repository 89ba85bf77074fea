"""A small OpenID Connect provider for tests: a stand-in for the municipality's MitID broker.

It runs a real HTTP server on 127.0.0.1 (a free port) in a thread and implements just enough of the
authorization code flow with PKCE for Ungeforløb's client to talk to it as it would to a real broker:

- ``/.well-known/openid-configuration`` (discovery), ``/jwks`` (the public RSA key, generated at start);
- ``/authorize`` checks the request and at once redirects back with a code (no user interaction), or with
  ``error=access_denied`` when ``deny`` is set (the young person pressed *Afbryd*);
- ``/token`` checks the client secret, the redirect URI and the PKCE verifier, and returns an RS256-signed
  ID token with the nonce and, when ``cpr_in == "id_token"``, the CPR claim;
- ``/userinfo`` returns ``sub`` and the CPR claim for a valid access token.

It is written only with the standard library and ``cryptography`` (not with Authlib), so the client and the
provider do not share code. Knobs for the failure tests: ``signing_key`` (sign with another key),
``claim_overrides`` (e.g. a wrong nonce, audience or issuer), ``cpr``, ``cpr_claim``, ``cpr_in``, ``deny``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

NEMLOGIN_CPR_CLAIM = "https://data.gov.dk/model/core/eid/cprNumber"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _int_b64url(value: int) -> str:
    return b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def sign_rs256(key: rsa.RSAPrivateKey, header: dict[str, Any], claims: dict[str, Any]) -> str:
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{b64url(signature)}"


class FakeOIDCProvider:
    def __init__(self, *, cpr: str = "", client_id: str = "ungeforlob-test",
                 client_secret: str = "test-hemmelighed") -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = new_rsa_key()
        self.kid = "test-key-1"
        self.signing_key = self.key  # set to another key to send a token the client must refuse
        self.cpr = cpr
        self.cpr_claim = NEMLOGIN_CPR_CLAIM
        self.cpr_in = "id_token"  # "id_token" | "userinfo" | "nowhere"
        self.deny = False
        self.claim_overrides: dict[str, Any] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.access_tokens: dict[str, str] = {}  # access token -> sub
        self.requests: list[str] = []  # "METHOD /path" of every request received
        self.token_requests: list[dict[str, str]] = []
        self.sub = "8cb1e51c-13aa-4044-b9ac-8978cf1f113c"  # a pairwise pseudonym, as brokers give
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-oidc", daemon=True)

    # -- life cycle ------------------------------------------------------------------------------------
    @property
    def issuer(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def start(self) -> FakeOIDCProvider:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOIDCProvider:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- documents -------------------------------------------------------------------------------------
    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid", "ssn"],
        }

    def jwks(self) -> dict[str, Any]:
        numbers = self.key.public_key().public_numbers()
        return {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid,
                          "n": _int_b64url(numbers.n), "e": _int_b64url(numbers.e)}]}

    def id_token(self, *, nonce: str, access_token: str) -> str:
        now = int(time.time())
        at_hash = b64url(hashlib.sha256(access_token.encode()).digest()[:16])
        claims: dict[str, Any] = {"iss": self.issuer, "sub": self.sub, "aud": self.client_id, "iat": now,
                                  "exp": now + 300, "auth_time": now, "nonce": nonce, "at_hash": at_hash,
                                  "acr": "https://data.gov.dk/concept/core/nsis/Substantial"}
        if self.cpr_in == "id_token":
            claims[self.cpr_claim] = self.cpr
        claims.update(self.claim_overrides)
        return sign_rs256(self.signing_key, {"alg": "RS256", "typ": "JWT", "kid": self.kid}, claims)


def _handler_for(provider: FakeOIDCProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - keep test output quiet
            pass

        # -- helpers -----------------------------------------------------------------------------------
        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        # -- GET -----------------------------------------------------------------------------------------
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            url = urlsplit(self.path)
            provider.requests.append(f"GET {url.path}")
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                self._json(200, provider.discovery())
            elif url.path == "/jwks":
                self._json(200, provider.jwks())
            elif url.path == "/authorize":
                self._authorize(query)
            elif url.path == "/userinfo":
                self._userinfo()
            else:
                self._json(404, {"error": "not_found"})

        def _authorize(self, q: dict[str, str]) -> None:
            redirect_uri = q.get("redirect_uri", "")
            problems = []
            if q.get("client_id") != provider.client_id:
                problems.append("client_id")
            if q.get("response_type") != "code":
                problems.append("response_type")
            if "openid" not in q.get("scope", "").split():
                problems.append("scope")
            if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
                problems.append("pkce")
            if not q.get("state") or not q.get("nonce"):
                problems.append("state/nonce")
            if problems or not redirect_uri:
                self._json(400, {"error": "invalid_request", "error_description": ",".join(problems)})
                return
            separator = "&" if "?" in redirect_uri else "?"
            if provider.deny:
                params = {"error": "access_denied", "error_description": "Brugeren afbrød", "state": q["state"]}
                self._redirect(redirect_uri + separator + urlencode(params))
                return
            code = secrets.token_urlsafe(24)
            provider.codes[code] = {"nonce": q["nonce"], "code_challenge": q["code_challenge"],
                                    "redirect_uri": redirect_uri}
            self._redirect(redirect_uri + separator + urlencode({"code": code, "state": q["state"]}))

        def _userinfo(self) -> None:
            auth = self.headers.get("Authorization", "")
            token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
            sub = provider.access_tokens.get(token)
            if sub is None:
                self._json(401, {"error": "invalid_token"})
                return
            body: dict[str, Any] = {"sub": sub}
            if provider.cpr_in in ("id_token", "userinfo"):
                body[provider.cpr_claim] = provider.cpr
            self._json(200, body)

        # -- POST ----------------------------------------------------------------------------------------
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            url = urlsplit(self.path)
            provider.requests.append(f"POST {url.path}")
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if url.path != "/token":
                self._json(404, {"error": "not_found"})
                return
            provider.token_requests.append(form)
            if not self._client_authenticated(form):
                self._json(401, {"error": "invalid_client"})
                return
            grant = provider.codes.pop(form.get("code", ""), None)  # a code works once
            if form.get("grant_type") != "authorization_code" or grant is None:
                self._json(400, {"error": "invalid_grant"})
                return
            if form.get("redirect_uri") != grant["redirect_uri"]:
                self._json(400, {"error": "invalid_grant", "error_description": "redirect_uri"})
                return
            verifier = form.get("code_verifier", "")
            if b64url(hashlib.sha256(verifier.encode()).digest()) != grant["code_challenge"]:
                self._json(400, {"error": "invalid_grant", "error_description": "PKCE"})
                return
            access_token = secrets.token_urlsafe(24)
            provider.access_tokens[access_token] = provider.sub
            self._json(200, {"access_token": access_token, "token_type": "Bearer", "expires_in": 300,
                             "id_token": provider.id_token(nonce=grant["nonce"], access_token=access_token)})

        def _client_authenticated(self, form: dict[str, str]) -> bool:
            auth = self.headers.get("Authorization", "")
            if auth.startswith("Basic "):
                client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
                client_id, secret = unquote(client_id), unquote(secret)  # RFC 6749 2.3.1: form-encoded
            else:
                client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
            return client_id == provider.client_id and secrets.compare_digest(secret, provider.client_secret)

    return Handler
