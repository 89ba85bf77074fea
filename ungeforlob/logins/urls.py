from django.urls import path

from ungeforlob.logins import views

app_name = "logins"

urlpatterns = [
    path("bekraeft/", views.reauth, name="reauth"),
    path("mine-logins/", views.my_logins, name="mine"),
    path("mine-logins/log-ud-overalt/", views.logout_everywhere, name="logout_everywhere"),
    path("administration/medarbejdere/<int:pk>/log-ud-overalt/", views.admin_logout_everywhere,
         name="admin_logout_everywhere"),
]
