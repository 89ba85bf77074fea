from django.urls import path

from ungeforlob.insights import views

app_name = "insights"

urlpatterns = [
    path("ledelse/", views.dashboard, name="dashboard"),
    path("ledelse/eksport/<slug:slug>.<slug:fmt>", views.export, name="export"),
]
