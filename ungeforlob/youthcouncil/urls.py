from django.urls import path

from ungeforlob.youthcouncil import views

app_name = "youthcouncil"

urlpatterns = [
    # Min side (the young person's own session).
    path("min-side/ungeraadet/", views.home, name="home"),
    path("min-side/ungeraadet/meld-ud/", views.leave, name="leave"),
    # The leader's pages.
    path("ledelse/ungeraadet/", views.manage, name="manage"),
    path("ledelse/ungeraadet/moede/nyt/", views.meeting_create, name="meeting_create"),
    path("ledelse/ungeraadet/moede/<int:pk>/", views.meeting_edit, name="meeting_edit"),
    path("ledelse/ungeraadet/moede/<int:pk>/slet/", views.meeting_delete, name="meeting_delete"),
    path("ledelse/ungeraadet/forslag/nyt/", views.proposal_create, name="proposal_create"),
    path("ledelse/ungeraadet/forslag/<int:pk>/", views.proposal_edit, name="proposal_edit"),
    path("ledelse/ungeraadet/forslag/<int:pk>/slet/", views.proposal_delete, name="proposal_delete"),
    path("ledelse/ungeraadet/kommentarer/", views.comments, name="comments"),
    path("ledelse/ungeraadet/kommentarer/<int:pk>/", views.comment_show, name="comment_show"),
]
