from django.urls import path

from ungeforlob.retention import views

app_name = "retention"

urlpatterns = [
    path("opbevaring/", views.rules, name="rules"),
    path("opbevaring/regel/<slug:kind>/", views.rule_edit, name="rule_edit"),
    path("opbevaring/automatisk/", views.automatic, name="automatic"),
    path("opbevaring/proevekoersel/", views.dry_run, name="dry_run"),
    path("opbevaring/koersel/", views.run, name="run"),
    path("opbevaring/historik/", views.runs, name="runs"),
    path("opbevaring/arkiv/<slug:kind>/", views.archive, name="archive"),
]
