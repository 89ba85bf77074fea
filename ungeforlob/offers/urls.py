from django.urls import path  # noqa: F401 - patterns are added by the offers capability

app_name = "offers"

urlpatterns: list = []
