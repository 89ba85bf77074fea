from django.urls import path

from ungeforlob.openinfo import views

app_name = "openinfo"

urlpatterns = [
    path("kommune/", views.index, name="index"),
    path("kommune/<slug:code>/ungeindsats/", views.page, name="page"),
    path("kommune/<slug:code>/ungeindsats/tilbud.json", views.hsds, name="hsds"),
    path("kommune/<slug:code>/ungeindsats/ret/", views.edit, name="edit"),
]
