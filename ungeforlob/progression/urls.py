from django.urls import path  # noqa: F401 - patterns are added by the progression capability

app_name = "progression"

urlpatterns: list = []
