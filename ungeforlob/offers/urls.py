from django.urls import path

from ungeforlob.offers import views, views_effect

app_name = "offers"

urlpatterns = [
    path("tilbud/", views.offer_list, name="list"),
    path("tilbud/nyt/", views.offer_create, name="create"),
    path("tilbud/<int:pk>/", views.offer_detail, name="detail"),
    path("tilbud/<int:pk>/ret/", views.offer_edit, name="edit"),
    path("tilbud/<int:pk>/status/", views.offer_status, name="status"),
    path("tilbud/<int:pk>/slet/", views.offer_delete, name="delete"),
    path("tilbud/<int:pk>/lovende-praksis/", views.offer_assessment, name="assessment"),
    path("tilbud/<int:pk>/faktaboks/", views_effect.factbox, name="factbox"),
    path("tilbud/<int:pk>/metode/", views_effect.method_detail, name="method"),
    path("tilbud/<int:pk>/metode/ret/", views_effect.method_edit, name="method_edit"),
    path("tilbud/<int:pk>/metode/tjekliste/", views_effect.checklist_edit, name="checklist"),
    path("tilbud/<int:pk>/metode/tjekliste/runde/", views_effect.fidelity_round, name="fidelity_round"),
    path("tilbud/<int:pk>/metode/evaluering/", views_effect.evaluation_create, name="evaluation"),
    path("tilbud/import/", views.import_upload, name="import"),
    path("tilbud/import/<int:pk>/", views.import_status, name="import_status"),
    path("tilbud/eksport.<fmt>", views.export_file, name="export"),
    path("tilbud/hsds.json", views.export_hsds, name="hsds"),
    path("tilbud/brug/", views.usage, name="usage"),
    path("unge/<int:youth_pk>/tilbud/", views.youth_offers, name="youth"),
    path("unge/<int:youth_pk>/tilbud/tilknyt/", views.youth_offer_link, name="youth_link"),
    path("unge/<int:youth_pk>/tilbud/fjern/<int:activity_pk>/", views.youth_offer_unlink, name="youth_unlink"),
]
