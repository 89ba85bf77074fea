from django.urls import path

from ungeforlob.webhooks import views

app_name = "webhooks"

urlpatterns = [
    path("administration/webhooks/", views.subscription_list, name="list"),
    path("administration/webhooks/ny/", views.subscription_create, name="create"),
    path("administration/webhooks/<int:pk>/", views.subscription_detail, name="detail"),
    path("administration/webhooks/<int:pk>/pause/", views.subscription_pause, name="pause"),
    path("administration/webhooks/<int:pk>/slet/", views.subscription_delete, name="delete"),
    path("administration/webhooks/levering/<int:pk>/send-igen/", views.delivery_resend, name="resend"),
]
