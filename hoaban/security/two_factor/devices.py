from base64 import b32encode

from django.db import transaction
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"


def verify_code(*, user, code: str) -> TOTPDevice | None:
    """The confirmed device that accepts this code, or None."""
    return match_token(user, code)


@transaction.atomic
def pending_device(*, user) -> TOTPDevice:
    """The unconfirmed device an editor is setting up (one at a time, made on first visit)."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    return device


def secret_for_display(device: TOTPDevice) -> str:
    """The key in the base32 groups authenticator apps ask for when typed by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm_device(*, device: TOTPDevice, code: str) -> bool:
    if not device.verify_token(code):
        return False
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def turn_off(*, user, code: str) -> bool:
    if verify_code(user=user, code=code) is None:
        return False
    TOTPDevice.objects.filter(user=user).delete()
    return True
