import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches, resolve, reverse

import hoaban.urls
from hoaban.security.csp import is_admin_path

PASSWORD = "Mật-khẩu-đúng-2025"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="bientapvien", email="btv@baodienbienphu.example", password=PASSWORD
    )


def sign_in(client, username, password, **extra):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password, **extra}
    )


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_sign_in_is_locked_after_repeated_wrong_passwords(client, editor):
    for _ in range(2):
        response = sign_in(client, "bientapvien", "sai-mat-khau")
        assert response.status_code == 200
        assert response.wsgi_request.user.is_anonymous
    response = sign_in(client, "bientapvien", "sai-mat-khau")
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    # Locked out: even the right password is refused until the cool-off ends.
    response = sign_in(client, "bientapvien", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_sign_in_works_with_the_lockout_on(client, editor):
    sign_in(client, "bientapvien", "sai-mat-khau")
    response = sign_in(client, "bientapvien", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.fixture
def admin_at_toa_soan():
    with override_settings(HOABAN_ADMIN_PATH="toa-soan/"):
        clear_url_caches()
        importlib.reload(hoaban.urls)
        yield
    clear_url_caches()
    importlib.reload(hoaban.urls)


def test_admin_lives_at_the_configured_path(admin_at_toa_soan, client, editor):
    assert reverse("wagtailadmin_home") == "/toa-soan/"
    assert resolve("/toa-soan/login/").url_name == "wagtailadmin_login"
    assert is_admin_path("/toa-soan/pages/")
    assert not is_admin_path("/admin/")
    assert client.get("/admin/", follow=True).status_code == 404
    assert client.get("/toa-soan/login/").status_code == 200
