from base64 import b64encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import user_has_device

from . import devices
from .forms import ConfirmDeviceForm


def qr_data_uri(text: str) -> str:
    buffer = BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + b64encode(buffer.getvalue()).decode()


@sensitive_post_parameters("otp_token")
def two_step_settings(request):
    """Turn two-step verification on (scan, then confirm a code) or off (confirm a code)."""
    user = request.user
    enabled = user_has_device(user, confirmed=True)
    form = ConfirmDeviceForm(request.POST or None)
    device = None if enabled else devices.pending_device(user=user)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["otp_token"].strip()
        if enabled and devices.turn_off(user=user, code=code):
            messages.success(request, _("Two-step verification is off for your account."))
            return redirect("hoaban_two_step")
        if not enabled and devices.confirm_device(device=device, code=code):
            messages.success(
                request,
                _("Two-step verification is on: you will be asked for a code at every sign-in."),
            )
            return redirect("hoaban_two_step")
        form.add_error("otp_token", _("That code is wrong or has expired. Try the next one."))
    context = {"enabled": enabled, "form": form}
    if device is not None:
        context.update(
            qr_code=qr_data_uri(device.config_url),
            secret=devices.secret_for_display(device),
        )
    return TemplateResponse(request, "security/two_step.html", context)
