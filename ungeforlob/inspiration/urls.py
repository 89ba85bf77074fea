from django.urls import path

from ungeforlob.inspiration import views

app_name = "inspiration"

urlpatterns = [
    path("lovende-praksis/", views.practice_list, name="list"),
    path("lovende-praksis/<slug:slug>/", views.practice_detail, name="detail"),
    path("lovende-praksis/<slug:slug>/brug/", views.practice_use, name="use"),
]
