"""Content-Security-Policy: the strict site policy for public pages, a relaxed one for the admin;
and the Permissions-Policy, the same for every response.

django-csp applies one policy from settings; the admin path is itself a setting
(HOABAN_ADMIN_PATH), so the choice between the two policies is made per request here.

django-csp also rebuilds the header string from the settings on every response, which costs
more than answering a request from the page cache. Both policies only change with settings, so
a response that nothing customised (no nonce used, no per-view decorator) gets a string built
once; anything else goes through django-csp unchanged.
"""

from functools import cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# Attributes django-csp's view decorators set on a response to alter or drop its policy.
PER_RESPONSE_OVERRIDES = tuple(
    f"_csp_{name}{suffix}"
    for name in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


def is_admin_path(path: str) -> bool:
    return path.startswith(f"/{settings.HOABAN_ADMIN_PATH}")


@cache
def fixed_header(admin: bool) -> str:
    return build_policy(config=settings.HOABAN_ADMIN_CONTENT_SECURITY_POLICY if admin else None)


@receiver(setting_changed)
def forget_fixed_headers(setting, **kwargs):
    if "CONTENT_SECURITY_POLICY" in setting or setting == "HOABAN_ADMIN_PATH":
        fixed_header.cache_clear()


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.HOABAN_ADMIN_CONTENT_SECURITY_POLICY
        return parts

    def process_response(self, request, response):
        response.headers.setdefault("Permissions-Policy", settings.HOABAN_PERMISSIONS_POLICY)
        if not self.takes_fixed_policy(request, response):
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = fixed_header(is_admin_path(request.path_info))
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    @staticmethod
    def takes_fixed_policy(request, response) -> bool:
        if getattr(request, "_csp_nonce", None) is not None:
            return False
        if any(hasattr(response, name) for name in PER_RESPONSE_OVERRIDES):
            return False
        # Settings the fixed path does not handle: leave them to django-csp.
        if getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            return False
        return not (settings.DEBUG or settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES"))
