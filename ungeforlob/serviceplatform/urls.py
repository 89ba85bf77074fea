from django.urls import path

from ungeforlob.serviceplatform import views

app_name = "serviceplatform"

urlpatterns: list = [
    path("unge/ny/hent-fra-cpr/", views.cpr_lookup, name="cpr_lookup"),
    path("unge/<int:youth_pk>/digital-post/plan/", views.plan_send, name="plan_send"),
    path("unge/<int:youth_pk>/digital-post/planmoede/<int:pk>/", views.plan_meeting_send, name="plan_meeting_send"),
    path("unge/<int:youth_pk>/digital-post/opfoelgning/<int:pk>/", views.followup_send, name="followup_send"),
    path("udvikling/digital-post/", views.mailbox, name="mailbox"),
    path("udvikling/digital-post/bilag/<int:pk>/", views.attachment, name="attachment"),
]
