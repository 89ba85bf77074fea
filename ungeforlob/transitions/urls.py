from django.urls import path  # noqa: F401 - patterns are added by the transitions capability

app_name = "transitions"

urlpatterns: list = []
