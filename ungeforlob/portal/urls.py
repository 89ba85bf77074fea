from django.urls import path

from ungeforlob.portal import oidc, views

app_name = "portal"

urlpatterns = [
    path("min-side/login/", views.login, name="login"),
    path("min-side/kode/", views.code, name="code"),
    path("min-side/logout/", views.logout, name="logout"),
    path("min-side/", views.home, name="home"),
    path("min-side/kaede/", views.chain, name="chain"),
    path("min-side/hvem-har-kigget/", views.access_log, name="access_log"),
    path("min-side/hvordan-gaar-det/", views.feedback, name="feedback"),
    path("min-side/mine-data/", views.data_download, name="data"),
    path("min-side/mine-data.json", views.data_json, name="data_json"),
    path("min-side/mine-data.pdf", views.data_pdf, name="data_pdf"),
]

# Log ind med MitID (docs/mitid-oidc.md): the routes exist only when the municipality has configured its
# broker, and the login page shows the button only when they do.
if oidc.enabled():
    urlpatterns += [
        path("min-side/mitid/", oidc.start, name="oidc_start"),
        path("min-side/mitid/callback/", oidc.callback, name="oidc_callback"),
    ]
