from django.urls import path

from ungeforlob.emergency import views

app_name = "emergency"

urlpatterns = [
    path("administration/noedadgang/", views.settings_edit, name="settings"),
    path("noedadgang/", views.search, name="search"),
    path("noedadgang/ung/<int:youth_pk>/", views.start, name="start"),
    path("noedadgang/adgang/<int:pk>/", views.record, name="record"),
    path("noedadgang/adgang/<int:pk>/afslut/", views.end, name="end"),
    path("noedadgang/gennemgang/", views.review_list, name="review_list"),
    path("noedadgang/gennemgang/<int:pk>/", views.review, name="review"),
]
