from django.urls import path

from ungeforlob.targets import views

app_name = "targets"

urlpatterns = [
    path("ledelse/maal/", views.index, name="index"),
    path("ledelse/maal/ny/", views.create, name="create"),
    path("ledelse/maal/<int:pk>/ret/", views.edit, name="edit"),
    path("ledelse/maal/<int:pk>/slet/", views.delete, name="delete"),
    path("ledelse/maal/sagsstammer/", views.caseloads, name="caseloads"),
    path("ledelse/maal/sagsstammer/spaend/", views.band, name="band"),
    path("ledelse/kaeden/", views.chain, name="chain"),
]
