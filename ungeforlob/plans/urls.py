from django.urls import path  # noqa: F401 - patterns are added by the plans capability

app_name = "plans"

urlpatterns: list = []
