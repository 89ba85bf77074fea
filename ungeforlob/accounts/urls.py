from django.urls import path

from ungeforlob.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("to-faktor/opsaet/", views.otp_setup, name="otp_setup"),
    path("to-faktor/", views.otp_verify, name="otp_verify"),
    path("administration/organisationer/", views.organisation_list, name="organisation_list"),
    path("administration/organisationer/ny/", views.organisation_edit, name="organisation_create"),
    path("administration/organisationer/<int:pk>/", views.organisation_edit, name="organisation_edit"),
    path("administration/medarbejdere/", views.professional_list, name="professional_list"),
    path("administration/medarbejdere/ny/", views.professional_edit, name="professional_create"),
    path("administration/medarbejdere/<int:pk>/", views.professional_edit, name="professional_edit"),
    path("administration/medarbejdere/<int:pk>/luk/", views.professional_deactivate, name="professional_deactivate"),
]
