from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

admin.site.site_header = "Ungeforløb – systemadministration"

urlpatterns = [
    path("", include("ungeforlob.core.urls")),
    path("", include("ungeforlob.accounts.urls")),
    path("unge/", include("ungeforlob.youth.urls")),
    path("", include("ungeforlob.chain.urls")),
    path("", include("ungeforlob.notifications.urls")),
    path("", include("ungeforlob.plans.urls")),
    path("", include("ungeforlob.progression.urls")),
    path("", include("ungeforlob.transitions.urls")),
    path("", include("ungeforlob.messaging.urls")),
    path("", include("ungeforlob.offers.urls")),
    path("", include("ungeforlob.insights.urls")),
    path("", include("ungeforlob.targets.urls")),
    path("", include("ungeforlob.voice.urls")),
    path("", include("ungeforlob.reflection.urls")),
    path("", include("ungeforlob.vocabulary.urls")),
    path("", include("ungeforlob.meetings.urls")),
    path("", include("ungeforlob.disclosure.urls")),
    path("", include("ungeforlob.youthcouncil.urls")),
    path("", include("ungeforlob.openinfo.urls")),
    path("", include("ungeforlob.activities.urls")),
    path("", include("ungeforlob.retention.urls")),
    path("", include("ungeforlob.emergency.urls")),
    path("", include("ungeforlob.logins.urls")),
    path("", include("ungeforlob.logreview.urls")),
    path("", include("ungeforlob.processing.urls")),
    path("", include("ungeforlob.relocation.urls")),
    path("", include("ungeforlob.integrations.urls")),
    path("", include("ungeforlob.webhooks.urls")),
    path("", include("ungeforlob.imports.urls")),
    path("", include("ungeforlob.sso.urls")),
    path("", include("ungeforlob.serviceplatform.urls")),
    path("", include("ungeforlob.inspiration.urls")),
    path("", include("ungeforlob.education.urls")),
    path("", include("ungeforlob.portal.urls")),
    # Anyone may choose the language, also on the login pages (staff and young people) before logging in.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path(f"{settings.ADMIN_URL}", admin.site.urls),
]

handler400 = "ungeforlob.core.views.error_400"
handler403 = "ungeforlob.core.views.error_403"
handler404 = "ungeforlob.core.views.error_404"
handler500 = "ungeforlob.core.views.error_500"
