"""Admin screens: the stories of other sites to republish, republish one on another site
(choose the section), and start a copy's edition from the original's translation. All are
thin: the rules are the services'."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Site

from hoaban.articles.models import ArticlePage
from hoaban.sections.models import SectionPage
from hoaban.translation.editions import edition_name

from .picker import other_sites_stories, rows
from .services import RepublishError, can_republish_into, republish
from .sites import may_pick_stories, sections_open_to
from .translations import reusable_locales, reuse_translation

STORIES_PER_PAGE = 25


class StorySearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Title"), required=False, max_length=200)


class TitledInBreadcrumbs:
    """The view's title as the last breadcrumb: Wagtail's header shows the breadcrumbs, which
    would otherwise end at "Home"."""

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_header_title()}]


class OtherSitesStoriesView(TitledInBreadcrumbs, WagtailAdminTemplateMixin, TemplateView):
    """The picker: other sites' live stories, each with where the user may republish it."""

    template_name = "republishing/stories.html"
    page_title = gettext_lazy("Stories from other sites")
    header_icon = "redirect"

    def dispatch(self, request, *args, **kwargs):
        if not may_pick_stories(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = StorySearchForm(self.request.GET)
        search = form.cleaned_data["q"] if form.is_valid() else ""
        paginator = Paginator(other_sites_stories(self.request.user, search), STORIES_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "search": search,
            "page_obj": page,
            "rows": rows(self.request.user, page.object_list),
            "elided_page_range": paginator.get_elided_page_range(page.number),
        }


class SectionChoiceForm(forms.Form):
    section = forms.ModelChoiceField(
        label=gettext_lazy("Section"),
        queryset=SectionPage.objects.none(),
        empty_label=None,
        help_text=gettext_lazy("The copy is published there at once, with the Source line."),
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections


class RepublishView(TitledInBreadcrumbs, WagtailAdminTemplateMixin, FormView):
    template_name = "republishing/republish.html"
    form_class = SectionChoiceForm
    header_icon = "redirect"

    def dispatch(self, request, page_id, site_id):
        self.original = get_object_or_404(ArticlePage, pk=page_id)
        self.site = get_object_or_404(Site, pk=site_id)
        self.sections = sections_open_to(request.user, self.site, self.original.locale_id)
        if not self.sections.exists():
            raise PermissionDenied
        return super().dispatch(request, page_id, site_id)

    def get_page_title(self):
        return _("Republish on %(site)s") % {"site": self.site.site_name}

    def get_page_subtitle(self):
        return self.original.title

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sections": self.sections}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "original": self.original, "site": self.site}

    def form_valid(self, form):
        section = form.cleaned_data["section"]
        if not can_republish_into(self.request.user, section):
            raise PermissionDenied
        try:
            copy = republish(original=self.original, section=section, user=self.request.user)
        except RepublishError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(title)s” is published on %(site)s.")
            % {"title": copy.title, "site": self.site.site_name},
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)


class ReuseTranslationView(TitledInBreadcrumbs, WagtailAdminTemplateMixin, FormView):
    """Confirm, then start the copy's edition from the original's translation, as a draft."""

    template_name = "republishing/reuse_translation.html"
    form_class = forms.Form
    header_icon = "globe"

    def dispatch(self, request, page_id, language_code):
        self.copy = get_object_or_404(ArticlePage, pk=page_id)
        self.locale = get_object_or_404(Locale, language_code=language_code)
        parent = self.copy.get_parent()
        if not parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, page_id, language_code)

    def get_page_title(self):
        return _("Use the original's %(edition)s") % {"edition": edition_name(self.locale)}

    def get_page_subtitle(self):
        return self.copy.title

    def get_context_data(self, **kwargs):
        link = self.copy.republication
        return {
            **super().get_context_data(**kwargs),
            "copy": self.copy,
            "original": link.original,
            "edition": edition_name(self.locale),
            "available": self.locale in reusable_locales(self.copy),
        }

    def form_valid(self, form):
        try:
            translated = reuse_translation(
                copy=self.copy, locale=self.locale, user=self.request.user
            )
        except RepublishError as error:
            messages.error(self.request, str(error))
            return redirect("wagtailadmin_pages:edit", self.copy.pk)
        messages.success(
            self.request,
            _("The %(edition)s draft holds the original's translation: review it, then publish.")
            % {"edition": edition_name(self.locale)},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
