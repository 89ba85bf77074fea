from django.urls import path

from ungeforlob.logreview import views

app_name = "logreview"

urlpatterns = [
    path("logkontrol/", views.index, name="index"),
    path("logkontrol/stikproeve/<int:pk>/", views.sample, name="sample"),
    path("logkontrol/opslag/<int:pk>/", views.review, name="review"),
    path("logkontrol/rapport/", views.report, name="report"),
    path("logkontrol/udtraek/", views.export, name="export"),
    path("logkontrol/spoergsmaal/<int:pk>/", views.answer, name="answer"),
]
