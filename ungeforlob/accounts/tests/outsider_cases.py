from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    """Administrator pages: 403 for everyone else (including leaders) and for other municipalities' staff."""
    org, prof = p.organisation.pk, p.colleague.pk
    return [
        C("accounts:organisation_list", "/administration/organisationer/"),
        C("accounts:organisation_create", "/administration/organisationer/ny/", "post", {"name": "X", "sector": "fgu"}),
        C("accounts:organisation_edit", f"/administration/organisationer/{org}/", "post", {"name": "X", "sector": "fgu"}),
        C("accounts:professional_list", "/administration/medarbejdere/"),
        C("accounts:professional_create", "/administration/medarbejdere/ny/", "post", {"username": "x"}),
        C("accounts:professional_edit", f"/administration/medarbejdere/{prof}/", "post", {"username": "x"}),
        C("accounts:professional_deactivate", f"/administration/medarbejdere/{prof}/luk/", "post", {"active": "0"}),
    ]
