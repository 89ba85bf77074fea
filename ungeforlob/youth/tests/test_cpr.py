import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from ungeforlob.testing import Personas
from ungeforlob.youth import cpr


@pytest.mark.parametrize("value", ["", "123", "0101901234x", "abcdefghij", "01019012345"])
def test_a_malformed_cpr_number_is_refused_in_danish(value: str) -> None:
    with pytest.raises(ValidationError) as exc:
        cpr.normalize_cpr(value)
    assert "CPR-nummeret skal have 10 cifre" in exc.value.messages[0]


def test_a_cpr_number_with_an_impossible_date_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        cpr.normalize_cpr("3102901234")
    assert "gyldig fødselsdato" in exc.value.messages[0]


def test_a_valid_cpr_number_gives_its_birth_date() -> None:
    assert cpr.normalize_cpr("010190-1234") == "0101901234"
    assert str(cpr.birth_date("0101901234")) == "1990-01-01"


def test_the_cpr_number_is_stored_encrypted_and_looked_up_by_keyed_hash(p: Personas) -> None:
    full = p.youth.cpr_reveal().replace("-", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cpr_encrypted, cpr_hash FROM youth_youth WHERE id = %s", [p.youth.pk])
        encrypted, digest = cursor.fetchone()
    assert full not in encrypted and full not in digest
    assert cpr.decrypt(encrypted) == full
    assert digest == cpr.lookup_hash(full)


def test_the_masked_form_shows_only_the_birth_date(p: Personas) -> None:
    assert p.youth.cpr_masked.endswith("-XXXX")
    assert p.youth.cpr_masked[:6] == p.youth.cpr_reveal()[:6]
