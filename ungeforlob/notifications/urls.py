from django.urls import path

from ungeforlob.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifikationer/", views.notification_list, name="list"),
]
