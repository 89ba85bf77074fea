from django.urls import path

from ungeforlob.plans import views

app_name = "plans"

P = "unge/<int:youth_pk>/"

urlpatterns = [
    path(P + "plan/", views.plan, name="plan"),
    path(P + "plan/maal/nyt/", views.goal_create, name="goal_create"),
    path(P + "plan/maal/<int:pk>/ret/", views.goal_edit, name="goal_edit"),
    path(P + "plan/maal/<int:pk>/slet/", views.goal_delete, name="goal_delete"),
    path(P + "plan/maal/<int:goal_pk>/delmaal/nyt/", views.subgoal_create, name="subgoal_create"),
    path(P + "plan/delmaal/<int:pk>/ret/", views.subgoal_edit, name="subgoal_edit"),
    path(P + "plan/delmaal/<int:pk>/slet/", views.subgoal_delete, name="subgoal_delete"),
    path(P + "plan/aktivitet/ny/", views.activity_create, name="activity_create"),
    path(P + "plan/aktivitet/<int:pk>/ret/", views.activity_edit, name="activity_edit"),
    path(P + "plan/aktivitet/<int:pk>/slet/", views.activity_delete, name="activity_delete"),
    path(P + "plan/evaluering/ny/", views.evaluation_create, name="evaluation_create"),
    path(P + "plan/historik/", views.history, name="history"),
    path(P + "plan/moeder/", views.meetings, name="meetings"),
    path(P + "plan/moeder/nyt/", views.meeting_create, name="meeting_create"),
    path(P + "plan/moeder/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path(P + "plan/moeder/<int:pk>/afslut/", views.meeting_close, name="meeting_close"),
    path(P + "plan/pdf/", views.plan_pdf, name="pdf"),
    path(P + "plan/del/", views.share, name="share"),
    path(P + "profil/", views.profile, name="profile"),
    path(P + "profil/ret/", views.profile_edit, name="profile_edit"),
    path(P + "profil/historik/", views.profile_history, name="profile_history"),
    path(P + "notater/", views.notes, name="notes"),
    path(P + "notater/<int:pk>/skjul/", views.note_hide, name="note_hide"),
    path(P + "notater/<int:pk>/vis/", views.note_show, name="note_show"),
]
