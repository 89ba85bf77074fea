from django.urls import path

from ungeforlob.meetings import views

app_name = "meetings"

urlpatterns = [
    path("kaedemoeder/", views.meeting_list, name="list"),
    path("kaedemoeder/ny/", views.meeting_create, name="create"),
    path("kaedemoeder/<int:pk>/", views.meeting_detail, name="detail"),
    path("kaedemoeder/<int:pk>/ret/", views.meeting_edit, name="edit"),
    path("kaedemoeder/<int:pk>/deltager/", views.member_add, name="member_add"),
    path("kaedemoeder/<int:pk>/deltager/<int:member_pk>/fjern/", views.member_remove, name="member_remove"),
    path("kaedemoeder/<int:pk>/moede/", views.occurrence_create, name="occurrence_create"),
    path("kaedemoeder/<int:pk>/invitation.ics", views.meeting_ics, name="meeting_ics"),
    path("kaedemoeder/moede/<int:pk>/", views.occurrence_detail, name="occurrence"),
    path("kaedemoeder/moede/<int:pk>/punkt/", views.agenda_add, name="agenda_add"),
    path("kaedemoeder/moede/<int:pk>/invitation.ics", views.occurrence_ics, name="occurrence_ics"),
    path("kaedemoeder/punkt/<int:pk>/", views.entry_detail, name="entry"),
    path("kaedemoeder/punkt/<int:pk>/fjern/", views.entry_remove, name="entry_remove"),
    path("kaedemoeder/opgave/<int:pk>/udfoert/", views.decision_done, name="decision_done"),
    path("unge/<int:youth_pk>/moeder/", views.youth_meetings, name="youth"),
    path("unge/<int:youth_pk>/moeder/planmoede/<int:pk>/deltager/", views.plan_meeting_participant_add,
         name="plan_meeting_participant_add"),
    path("unge/<int:youth_pk>/moeder/opfoelgning/<int:pk>/deltager/", views.followup_participant_add,
         name="followup_participant_add"),
    path("unge/<int:youth_pk>/moeder/deltager/<int:pk>/fjern/", views.participant_remove, name="participant_remove"),
    path("unge/<int:youth_pk>/moeder/planmoede/<int:pk>/invitation.ics", views.plan_meeting_ics,
         name="plan_meeting_ics"),
    path("unge/<int:youth_pk>/moeder/opfoelgning/<int:pk>/invitation.ics", views.followup_ics, name="followup_ics"),
    path("samarbejdsaftaler/", views.agreement_list, name="agreements"),
    path("samarbejdsaftaler/ny/", views.agreement_create, name="agreement_create"),
    path("samarbejdsaftaler/<int:pk>/", views.agreement_detail, name="agreement"),
    path("samarbejdsaftaler/<int:pk>/ret/", views.agreement_edit, name="agreement_edit"),
    path("samarbejdsaftaler/<int:pk>/slet/", views.agreement_delete, name="agreement_delete"),
]
