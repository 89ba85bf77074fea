from django.urls import path

from ungeforlob.activities import views

app_name = "activities"

urlpatterns = [
    path("faellesskaber/", views.activity_list, name="list"),
    path("faellesskaber/ny/", views.activity_create, name="create"),
    path("faellesskaber/<int:pk>/", views.activity_detail, name="detail"),
    path("faellesskaber/<int:pk>/ret/", views.activity_edit, name="edit"),
    path("faellesskaber/<int:pk>/aflys/", views.activity_cancel, name="cancel"),
    path("faellesskaber/<int:pk>/deltagere/", views.activity_participants, name="participants"),
    path("min-side/faellesskaber/", views.youth_list, name="youth_list"),
    path("min-side/faellesskaber/<int:pk>/tilmeld/", views.youth_signup, name="youth_signup"),
    path("min-side/faellesskaber/afmeld/", views.youth_withdraw, name="youth_withdraw"),
]
