"""schema.org JSON-LD for the public pages: NewsArticle and BreadcrumbList on articles,
BreadcrumbList on sections and topics, Organization and WebSite (with a SearchAction) on the
front page. Google's article and sitelinks-search-box guidelines pick the properties.

Builders take a `ShareContext` (request, publisher) and return plain dicts; the
template tag serialises them.
"""

from dataclasses import dataclass

from django.templatetags.static import static
from django.utils import translation

from hoaban.core.public_url import absolute_url, page_full_url
from hoaban.images.renditions import share_rendition

SCHEMA = "https://schema.org"
LOGO = "img/logo.png"
LOGO_SIZE = 512
# Google shows at most 110 characters of a headline.
HEADLINE_LENGTH = 110


@dataclass
class ShareContext:
    request: object
    publisher: str

    def absolute(self, path: str) -> str:
        return absolute_url(path)

    def page_url(self, page) -> str:
        return page_full_url(page, self.request)


def share_image(share: ShareContext, image, alt: str = ""):
    """(url, width, height, alt) of the share-size rendition of `image`, or None."""
    rendition = share_rendition(image)
    if rendition is None:
        return None
    return share.absolute(rendition.url), rendition.width, rendition.height, alt


def organization(share: ShareContext, home, settings=None) -> dict:
    # An edition whose home page is not published yet is represented by the site's root.
    home_url = share.page_url(home) if home is not None else share.absolute("/")
    data = {
        "@type": "NewsMediaOrganization",
        "@id": home_url + "#publisher",
        "name": share.publisher,
        "url": home_url,
        "logo": {
            "@type": "ImageObject",
            "url": share.absolute(static(LOGO)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }
    if settings is not None:
        if settings.contact_email:
            data["email"] = settings.contact_email
        if settings.phone:
            data["telephone"] = settings.phone
        if settings.address:
            data["address"] = settings.address
    return data


def search_url(home_url: str) -> str:
    """The edition's search page, /<lang>/search/?q= (the search app's route)."""
    return home_url + "search/"


def website(share: ShareContext, home) -> dict:
    home_url = share.page_url(home)
    target = search_url(home_url)
    return {
        "@type": "WebSite",
        "@id": home_url + "#website",
        "name": share.publisher,
        "url": home_url,
        "inLanguage": translation.get_language(),
        "publisher": {"@id": home_url + "#publisher"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": target + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(share: ShareContext, trail) -> dict:
    """BreadcrumbList from the edition's home page down to the page itself; a level that is
    not there (an unpublished home, an article outside any section) is left out."""
    trail = [page for page in trail if page is not None]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": page.title,
                "item": share.page_url(page),
            }
            for position, page in enumerate(trail, start=1)
        ],
    }


def news_article(share: ShareContext, article, *, section, home, tags=(), original=None) -> dict:
    """NewsArticle; `original` is the live page it was translated from, if any."""
    url = share.page_url(article)
    data = {
        "@type": "NewsArticle",
        "@id": url + "#article",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title[:HEADLINE_LENGTH],
        "description": article.lead,
        "datePublished": article.date.isoformat(),
        "dateModified": max(article.date, article.last_published_at or article.date).isoformat(),
        "inLanguage": article.locale.language_code,
        "publisher": organization(share, home),
        "isAccessibleForFree": True,
    }
    if article.byline_name:
        data["author"] = [{"@type": "Person", "name": article.byline_name}]
        if article.author_id and home is not None:
            data["author"][0]["url"] = author_url(share, home, article.author.slug)
    else:
        data["author"] = [{"@type": "Organization", "name": share.publisher}]
    image = share_image(share, article.lead_image)
    if image is not None:
        image_url, width, height, _alt = image
        data["image"] = [
            {"@type": "ImageObject", "url": image_url, "width": width, "height": height}
        ]
    if section is not None:
        data["articleSection"] = section.title
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    if article.is_syndicated:
        data["isBasedOn"] = {"@type": "CreativeWork", "url": article.source_url}
        if article.source_name:
            data["isBasedOn"]["publisher"] = {"@type": "Organization", "name": article.source_name}
    if original is not None:
        data["translationOfWork"] = {
            "@type": "NewsArticle",
            "@id": share.page_url(original) + "#article",
            "url": share.page_url(original),
            "inLanguage": original.locale.language_code,
        }
    return data


def author_url(share: ShareContext, home, slug: str) -> str:
    """The full address of a person's page in the home's edition."""
    return share.page_url(home) + home.reverse_subpage("author", args=[slug])


def profile_page(share: ShareContext, person, *, home) -> dict:
    """ProfilePage of an author page, about the person."""
    url = author_url(share, home, person.slug)
    about = {"@type": "Person", "@id": url + "#person", "name": person.name, "url": url}
    if person.role:
        about["jobTitle"] = person.role
    image = share_image(share, person.photo)
    if image is not None:
        about["image"] = image[0]
    return {"@type": "ProfilePage", "@id": url, "url": url, "mainEntity": about}


def graph(*items) -> dict:
    return {"@context": SCHEMA, "@graph": [item for item in items if item]}
