"""Editors list, find and correct each edition's photo texts in the Wagtail admin."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from hoaban.core.newsroom import EDITORS, ensure_newsroom_roles
from hoaban.images.models import PhotoText

from .conftest import photo_text

LISTING = "/admin/snippets/images/phototext/"


@pytest.fixture
def editor_client(client, db):
    ensure_newsroom_roles()
    user = get_user_model().objects.create_user("bientap", password="mat-khau-1")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def test_editors_list_photo_texts_by_edition_by_review_and_by_search(editor_client, photos):
    _khen, lop_hoc = photos
    photo_text(lop_hoc, "ru", "[ru] Lớp học tiếng Nga", machine_translated=True)
    menu = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert json.dumps("Mô tả ảnh") in menu
    russian = Locale.objects.get(language_code="ru")
    listed = editor_client.get(f"{LISTING}?locale={russian.pk}").content.decode()
    assert "[ru] Lớp học tiếng Nga" in listed
    assert "A Mông khèn" not in listed
    machine = editor_client.get(f"{LISTING}?machine_translated=true").content.decode()
    assert "[ru] Lớp học tiếng Nga" in machine
    assert "A Mông khèn" not in machine
    found = editor_client.get(f"{LISTING}?q=khèn").content.decode()
    assert "A Mông khèn" in found
    assert "[ru] Lớp học tiếng Nga" not in found


def test_an_editor_saving_a_machine_text_reviews_it(editor_client, photos):
    _khen, lop_hoc = photos
    machine = photo_text(lop_hoc, "ru", "[ru] Lớp học tiếng Nga", machine_translated=True)
    response = editor_client.post(
        reverse("wagtailsnippets_images_phototext:edit", args=[machine.pk]),
        {
            "image": lop_hoc.pk,
            "locale": machine.locale_id,
            "alt": "Урок русского языка для учащихся из Điện Biên",
            "caption": "",
        },
    )
    assert response.status_code == 302
    machine.refresh_from_db()
    assert machine.alt == "Урок русского языка для учащихся из Điện Biên"
    assert not machine.machine_translated
    assert not PhotoText.objects.filter(machine_translated=True).exists()
