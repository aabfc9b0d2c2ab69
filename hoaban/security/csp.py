"""Content-Security-Policy: the strict site policy for public pages, a relaxed one for the admin.

django-csp applies one policy from settings; the admin path is itself a setting
(HOABAN_ADMIN_PATH), so the choice between the two policies is made per request here.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def is_admin_path(path: str) -> bool:
    return path.startswith(f"/{settings.HOABAN_ADMIN_PATH}")


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.HOABAN_ADMIN_CONTENT_SECURITY_POLICY
        return parts
