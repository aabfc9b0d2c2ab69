from hoaban.ingest.models import Source


def make_source(site, portal, name, *, section="news", **fields) -> Source:
    fields.setdefault("home_url", portal.url(name.lower().replace(" ", "-")))
    return Source.objects.create(name=name, default_section=site.sections[section], **fields)


def feed_source(site, portal, name, path, **fields) -> Source:
    return make_source(site, portal, name, feed_url=portal.url(path), **fields)
