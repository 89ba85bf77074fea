import os
import subprocess
import sys
from pathlib import Path

from django.contrib import admin
from django.test import Client

from ungeforlob.testing import Personas, client_for

ROOT = Path(__file__).resolve().parents[3]


def test_pages_send_a_strict_content_security_policy_and_privacy_headers(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).get("/unge/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "no-store" in response.headers["Cache-Control"]


def test_templates_contain_no_inline_scripts_or_styles() -> None:
    """The CSP forbids them; a template that uses them would silently break in the browser."""
    offenders = []
    for path in (ROOT / "ungeforlob").rglob("*.html"):
        if "pdf" in path.name:
            continue  # rendered by WeasyPrint on the server, never served to a browser
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if "<style" in line or ' style="' in line or ("<script" in line and " src=" not in line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not offenders, offenders


def test_forms_are_csrf_protected(p: Personas) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(p.contact_person)
    response = client.post("/unge/ny/", {"first_name": "A"})
    assert response.status_code == 403


def test_login_is_refused_without_a_csrf_token(db) -> None:
    response = Client(enforce_csrf_checks=True).post("/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403


def test_deploy_checks_pass_with_production_settings() -> None:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "x" * 20 + "-production-like-secret-key-with-enough-entropy-9f8e7d6c5b4a",
        "DJANGO_ALLOWED_HOSTS": "ungeforlob.example.dk",
        "CPR_ENCRYPTION_KEY": "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_django_admin_exposes_no_youth_data() -> None:
    registered = {model._meta.app_label for model in admin.site._registry}
    personal_apps = {"youth", "chain", "plans", "progression", "transitions", "messaging", "audit", "portal"}
    assert not registered & personal_apps, registered & personal_apps


def test_the_django_admin_requires_a_second_factor(p: Personas) -> None:
    p.administrator.is_staff = True
    p.administrator.is_superuser = True
    p.administrator.save()
    client = Client()
    client.force_login(p.administrator)  # password only, no second factor
    response = client.get("/systemadmin/", follow=True)
    assert response.redirect_chain[-1][0] == "/to-faktor/"
    verified = client_for(p.administrator).get("/systemadmin/")
    assert verified.status_code == 200 and "Organisationer" in verified.content.decode()


def test_an_unknown_youth_id_gives_a_danish_404_not_a_500(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    for url in ["/unge/999999/", "/unge/abc/", "/unge/99999999999999999999999/"]:
        response = client.get(url)
        assert response.status_code == 404
    assert "Siden findes ikke" in client.get("/unge/999999/").content.decode()


def test_home_sends_each_role_to_its_own_start_page(p: Personas, as_user) -> None:
    assert as_user(p.administrator).get("/").url == "/administration/medarbejdere/"
    assert as_user(p.contact_person).get("/").status_code == 302


def test_anonymous_visitors_are_sent_to_login(db) -> None:
    response = Client().get("/unge/")
    assert response.status_code == 302 and response.url.startswith("/login/")
