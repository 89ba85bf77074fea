from django.urls import path

from ungeforlob.education import views, views_youth

app_name = "education"

urlpatterns = [
    path("uddannelsessteder/", views.place_list, name="list"),
    path("uddannelsessteder/ny/", views.place_create, name="create"),
    path("uddannelsessteder/indlaes/", views.place_import, name="import"),
    path("uddannelsessteder/<int:pk>/", views.place_detail, name="detail"),
    path("uddannelsessteder/<int:pk>/ret/", views.place_edit, name="edit"),
    path("uddannelsessteder/<int:pk>/slet/", views.place_delete, name="delete"),
    path("uddannelsessteder/<int:pk>/uddannelser/ny/", views.programme_create, name="programme_create"),
    path("uddannelsessteder/uddannelser/<int:pk>/", views.programme_edit, name="programme"),
    path("uddannelsessteder/uddannelser/<int:pk>/slet/", views.programme_delete, name="programme_delete"),
    path("uddannelsessteder/uddannelser/<int:pk>/optag/", views.intake_add, name="intake_add"),
    path("uddannelsessteder/optag/<int:pk>/slet/", views.intake_delete, name="intake_delete"),
    path("ansoegningsfrister/", views_youth.deadlines, name="deadlines"),
    path("administration/fravaer/", views.threshold_edit, name="threshold"),
    path("unge/<int:youth_pk>/uddannelse/", views_youth.youth_education, name="youth"),
    path("unge/<int:youth_pk>/uddannelse/station/<int:pk>/sted/", views_youth.station_place, name="station_place"),
    path("unge/<int:youth_pk>/uddannelse/station/<int:pk>/fravaer/", views_youth.attendance_create,
         name="attendance_create"),
    path("unge/<int:youth_pk>/uddannelse/fravaer/<int:pk>/", views_youth.prompt, name="prompt"),
    path("unge/<int:youth_pk>/uddannelse/fravaer/<int:pk>/besvar/", views_youth.prompt_answer, name="prompt_answer"),
    path("unge/<int:youth_pk>/uddannelse/fravaer/<int:pk>/bekymring/", views_youth.prompt_concern,
         name="prompt_concern"),
]
