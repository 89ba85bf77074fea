from django.urls import path

from ungeforlob.disclosure import views

app_name = "disclosure"

urlpatterns = [
    path("unge/<int:youth_pk>/undtaget/", views.youth, name="youth"),
    path("unge/<int:youth_pk>/undtaget/<int:pk>/ophaev/", views.lift, name="lift"),
]
