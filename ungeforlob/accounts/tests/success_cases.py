from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import Organisation, User
from ungeforlob.testing import PASSWORD, Personas
from ungeforlob.testing_cases import SuccessCase as C


def _current_token(user: User) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def cases(p: Personas) -> list[C]:
    """The login and the second factor for anyone; the administration pages for the administrator."""
    org, prof = p.organisation.pk, p.colleague.pk
    colleague = {"username": p.colleague.username, "first_name": "Jonas", "last_name": "Friis",
                 "organisation": org, "role": "professional", "profession": "Mentor"}
    return [
        C("accounts:login", "/login/", who="anonymous", contains="Log ind på Min side"),
        C("accounts:login", "/login/", "post", {"username": "kontaktperson", "password": PASSWORD},
          who="anonymous", effect=lambda r: r.wsgi_request.user == p.contact_person),
        C("accounts:logout", "/logout/", "post", reader_may=True,
          effect=lambda r: not r.wsgi_request.user.is_authenticated),
        C("accounts:otp_setup", "/to-faktor/opsaet/", contains="<svg"),
        C("accounts:otp_verify", "/to-faktor/", who="administrator"),
        C("accounts:otp_verify", "/to-faktor/?next=/administration/organisationer/", "post",
          {"token": _current_token(p.administrator)}, who="administrator", reader_may=True,
          effect=lambda r: r.url == "/administration/organisationer/"),
        C("accounts:organisation_list", "/administration/organisationer/", who="administrator",
          contains=p.organisation.name),
        C("accounts:organisation_create", "/administration/organisationer/ny/", who="administrator"),
        C("accounts:organisation_create", "/administration/organisationer/ny/", "post",
          {"name": "Ny Produktionsskole", "sector": "fgu", "is_active": "on"}, who="administrator",
          effect=lambda r: Organisation.objects.filter(name="Ny Produktionsskole").exists()),
        C("accounts:organisation_edit", f"/administration/organisationer/{org}/", who="administrator"),
        C("accounts:organisation_edit", f"/administration/organisationer/{org}/", "post",
          {"name": "Omdøbt organisation", "sector": "uu_kui", "is_active": "on"}, who="administrator",
          effect=lambda r: Organisation.objects.get(pk=org).name == "Omdøbt organisation"),
        C("accounts:professional_list", "/administration/medarbejdere/", who="administrator", contains="Jonas"),
        C("accounts:professional_create", "/administration/medarbejdere/ny/", who="administrator"),
        C("accounts:professional_create", "/administration/medarbejdere/ny/", "post",
          {"username": "nyansat", "first_name": "Ny", "last_name": "Ansat", "organisation": org,
           "role": "professional"}, who="administrator",
          effect=lambda r: User.objects.filter(username="nyansat", municipality=p.municipality).exists()),
        C("accounts:professional_edit", f"/administration/medarbejdere/{prof}/", who="administrator"),
        C("accounts:professional_edit", f"/administration/medarbejdere/{prof}/", "post", colleague,
          who="administrator", effect=lambda r: User.objects.get(pk=prof).profession == "Mentor"),
        C("accounts:professional_deactivate", f"/administration/medarbejdere/{prof}/luk/", who="administrator"),
        C("accounts:professional_deactivate", f"/administration/medarbejdere/{prof}/luk/", "post",
          {"active": "0"}, who="administrator", effect=lambda r: not User.objects.get(pk=prof).is_active),
    ]
