"""The moves' part of "Hent mine data" (registered in `ungeforlob.portal.export.EXPORT_SECTIONS`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ungeforlob.portal.export import Section, d
from ungeforlob.relocation.models import IncomingPackage, Relocation
from ungeforlob.youth.models import Youth


def relocations_section(youth: Youth) -> Section:
    """The handover packages sent for the young person (to whom, with which parts, on which consent) and the one
    her record here was imported from. Two queries; the sealed files themselves are not repeated."""
    rows = [{"dato": d(r.created_at), "flyttepakke": str(r.package_id), "sendt_til": r.receiver_name,
             "indhold": "; ".join(r.part_labels), "samtykke_givet": d(r.consent_given_on),
             "samtykke_gælder_til": d(r.consent_valid_until), "samtykke_trukket_tilbage": d(r.consent_withdrawn_at)}
            for r in Relocation.objects.filter(youth=youth).defer("sealed").order_by("created_at", "pk")]
    rows += [{"dato": d(i.imported_at), "flyttepakke": str(i.package_id), "modtaget_fra": i.sender_municipality,
              "indhold": "; ".join(i.part_labels)}
             for i in IncomingPackage.objects.filter(youth=youth).defer("sealed").order_by("imported_at", "pk")]
    return (str(_("Flytning mellem kommuner")), rows)
