from django.urls import path

from ungeforlob.portal import oidc, views, views_insight
from ungeforlob.portal import views_choose as choose

app_name = "portal"

urlpatterns = [
    path("min-side/login/", views.login, name="login"),
    path("min-side/kode/", views.code, name="code"),
    path("min-side/logout/", views.logout, name="logout"),
    path("min-side/", views.home, name="home"),
    path("min-side/nyt/set/", views.notices_read, name="notices_read"),
    path("min-side/sprog/", views.language, name="language"),
    path("min-side/kaede/", views.chain, name="chain"),
    path("min-side/hvem-har-kigget/", views_insight.access_log, name="access_log"),
    path("min-side/hvordan-gaar-det/", views.feedback, name="feedback"),
    path("min-side/mine-data/", views.data_download, name="data"),
    path("min-side/mine-data.json", views.data_json, name="data_json"),
    path("min-side/mine-data.pdf", views.data_pdf, name="data_pdf"),
    path("min-side/plan/", views.plan, name="plan"),
    path("min-side/plan/tjek-ind/<str:kind>/<int:pk>/", views.checkin, name="checkin"),
    path("min-side/oensker/", views.wishes, name="wishes"),
    path("min-side/selvevaluering/", views.selfeval, name="selfeval"),
    path("min-side/selvevaluering/<int:pk>/tema/<str:dimension>/", views.selfeval_answer, name="selfeval_answer"),
    path("min-side/selvevaluering/<int:pk>/afslut/", views.selfeval_finish, name="selfeval_finish"),
    path("min-side/selvevaluering/<int:pk>/slet/", views.selfeval_discard, name="selfeval_discard"),
    path("min-side/selvevaluering/<int:pk>/pdf/", views.selfeval_pdf, name="selfeval_pdf"),
    path("min-side/hvor-er-jeg/", views.where, name="where"),
    path("min-side/skrevet-om-mig/", views.written, name="written"),
    path("min-side/samtykker/", views.consents, name="consents"),
    path("min-side/samtykker/deling/<int:pk>/traek-tilbage/", views_insight.share_withdraw, name="share_withdraw"),
    path("min-side/samtykker/<int:pk>/traek-tilbage/", views_insight.consent_withdraw, name="consent_withdraw"),
    path("min-side/samtykker/sms/stop/", views_insight.sms_stop, name="sms_stop"),
    path("min-side/overleveringer/", views.handovers, name="handovers"),
    # The contact person's side of "Mine ønsker" (staff session, access policy).
    path("unge/<int:youth_pk>/oensker/", views.staff_wishes, name="staff_wishes"),
    # Choosing and saying (issue 17, points 5–6): Min side, the contact person's side, a professional's own.
    path("min-side/kontaktperson/", choose.choose_contact, name="choose_contact"),
    path("min-side/tilbud/", choose.offers, name="offers"),
    path("unge/<int:youth_pk>/tjek-ind/", choose.staff_checkins, name="staff_checkins"),
    path("unge/<int:youth_pk>/kontaktperson-forslag/", choose.staff_proposals, name="staff_proposals"),
    path("min-praesentation-for-unge/", choose.presentation, name="presentation"),
]

# Log ind med MitID (docs/mitid-oidc.md): the routes exist only when the municipality has configured its
# broker, and the login page shows the button only when they do.
if oidc.enabled():
    urlpatterns += [
        path("min-side/mitid/", oidc.start, name="oidc_start"),
        path("min-side/mitid/callback/", oidc.callback, name="oidc_callback"),
    ]
