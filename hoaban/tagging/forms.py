from wagtail.admin.forms import WagtailAdminModelForm


class TagNameForm(WagtailAdminModelForm):
    def save(self, commit=True):
        # An editor saving the name has read it: it is no longer an unreviewed machine draft.
        self.instance.machine_translated = False
        return super().save(commit=commit)
