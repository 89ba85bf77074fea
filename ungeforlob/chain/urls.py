from django.urls import path

from ungeforlob.chain import views

app_name = "chain"

urlpatterns = [
    path("unge/<int:youth_pk>/kaede/", views.circle, name="circle"),
]
