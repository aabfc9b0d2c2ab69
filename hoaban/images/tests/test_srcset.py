from unittest import mock

from django.template import engines
from wagtail.images.models import Filter

SRCSET = (
    '{% srcset_image photo fill-{320x180,640x360} sizes="(min-width: 60em) 20em, 100vw" '
    'alt="Chiếc khèn Mông" loading="lazy" %}'
)


def render(library, **context):
    return engines["django"].from_string("{% load " + library + " %}" + SRCSET).render(context)


def test_srcset_tag_writes_what_wagtails_writes(photos):
    khen, lop_hoc = photos
    for photo in (khen, lop_hoc):
        ours = render("srcset", photo=photo)
        assert ours == render("wagtailimages_tags", photo=photo)
        assert "320w" in ours and "640w" in ours and 'alt="Chiếc khèn Mông"' in ours
    assert render("srcset", photo=None) == ""


def test_srcset_tag_builds_its_filters_once_per_template(photos):
    khen, lop_hoc = photos
    template = engines["django"].from_string("{% load srcset %}" + SRCSET)
    template.render({"photo": khen})
    with mock.patch.object(Filter, "__init__", autospec=True, side_effect=Filter.__init__) as made:
        second = template.render({"photo": lop_hoc})
    assert made.call_count == 0
    assert second == render("wagtailimages_tags", photo=lop_hoc)
