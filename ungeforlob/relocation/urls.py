from django.urls import path

from ungeforlob.relocation import views

app_name = "relocation"

urlpatterns = [
    path("unge/<int:youth_pk>/flytning/", views.youth_relocation, name="youth"),
    path("unge/<int:youth_pk>/flytning/<int:pk>/pakke.json", views.download, name="download"),
    path("unge/<int:youth_pk>/flytning/<int:pk>/tilbagekald/", views.withdraw, name="withdraw"),
    path("flytninger/", views.inbox, name="inbox"),
    path("flytninger/modtag-fil/", views.upload, name="upload"),
    path("flytninger/<int:pk>/", views.incoming, name="incoming"),
    path("flytninger/<int:pk>/importer/", views.import_package, name="import"),
]
