from django.urls import path

from ungeforlob.sso import views

app_name = "sso"

urlpatterns = [
    path("administration/single-sign-on/", views.provider_list, name="provider_list"),
    path("administration/single-sign-on/ny/", views.provider_edit, name="provider_create"),
    path("administration/single-sign-on/<int:pk>/", views.provider_edit, name="provider_edit"),
    path("administration/single-sign-on/<int:pk>/slet/", views.provider_delete, name="provider_delete"),
    path("administration/single-sign-on/<int:pk>/mapning/", views.mapping_create, name="mapping_create"),
    path("administration/single-sign-on/mapning/<int:pk>/slet/", views.mapping_delete, name="mapping_delete"),
    path("sso/<int:pk>/oidc/", views.oidc_start, name="oidc_start"),
    path("sso/<int:pk>/oidc/callback/", views.oidc_callback, name="oidc_callback"),
    path("sso/<int:pk>/saml/", views.saml_login, name="saml_login"),
    path("sso/<int:pk>/saml/acs/", views.saml_acs, name="saml_acs"),
    path("sso/<int:pk>/saml/metadata/", views.saml_metadata, name="saml_metadata"),
]
