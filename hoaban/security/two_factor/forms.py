from django import forms
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from wagtail.admin.forms.auth import LoginForm

from .devices import verify_code

CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
)


def code_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=_("Authenticator code"), max_length=8, widget=CODE_WIDGET, **kwargs
    )


class TwoFactorLoginForm(LoginForm):
    """Wagtail's sign-in form, asking for the authenticator code of accounts that have one."""

    otp_token = code_field(
        required=False,
        help_text=_("Only if you have turned on two-step verification."),
    )

    error_messages = {
        **LoginForm.error_messages,
        "code_required": _(
            "This account uses two-step verification: enter the six-digit code from your "
            "authenticator app."
        ),
        "code_invalid": _("That authenticator code is wrong or has expired. Try the next one."),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None or not user_has_device(user, confirmed=True):
            return cleaned_data
        code = (cleaned_data.get("otp_token") or "").strip()
        if not code:
            raise forms.ValidationError(self.error_messages["code_required"], code="code_required")
        if verify_code(user=user, code=code) is None:
            # A wrong code counts as a failed sign-in, so django-axes locks out code guessing too.
            user_login_failed.send(
                sender=type(self),
                credentials={"username": cleaned_data.get("username")},
                request=self.request,
            )
            raise forms.ValidationError(self.error_messages["code_invalid"], code="code_invalid")
        return cleaned_data


class ConfirmDeviceForm(forms.Form):
    otp_token = code_field()
