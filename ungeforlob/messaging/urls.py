from django.urls import path  # noqa: F401 - patterns are added by the messaging capability

app_name = "messaging"

urlpatterns: list = []
