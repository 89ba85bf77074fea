from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C


def _english(response: object) -> bool:
    return response.cookies.get("django_language") is not None and response.cookies["django_language"].value == "en"


def cases(p: Personas) -> list[C]:
    return [
        C("core:home", "/", statuses=(302,), effect=lambda r: r["Location"].endswith("/i-dag/")),
        C("core:about", "/om/", contains="EUPL"),
        C("core:home", "/", who="leader", statuses=(302,), effect=lambda r: r["Location"].endswith("/ledelse/")),
        # Choosing one's language is one's own: a plain circle member may, and so may anyone before login.
        C("set_language", "/i18n/setlang/", "post", {"language": "en", "next": "/"}, reader_may=True,
          effect=_english),
        C("set_language", "/i18n/setlang/", "post", {"language": "en", "next": "/login/"}, who="anonymous",
          effect=_english),
    ]
