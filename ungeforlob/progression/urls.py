from django.urls import path

from ungeforlob.progression import views, views_admin
from ungeforlob.progression import views_selfevaluation as selfeval

app_name = "progression"

Y = "unge/<int:youth_pk>"

urlpatterns = [
    path(f"{Y}/progression/", views.overview, name="overview"),
    path(f"{Y}/progression/ny/", views.assessment_create, name="assessment_create"),
    path(f"{Y}/progression/vurderinger/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path(f"{Y}/progression/vurderinger/<int:pk>/ret/", views.assessment_correct, name="assessment_correct"),
    path(f"{Y}/progression/egen-placering/", views.placement_create, name="placement_create"),
    path(f"{Y}/progression/upv/", views.upv_create, name="upv_create"),
    path(f"{Y}/progression/her-er-du-paa-vej/", views.journey, name="journey"),
    path(f"{Y}/selvevaluering/", selfeval.overview, name="selfeval_overview"),
    path(f"{Y}/selvevaluering/start/", selfeval.start, name="selfeval_start"),
    path(f"{Y}/selvevaluering/<int:pk>/", selfeval.round_detail, name="selfeval_round"),
    path(f"{Y}/selvevaluering/<int:pk>/svar/<slug:dimension>/", selfeval.answer, name="selfeval_answer"),
    path(f"{Y}/selvevaluering/<int:pk>/afslut/", selfeval.finish, name="selfeval_finish"),
    path(f"{Y}/selvevaluering/<int:pk>/opfoelgning/", selfeval.follow_up, name="selfeval_follow_up"),
    path(f"{Y}/selvevaluering/<int:pk>/laesning/", selfeval.reading, name="selfeval_reading"),
    path(f"{Y}/selvevaluering/<int:pk>/pdf/", selfeval.round_pdf, name="selfeval_pdf"),
    path(f"{Y}/selvevaluering/<int:pk>/slet/", selfeval.discard, name="selfeval_discard"),
    path("revurderinger/", views.reassessments, name="reassessments"),
    path("administration/indikatorer/", views_admin.indicator_list, name="admin_indicators"),
    path("administration/indikatorer/ny/", views_admin.indicator_create, name="admin_indicator_create"),
    path("administration/indikatorer/<int:pk>/", views_admin.indicator_edit, name="admin_indicator_edit"),
    path("administration/indikatorer/<int:pk>/udgaa/", views_admin.indicator_retire, name="admin_indicator_retire"),
    path("administration/progression/rytme/", views_admin.rhythm_edit, name="admin_rhythm"),
]
