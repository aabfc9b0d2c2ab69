"""Security policies that hold in every environment (imported at the end of base.py).

They apply in development and tests too, so an inline script or a login form that bypasses the
lockout fails here rather than in production. HTTPS-only transport settings live in https.py,
which only production imports.
"""

import os

from csp.constants import NONE, SELF

from .base import env_bool, env_list

# Content-Security-Policy (django-csp). Public pages run only scripts served from this site:
# no inline script and no nonce, because whole pages are cached and a cached nonce is no nonce.
# Video players come from the two providers hoaban.core.embeds builds iframes for.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *env_list("CSP_IMAGE_SOURCES")],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            *env_list("CSP_FRAME_SOURCES"),
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin still ships inline scripts and styles (its own CSP work is incomplete), so
# the admin gets a policy of its own, strict everywhere except those two.
HOABAN_ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:", *env_list("CSP_IMAGE_SOURCES")],
    # Wagtail's live preview shows the page in a same-origin iframe (its preview views also
    # relax X-Frame-Options to SAMEORIGIN for themselves).
    "frame-ancestors": [SELF],
}
X_FRAME_OPTIONS = "DENY"
# Powerful browser features no page of the site uses, refused to it and to the video players
# it embeds (hoaban.security.csp sets the header on every response).
HOABAN_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Login lockout (django-axes): after AXES_FAILURE_LIMIT failures for one user name from one
# address, further attempts are refused for the cool-off period, whatever the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
# Behind a proxy the client address is the last hop the proxy appended, never one the client
# chose; AXES_IPWARE_PROXY_COUNT says how many trusted proxies stand in front.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Two-factor authentication (django-otp, TOTP): optional for each editor, who adds an
# authenticator app from the admin account menu; once confirmed, the code is asked for at every
# sign-in. (wagtail-2fa does not support Wagtail 8.)
WAGTAILADMIN_USER_LOGIN_FORM = "hoaban.security.two_factor.forms.TwoFactorLoginForm"
OTP_TOTP_ISSUER = os.environ.get("OTP_ISSUER", "Hoa Ban")

# Uploads: Wagtail checks that an image's content matches its extension and enforces these
# limits (Pillow's decompression-bomb check included); documents are checked by content in
# hoaban.security.uploads and always served through Django with Content-Disposition.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("MAX_IMAGE_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("MAX_IMAGE_MEGAPIXELS", "50")) * 1_000_000
HOABAN_MAX_DOCUMENT_UPLOAD_SIZE = int(os.environ.get("MAX_DOCUMENT_UPLOAD_MB", "50")) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "hoaban.security.uploads.CheckedDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
