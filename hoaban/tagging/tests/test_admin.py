"""Editors list, find and correct each edition's tag names in the Wagtail admin."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Locale

from hoaban.core.newsroom import EDITORS, ensure_newsroom_roles
from hoaban.tagging.models import TagName

from .conftest import name

LISTING = "/admin/snippets/tagging/tagname/"


@pytest.fixture
def editor_client(client, db):
    ensure_newsroom_roles()
    user = get_user_model().objects.create_user("bientap", password="mat-khau-1")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


@pytest.fixture
def tag_names(db):
    for code in ("vi", "en", "ru"):
        Locale.objects.get_or_create(language_code=code)
    tourism = Tag.objects.create(name="Du lịch", slug="du-lich")
    festival = Tag.objects.create(name="Lễ hội Hoa Ban", slug="le-hoi-hoa-ban")
    return [
        name(tourism, "en", "Tourism"),
        name(tourism, "ru", "Туризм"),
        name(festival, "en", "[en] Lễ hội Hoa Ban", machine_translated=True),
    ]


def test_editors_find_tag_names_in_the_menu_by_edition_and_by_search(editor_client, tag_names):
    menu = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert json.dumps("Tên thẻ") in menu
    russian = Locale.objects.get(language_code="ru")
    listed = editor_client.get(f"{LISTING}?locale={russian.pk}").content.decode()
    assert "Туризм" in listed
    assert "Tourism" not in listed
    found = editor_client.get(f"{LISTING}?q=hoa+ban").content.decode()
    assert "[en] Lễ hội Hoa Ban" in found
    assert "Туризм" not in found
    machine = editor_client.get(f"{LISTING}?machine_translated=true").content.decode()
    assert "[en] Lễ hội Hoa Ban" in machine
    assert "Туризм" not in machine


def test_an_editor_saving_a_machine_name_reviews_it_and_a_blank_slug_follows_the_name(
    editor_client, tag_names
):
    machine = tag_names[2]
    response = editor_client.post(
        reverse("wagtailsnippets_tagging_tagname:edit", args=[machine.pk]),
        {
            "tag": machine.tag_id,
            "locale": machine.locale_id,
            "name": "Ban Flower Festival",
            "slug": "",
        },
    )
    assert response.status_code == 302
    machine.refresh_from_db()
    assert (machine.name, machine.slug, machine.machine_translated) == (
        "Ban Flower Festival",
        "ban-flower-festival",
        False,
    )


def test_a_slug_another_tag_uses_is_refused_with_a_reason(editor_client, tag_names):
    machine = tag_names[2]
    response = editor_client.post(
        reverse("wagtailsnippets_tagging_tagname:edit", args=[machine.pk]),
        {"tag": machine.tag_id, "locale": machine.locale_id, "name": "Du lịch", "slug": ""},
    )
    assert response.status_code == 200
    assert TagName.objects.get(pk=machine.pk).name == "[en] Lễ hội Hoa Ban"
