from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Ungeforløb – systemadministration"

urlpatterns = [
    path("", include("ungeforlob.core.urls")),
    path("", include("ungeforlob.accounts.urls")),
    path("unge/", include("ungeforlob.youth.urls")),
    path("", include("ungeforlob.chain.urls")),
    path("", include("ungeforlob.plans.urls")),
    path("", include("ungeforlob.progression.urls")),
    path("", include("ungeforlob.transitions.urls")),
    path("", include("ungeforlob.messaging.urls")),
    path("", include("ungeforlob.offers.urls")),
    path("", include("ungeforlob.insights.urls")),
    path("", include("ungeforlob.portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path(f"{settings.ADMIN_URL}", admin.site.urls),
]

handler400 = "ungeforlob.core.views.error_400"
handler403 = "ungeforlob.core.views.error_403"
handler404 = "ungeforlob.core.views.error_404"
handler500 = "ungeforlob.core.views.error_500"
