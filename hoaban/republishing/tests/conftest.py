from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from hoaban.core.models import NewsroomSettings
from hoaban.core.newsroom import ensure_newsroom_roles, ensure_site_roles
from hoaban.home.models import HomePage
from hoaban.sections.models import SectionPage
from hoaban.testing import translate

PLATFORM_HOST = "quangba.example"


@dataclass
class Platform:
    home: HomePage
    site: Site
    news: SectionPage
    local: SectionPage


NEWSPAPER_URL = "https://baodienbienphu.example"


@pytest.fixture
def platform(news_site, settings):
    """The national promotion platform beside the newspaper: its own site and two sections.
    The newspaper at a public address a Source link can hold (the test client's "testserver"
    is no valid URL)."""
    settings.HOABAN_PUBLIC_BASE_URL = NEWSPAPER_URL
    NewsroomSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"publisher_name": "Báo Điện Biên Phủ"},
    )
    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Cổng Quảng bá Việt Nam", slug="platform-vi", locale=news_site.home.locale
        )
    )
    home.save_revision().publish()
    site = Site.objects.create(
        hostname=PLATFORM_HOST, port=80, root_page=home, site_name="Cổng Quảng bá Việt Nam"
    )
    NewsroomSettings.objects.update_or_create(
        site=site, defaults={"publisher_name": "Cổng Quảng bá Việt Nam", "default_dateline": ""}
    )
    sections = []
    for title in ("Tin tức", "Địa phương"):
        section = SectionPage(title=title, listing="own", show_in_menus=True)
        home.add_child(instance=section)
        section.save_revision().publish()
        sections.append(section)
    return Platform(home=home, site=site, news=sections[0], local=sections[1])


def _member(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@hoaban.example", "mật-khẩu")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def roles(db):
    ensure_newsroom_roles()


@pytest.fixture
def editor(roles, platform):
    """An editor of the platform's newsroom (each site has its own, hoaban.core.newsroom)."""
    return _member("bien-tap", ensure_site_roles(platform.site).editors.name)


@pytest.fixture
def newspaper_editor(roles, platform):
    """An editor of the newspaper's newsroom: corrects and withdraws the originals."""
    return _member(
        "bien-tap-bao", ensure_site_roles(Site.objects.get(is_default_site=True)).editors.name
    )


@pytest.fixture
def english_platform(platform):
    """The platform's English edition (home and local section). Ask for it before `copy`:
    Wagtail keeps a user's page permissions on the user object, so the fixture's editor, once
    it has republished, would not see the grants a later edition home gets (a new request's
    user would)."""
    translate(platform.home, "en", title="Vietnam Promotion Portal", slug="platform-en")
    translate(platform.local, "en", title="Local", slug="local")


@pytest.fixture
def reporter(roles, platform):
    return _member("phong-vien", ensure_site_roles(platform.site).reporters.name)
