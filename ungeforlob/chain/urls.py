from django.urls import path

from ungeforlob.chain import views

app_name = "chain"

urlpatterns = [
    path("unge/<int:youth_pk>/kaede/", views.circle, name="circle"),
    path("unge/<int:youth_pk>/kaede/tilfoej/", views.member_add, name="member_add"),
    path("unge/<int:youth_pk>/kaede/<int:pk>/rolle/", views.member_role, name="member_role"),
    path("unge/<int:youth_pk>/kaede/<int:pk>/afslut/", views.member_end, name="member_end"),
    path("unge/<int:youth_pk>/kaede/<int:pk>/kontaktperson-plus/", views.member_extended, name="member_extended"),
    path("unge/<int:youth_pk>/kaede/oenske/", views.contact_wish, name="contact_wish"),
    path("unge/<int:youth_pk>/samtykker/ny/", views.consent_add, name="consent_add"),
    path("unge/<int:youth_pk>/samtykker/<int:pk>/tilbagekald/", views.consent_withdraw, name="consent_withdraw"),
    path("unge/<int:youth_pk>/bekymringer/", views.youth_concerns, name="youth_concerns"),
    path("unge/<int:youth_pk>/bekymringer/ny/", views.concern_create, name="concern_create"),
    path("unge/<int:youth_pk>/overlevering/ny/", views.handover_create, name="handover_create"),
    path("unge/<int:youth_pk>/frister/ny/", views.plan_stop_create, name="plan_stop_create"),
    path("unge/<int:youth_pk>/frister/<int:pk>/kontakt/", views.plan_stop_done, {"step": "kontakt"},
         name="plan_stop_contact"),
    path("unge/<int:youth_pk>/frister/<int:pk>/tilbud/", views.plan_stop_done, {"step": "tilbud"},
         name="plan_stop_offer"),
    path("bekymringer/", views.concern_list, name="concern_list"),
    path("bekymringer/<int:pk>/", views.concern_detail, name="concern_detail"),
    path("bekymringer/<int:pk>/kvitter/", views.concern_ack, name="concern_ack"),
    path("bekymringer/<int:pk>/handling/", views.concern_action, name="concern_action"),
    path("bekymringer/<int:pk>/afslut/", views.concern_close, name="concern_close"),
    path("henvisninger/", views.referral_queue, name="referral_queue"),
    path("henvisninger/ny/", views.referral_create, name="referral_create"),
    path("henvisninger/mine/", views.referral_mine, name="referral_mine"),
    path("henvisninger/<int:pk>/", views.referral_detail, name="referral_detail"),
    path("henvisninger/<int:pk>/modtag/", views.referral_accept, name="referral_accept"),
    path("henvisninger/<int:pk>/afvis/", views.referral_decline, name="referral_decline"),
    path("overleveringer/", views.handover_list, name="handover_list"),
    path("overleveringer/<int:pk>/", views.handover_detail, name="handover_detail"),
    path("overleveringer/<int:pk>/accepter/", views.handover_accept, name="handover_accept"),
    path("overleveringer/<int:pk>/afvis/", views.handover_decline, name="handover_decline"),
    path("overleveringer/<int:pk>/kommentar/", views.handover_comment, name="handover_comment"),
    path("kapacitet/", views.capacity, name="capacity"),
    path("kapacitet/omfordel/<int:user_pk>/", views.reassign, name="reassign"),
]
