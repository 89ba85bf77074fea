from django.urls import path

from ungeforlob.voice import views

app_name = "voice"

urlpatterns = [
    path("ledelse/stemme/", views.overview, name="overview"),
    path("ledelse/stemme/kommentar/<int:pk>/", views.review, name="review"),
    path("ledelse/sammenligning/", views.compare, name="compare"),
    path("ledelse/sammenligning/deltag/", views.compare_opt_in, name="compare_opt_in"),
    path("ledelse/rapport/", views.report_preview, name="report"),
    path("ledelse/rapport/pdf/", views.report_pdf, name="report_pdf"),
    path("ledelse/rapport/pdf/lav-igen/", views.report_pdf_refresh, name="report_pdf_refresh"),
]
