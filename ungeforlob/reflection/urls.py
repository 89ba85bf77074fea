from django.urls import path

from ungeforlob.reflection import views

app_name = "reflection"

urlpatterns = [
    path("modellen/", views.model, name="model"),
    path("modellen/tag-i-brug/", views.defaults_install, name="defaults_install"),
    path("modellen/elementer/<int:pk>/", views.element_edit, name="element_edit"),
    path("modellen/elementer/<int:pk>/spoergsmaal/", views.question_add, name="question_add"),
    path("modellen/spoergsmaal/<int:pk>/", views.question_edit, name="question_edit"),
    path("modellen/spoergsmaal/<int:pk>/udgaa/", views.question_retire, name="question_retire"),
    path("modellen/grupper/ny/", views.group_create, name="group_create"),
    path("modellen/grupper/<int:pk>/", views.group, name="group"),
    path("modellen/grupper/<int:pk>/rediger/", views.group_edit, name="group_edit"),
    path("modellen/grupper/<int:pk>/refleksioner/ny/", views.reflection_create, name="reflection_create"),
    path("modellen/refleksioner/<int:pk>/", views.reflection, name="reflection"),
    path("modellen/refleksioner/<int:pk>/rediger/", views.reflection_edit, name="reflection_edit"),
    path("modellen/refleksioner/<int:pk>/slet/", views.reflection_delete, name="reflection_delete"),
    path("modellen/refleksioner/<int:pk>/pdf/", views.reflection_pdf, name="reflection_pdf"),
    path("modellen/refleksioner/<int:pk>/handlinger/", views.action_add, name="action_add"),
    path("modellen/handlinger/<int:pk>/udfoert/", views.action_done, name="action_done"),
    path("kompetencer/", views.competences, name="competences"),
    path("kompetencer/<int:pk>/", views.competence_edit, name="competence_edit"),
    path("kompetencer/<int:pk>/fjern/", views.competence_remove, name="competence_remove"),
    path("kompetencer/personer/<int:pk>/", views.profile, name="profile"),
    path("kompetencer/personer/<int:pk>/vurder/", views.self_rating, name="self_rating"),
    path("kompetencer/personer/<int:pk>/udvikling/", views.development_add, name="development_add"),
    path("kompetencer/udvikling/<int:pk>/udfoert/", views.development_done, name="development_done"),
    path("kompetencer/teams/<int:pk>/", views.team_coverage, name="team_coverage"),
]
