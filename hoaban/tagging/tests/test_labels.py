"""Tag names per edition: the model's slugs and checks, and the labelling service."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import Locale

from hoaban.tagging import labels
from hoaban.tagging.models import TagName, free_slug

from .conftest import name


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("vi", "en", "ru")
    }


@pytest.fixture
def tags(locales):
    tourism = Tag.objects.create(name="Du lịch", slug="du-lich")
    russia = Tag.objects.create(name="Liên bang Nga", slug="lien-bang-nga")
    name(tourism, "en", "Tourism")
    name(tourism, "ru", "Туризм")
    return tourism, russia


def test_slug_is_made_in_ascii_from_the_name_in_any_language(tags):
    tourism, russia = tags
    russian = name(russia, "ru", "Российская Федерация")
    assert russian.slug == "rossiyskaya-federatsiya"
    assert TagName.objects.get(tag=tourism, locale__language_code="ru").slug == "turizm"


def test_one_name_per_tag_and_edition(tags):
    tourism, russia = tags
    with pytest.raises(IntegrityError), transaction.atomic():
        name(tourism, "en", "Travel")


def test_slug_shared_in_one_edition_is_refused_but_free_in_another(tags):
    tourism, russia = tags
    with pytest.raises(IntegrityError), transaction.atomic():
        name(russia, "en", "Tourism")
    assert name(russia, "vi", "Tourism").slug == "tourism"


def test_clean_refuses_another_tags_own_slug_and_accepts_the_tags_own(tags, locales):
    tourism, russia = tags
    taken = TagName(tag=russia, locale=locales["en"], name="Du lịch")
    with pytest.raises(ValidationError) as error:
        taken.full_clean()
    assert "slug" in error.value.message_dict
    own = TagName(tag=russia, locale=locales["en"], name="Liên bang Nga")
    own.full_clean()
    assert own.slug == "lien-bang-nga"


def test_free_slug_adds_a_number_when_the_name_is_taken(tags, locales):
    tourism, russia = tags
    assert free_slug("Tourism", russia.pk, locales["en"].pk) == "tourism-2"
    assert free_slug("Du lịch", russia.pk, locales["en"].pk) == "du-lich-2"
    assert free_slug("Russian Federation", russia.pk, locales["en"].pk) == "russian-federation"


def test_labels_use_the_editions_name_else_the_tags_own(tags, locales):
    tourism, russia = tags
    english = labels.labels([tourism, russia], locales["en"])
    assert [(label.name, label.slug) for label in english] == [
        ("Tourism", "tourism"),
        ("Liên bang Nga", "lien-bang-nga"),
    ]
    assert str(labels.label(tourism, locales["ru"])) == "Туризм"
    assert labels.label(tourism, locales["vi"]).slug == "du-lich"


def test_labels_of_a_queryset_cost_no_query_of_their_own(tags, locales):
    queryset = Tag.objects.order_by("name")
    with CaptureQueriesContext(connection) as captured:
        found = labels.labels(queryset, locales["ru"])
    assert len(captured) == 1
    assert [label.name for label in found] == ["Туризм", "Liên bang Nga"]  # the tags' order


def test_lookup_names_many_tags_in_many_editions_with_one_query(locales):
    tags = [Tag.objects.create(name=f"Chủ đề {number}") for number in range(12)]
    for tag in tags:
        name(tag, "en", f"Topic {tag.pk}")
    with CaptureQueriesContext(connection) as captured:
        label_of = labels.lookup(tags, [locales["en"], locales["ru"]])
        english = [label_of(tag, locales["en"]).name for tag in tags]
        russian = [label_of(tag, locales["ru"].pk).name for tag in tags]
    assert len(captured) == 1
    assert english == [f"Topic {tag.pk}" for tag in tags]
    assert russian == [tag.name for tag in tags]


def test_resolve_prefers_the_editions_slug_then_the_tags_own_then_another_editions(tags, locales):
    tourism, russia = tags
    assert labels.resolve("tourism", locales["en"]).slug == "tourism"
    from_vietnamese = labels.resolve("du-lich", locales["en"])
    assert (from_vietnamese.tag, from_vietnamese.slug) == (tourism, "tourism")
    from_russian = labels.resolve("turizm", locales["en"])
    assert (from_russian.tag, from_russian.name) == (tourism, "Tourism")
    assert labels.resolve("lien-bang-nga", locales["en"]).name == "Liên bang Nga"
    assert labels.resolve("khong-ton-tai", locales["en"]) is None


def test_an_editions_own_slug_wins_over_another_tags_slug(tags, locales):
    tourism, russia = tags
    name(russia, "vi", "Nga", slug="tourism")
    assert labels.resolve("tourism", locales["vi"]).tag == russia
    assert labels.resolve("tourism", locales["en"]).tag == tourism


def test_slugs_by_language_come_with_the_resolved_tag(tags, locales):
    found = labels.resolve("du-lich", locales["vi"])
    with CaptureQueriesContext(connection) as captured:
        slugs = labels.slugs_by_language(found.tag)
    assert len(captured) == 0
    assert slugs == {"vi": "du-lich", "en": "tourism", "ru": "turizm"}
    assert labels.slugs_by_language(tags[1]) == {
        "vi": "lien-bang-nga",
        "en": "lien-bang-nga",
        "ru": "lien-bang-nga",
    }


def test_tag_ids_for_slug_take_the_tags_own_slug_or_the_editions(tags, locales):
    tourism, russia = tags
    assert list(labels.tag_ids_for_slug("turizm", locales["ru"])) == [{"pk": tourism.pk}]
    assert list(labels.tag_ids_for_slug("turizm", locales["en"])) == []
    assert list(labels.tag_ids_for_slug("turizm")) == [{"pk": tourism.pk}]
    assert list(labels.tag_ids_for_slug("du-lich", locales["en"])) == [{"pk": tourism.pk}]
