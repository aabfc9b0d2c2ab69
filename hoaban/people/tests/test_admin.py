"""Editors add people in the admin; the address of their page is made from the name."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from hoaban.people.models import Person


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("quantri", password="mat-khau-1")
    client.force_login(user)
    return client


def add_url():
    return f"/{settings.HOABAN_ADMIN_PATH}snippets/people/person/add/"


def test_person_added_without_a_slug_gets_one_from_the_name(admin_client):
    response = admin_client.post(add_url(), {"name": "Lò Thị Mai", "slug": "", "role": ""})

    assert response.status_code == 302
    assert Person.objects.get(name="Lò Thị Mai").slug == "lo-thi-mai"


def test_a_slug_another_person_has_is_refused_and_nothing_is_lost(admin_client):
    Person.objects.create(name="Quang Hưng")

    response = admin_client.post(
        add_url(), {"name": "Quang Hưng Anh", "slug": "quang-hung", "role": "Phóng viên"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Quang Hưng Anh" in page  # the form comes back filled in
    assert not Person.objects.filter(name="Quang Hưng Anh").exists()
