from django.urls import path

from ungeforlob.vocabulary import views

app_name = "vocabulary"

urlpatterns = [
    path("faelles-sprog/", views.glossary, name="glossary"),
    path("faelles-sprog/hent-standard/", views.glossary_seed, name="glossary_seed"),
    path("faelles-sprog/nyt/", views.term_create, name="term_create"),
    path("faelles-sprog/<int:pk>/", views.term_edit, name="term_edit"),
    path("faelles-sprog/<int:pk>/slet/", views.term_delete, name="term_delete"),
    path("faelles-sprog/roller/", views.roles, name="roles"),
    path("faelles-sprog/roller/<slug:role>/", views.role_edit, name="role_edit"),
    path("faelles-sprog/roller/<slug:role>/standard/", views.role_reset, name="role_reset"),
    path("faelles-sprog/metoder/", views.methods, name="methods"),
    path("faelles-sprog/metoder/ny/", views.method_create, name="method_create"),
    path("faelles-sprog/metoder/<slug:code>/", views.method_edit, name="method_edit"),
    path("faelles-sprog/metoder/<slug:code>/slet/", views.method_delete, name="method_delete"),
    path("faelles-sprog/maalgruppe/", views.age_bounds, name="age_bounds"),
    path("kaedens-organisationer/", views.organisations, name="organisations"),
    path("kaedens-organisationer/<int:pk>/", views.organisation, name="organisation"),
    path("kaedens-organisationer/<int:pk>/tilgang/", views.approach_edit, name="approach_edit"),
]
