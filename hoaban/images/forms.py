from wagtail.admin.forms import WagtailAdminModelForm


class PhotoTextForm(WagtailAdminModelForm):
    def save(self, commit=True):
        # An editor saving the text has read it: it is no longer an unreviewed machine draft.
        self.instance.machine_translated = False
        return super().save(commit=commit)
