import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .test_admin_login import PASSWORD, sign_in


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="phongvien", email="pv@baodienbienphu.example", password=PASSWORD
    )


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)


def test_editor_without_an_authenticator_signs_in_with_the_password_alone(client, editor):
    response = sign_in(client, "phongvien", PASSWORD)
    assert response.status_code == 302


def test_editor_with_an_authenticator_is_asked_for_the_code(client, device):
    response = sign_in(client, "phongvien", PASSWORD)
    assert response.status_code == 200
    assert "nhập mã sáu chữ số" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_authenticator_code_is_refused(client, device):
    wrong_code = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = sign_in(client, "phongvien", PASSWORD, otp_token=wrong_code)
    assert response.status_code == 200
    assert "sai hoặc đã hết hạn" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_right_authenticator_code_signs_in(client, device):
    response = sign_in(client, "phongvien", PASSWORD, otp_token=current_code(device))
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_editor_turns_two_step_verification_on_and_off(client, editor):
    client.force_login(editor)
    url = reverse("hoaban_two_step")
    page = client.get(url)
    assert page.status_code == 200
    assert "data:image/svg+xml;base64," in page.content.decode()
    pending = TOTPDevice.objects.get(user=editor, confirmed=False)

    refused = client.post(url, {"otp_token": "12345"})
    assert refused.status_code == 200
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    pending.refresh_from_db()
    pending.throttle_reset()  # django-otp delays the next try after a wrong code

    assert client.post(url, {"otp_token": current_code(pending)}).status_code == 302
    assert TOTPDevice.objects.get(user=editor).confirmed

    pending.refresh_from_db()
    pending.last_t = -1  # the same 30-second code may be used once more for the test
    pending.save()
    assert client.post(url, {"otp_token": current_code(pending)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
