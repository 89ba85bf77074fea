from django.urls import path

from ungeforlob.messaging import views

app_name = "messaging"

urlpatterns = [
    path("unge/<int:youth_pk>/beskeder/", views.conversation, name="conversation"),
    path("unge/<int:youth_pk>/beskeder/send/", views.send, name="send"),
    path("unge/<int:youth_pk>/beskeder/samtykke/", views.consent, name="consent"),
    path("unge/<int:youth_pk>/beskeder/vaekning/ny/", views.wakeup_new, name="wakeup_new"),
    path("unge/<int:youth_pk>/beskeder/vaekning/<int:pk>/stop/", views.wakeup_stop, name="wakeup_stop"),
    path("unge/<int:youth_pk>/beskeder/paamindelse/ny/", views.reminder_new, name="reminder_new"),
    path("unge/<int:youth_pk>/beskeder/tjek-ind/ny/", views.checkin_new, name="checkin_new"),
    path("unge/<int:youth_pk>/beskeder/<int:pk>/annuller/", views.message_cancel, name="message_cancel"),
    path("unge/<int:youth_pk>/beskeder/<int:pk>/proev-igen/", views.message_retry, name="message_retry"),
    path("unge/<int:youth_pk>/beskeder/<int:pk>/set/", views.message_acknowledge, name="message_acknowledge"),
    path("sms/indgaaende/", views.inbound_webhook, name="inbound_webhook"),
    path("sms/kvittering/", views.receipt_webhook, name="receipt_webhook"),
    path("udvikling/sms/", views.dev_gateway, name="dev_gateway"),
    path("udvikling/sms/svar/", views.dev_reply, name="dev_reply"),
]
