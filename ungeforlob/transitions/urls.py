from django.urls import path

from ungeforlob.transitions import views

app_name = "transitions"

urlpatterns = [
    path("i-dag/", views.today, name="today"),
    path("unge/<int:youth_pk>/overgange/", views.youth_transitions, name="youth"),
    path("unge/<int:youth_pk>/overgange/ny/", views.transition_create, name="transition_create"),
    path("unge/<int:youth_pk>/overgange/<int:pk>/flyt/", views.transition_move, name="transition_move"),
    path("unge/<int:youth_pk>/overgange/<int:pk>/aflys/", views.transition_cancel, name="transition_cancel"),
    path("unge/<int:youth_pk>/stationer/ny/", views.station_create, name="station_create"),
    path("unge/<int:youth_pk>/stationer/<int:pk>/afslut/", views.station_end, name="station_end"),
    path("unge/<int:youth_pk>/stationer/<int:pk>/slet/", views.station_delete, name="station_delete"),
    path("unge/<int:youth_pk>/opfoelgninger/<int:pk>/udfoert/", views.followup_done, name="followup_done"),
    path("unge/<int:youth_pk>/opfoelgninger/<int:pk>/flyt/", views.followup_move, name="followup_move"),
    path("unge/<int:youth_pk>/opfoelgninger/<int:pk>/spring-over/", views.followup_skip, name="followup_skip"),
    path("administration/procedurer/", views.procedure_list, name="procedure_list"),
    path("administration/procedurer/standard/", views.procedure_defaults, name="procedure_defaults"),
    path("administration/procedurer/ny/", views.procedure_create, name="procedure_create"),
    path("administration/procedurer/<int:pk>/", views.procedure_edit, name="procedure_edit"),
    path("administration/procedurer/<int:pk>/slet/", views.procedure_delete, name="procedure_delete"),
    path("administration/procedurer/<int:pk>/trin/ny/", views.step_create, name="step_create"),
    path("administration/procedurer/<int:pk>/trin/<int:step_pk>/", views.step_edit, name="step_edit"),
    path("administration/procedurer/<int:pk>/trin/<int:step_pk>/slet/", views.step_delete, name="step_delete"),
    path("ledelse/overgange/", views.leader_overview, name="leader"),
]
