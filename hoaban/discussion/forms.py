"""The reader's comment form and the signed timestamp that measures time-to-submit.

Lengths are counted after NFC normalisation, as a reader counts: "ệ" typed as e + two
combining marks is one character. The browser counter (static/js/comments.js) counts the same.
"""

import time
import unicodedata

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .rules import MAX_LENGTH, MIN_LENGTH, NAME_MAX_LENGTH, NAME_MIN_LENGTH

ISSUED_SALT = "hoaban.discussion.issued"
# A form older than this is re-issued rather than trusted.
ISSUED_MAX_AGE = 24 * 3600


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def issue_timestamp() -> str:
    return signing.dumps(time.time(), salt=ISSUED_SALT)


def seconds_since_issued(value: str) -> float | None:
    """Age of a token from issue_timestamp(), or None if it is missing, forged or too old."""
    try:
        issued = float(signing.loads(value, salt=ISSUED_SALT, max_age=ISSUED_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - issued


# Messages with a number are plural-aware (ngettext_lazy keyed on the parameter): Russian
# needs three forms, "символ", "символа", "символов".
class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        error_messages={"required": _("Please enter your name.")},
        widget=forms.TextInput(attrs={"maxlength": NAME_MAX_LENGTH, "autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email (optional, never shown)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label=_("Comment"),
        error_messages={"required": _("Please write your comment.")},
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_LENGTH}),
    )
    # Honeypot: hidden from people by CSS and from assistive technology by aria-hidden.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_name(self):
        name = normalise(self.cleaned_data["name"])
        if len(name) < NAME_MIN_LENGTH:
            raise forms.ValidationError(
                ngettext_lazy(
                    "Please enter a name of at least %(min)d character.",
                    "Please enter a name of at least %(min)d characters.",
                    "min",
                ),
                code="min_length",
                params={"min": NAME_MIN_LENGTH},
            )
        if len(name) > NAME_MAX_LENGTH:
            raise forms.ValidationError(
                ngettext_lazy(
                    "Please shorten your name to %(max)d character or fewer.",
                    "Please shorten your name to %(max)d characters or fewer.",
                    "max",
                ),
                code="max_length",
                params={"max": NAME_MAX_LENGTH},
            )
        return name

    def clean_body(self):
        body = normalise(self.cleaned_data["body"])
        if len(body) < MIN_LENGTH:
            raise forms.ValidationError(
                ngettext_lazy(
                    "Please enter %(min)d or more character",
                    "Please enter %(min)d or more characters",
                    "min",
                ),
                code="min_length",
                params={"min": MIN_LENGTH},
            )
        if len(body) > MAX_LENGTH:
            raise forms.ValidationError(
                ngettext_lazy(
                    "Please shorten your comment to %(max)d character (it has %(count)d).",
                    "Please shorten your comment to %(max)d characters (it has %(count)d).",
                    "max",
                ),
                code="max_length",
                params={"max": MAX_LENGTH, "count": len(body)},
            )
        return body

    @property
    def is_trapped(self) -> bool:
        """The honeypot was filled in: a script, not a reader."""
        return bool(self.data.get("website", "").strip())
