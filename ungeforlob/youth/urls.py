from django.urls import path

from ungeforlob.youth import views

app_name = "youth"

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("ny/", views.youth_create, name="create"),
    path("<int:youth_pk>/", views.youth_detail, name="detail"),
    path("<int:youth_pk>/ret/", views.youth_edit, name="edit"),
    path("<int:youth_pk>/cpr/", views.youth_reveal_cpr, name="reveal_cpr"),
    path("<int:youth_pk>/kontakter/ny/", views.guardian_add, name="guardian_add"),
    path("<int:youth_pk>/kontakter/<int:pk>/slet/", views.guardian_delete, name="guardian_delete"),
    path("<int:youth_pk>/forloeb/afslut/", views.course_end, name="course_end"),
    path("<int:youth_pk>/tidslinje/", views.youth_timeline, name="timeline"),
    path("<int:youth_pk>/adgang/<int:pk>/", views.access_request, name="access_request"),
]
