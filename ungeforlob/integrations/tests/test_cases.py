"""This app's outsider and success cases on their own (the project-wide walk runs every app's; this one runs in
seconds and names the failing case): the API's routes with every kind of wrong client, and the pages."""

from ungeforlob.integrations.tests import outsider_cases, success_cases
from ungeforlob.tests.app_cases import checks_for

(test_every_view_works_for_its_rightful_user, test_the_read_only_member_is_refused_every_write,
 test_every_view_refuses_people_outside, test_every_page_with_a_submit_once_form_sends_its_token_along,
 ) = checks_for(outsider_cases, success_cases)
