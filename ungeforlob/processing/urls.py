from django.urls import path

from ungeforlob.processing import views

app_name = "processing"

urlpatterns = [
    path("behandlingsfortegnelse/", views.record, name="record"),
    path("behandlingsfortegnelse/behandlingsfortegnelse.pdf", views.record_pdf, name="record_pdf"),
    path("behandlingsfortegnelse/behandlingsfortegnelse.md", views.record_markdown, name="record_markdown"),
]
