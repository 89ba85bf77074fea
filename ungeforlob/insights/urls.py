from django.urls import path  # noqa: F401 - patterns are added by the insights capability

app_name = "insights"

urlpatterns: list = []
