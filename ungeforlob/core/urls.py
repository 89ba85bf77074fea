from django.urls import path

from ungeforlob.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("om/", views.about, name="about"),
]
