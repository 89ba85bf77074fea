from django.urls import path

from ungeforlob.imports import views

app_name = "imports"

urlpatterns = [
    path("import/", views.index, name="index"),
    path("import/<slug:kind>/", views.upload, name="upload"),
    path("import/<slug:kind>/skabelon.<str:fmt>", views.template_file, name="template"),
    path("import/koersel/<int:pk>/", views.job_detail, name="job"),
    path("import/koersel/<int:pk>/bekraeft/", views.job_confirm, name="confirm"),
    path("import/koersel/<int:pk>/annuller/", views.job_cancel, name="cancel"),
]
