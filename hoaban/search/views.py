from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from hoaban.articles.queries import attach_sections
from hoaban.sections.models import paginate
from hoaban.translation.editions import active_locale

from .forms import SearchForm
from .highlight import highlight
from .pagination import LimitedPaginator
from .query import parse
from .services import search_articles, suggest_titles
from .stemming import stems


@require_GET
def search(request):
    form = SearchForm(request.GET, locale=active_locale())
    query = parse(request.GET.get("q", ""))
    results = None
    if form.is_valid() and query:
        found = search_articles(
            query=query,
            locales=form.selected_locales(),
            section=form.selected_section(),
            date_from=form.cleaned_data["date_from"],
            date_to=form.cleaned_data["date_to"],
            newest_first=form.newest_first,
        )
        # Results stop at a limit (LimitedPaginator): a page past it shows the last one.
        results = paginate(request, found, paginator_class=LimitedPaginator, clamp=True)
        results.object_list = attach_sections(results.object_list)
        # The thumbnails' renditions for the whole page in one query.
        prefetch_related_objects(results.object_list, "lead_image__renditions")
        for article in results.object_list:
            # Marked as matched: stemmed in the editions whose index is (stemming.py).
            stemmed = stems(article.locale.language_code)
            article.highlighted_title = highlight(article.title, query.words, stemmed=stemmed)
            article.highlighted_lead = highlight(article.lead, query.words, stemmed=stemmed)
    page_query = request.GET.copy()
    page_query.pop("page", None)
    context = {
        "form": form,
        "search_query": request.GET.get("q", ""),
        "has_words": bool(query),
        "results": results,
        "page_query": page_query.urlencode(),
        "edition_urls": _edition_urls(request),
    }
    return render(request, "search/search_page.html", context)


def _edition_urls(request) -> dict[str, str]:
    """{language code: the search page of that edition with the same words and dates}, for
    the language switcher; a section filter names one edition's section, so it stays."""
    kept = QueryDict(mutable=True)
    for name in ("q", "date_from", "date_to"):
        if request.GET.get(name):
            kept[name] = request.GET[name]
    query = f"?{kept.urlencode()}" if kept else ""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("search:search") + query
    return urls


@require_GET
@cache_control(max_age=60, public=True)
def suggest(request):
    """Title suggestions as the reader types: {"query": ..., "suggestions": [{title, url}]}."""
    query = parse(request.GET.get("q", ""))
    articles = suggest_titles(query=query, locale=active_locale())
    suggestions = [{"title": a.title, "url": a.get_url(request)} for a in articles]
    return JsonResponse(
        {"query": request.GET.get("q", ""), "suggestions": suggestions},
        json_dumps_params={"ensure_ascii": False},
    )
