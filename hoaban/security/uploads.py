"""Documents are accepted by what they contain, not by what their name says.

Wagtail already checks images this way (and enforces WAGTAILIMAGES_MAX_* limits, Pillow's
decompression-bomb check included). Documents it checks by extension only, so a page of HTML
renamed report.pdf would be stored and served. This form base, named by
WAGTAILDOCS_DOCUMENT_FORM_BASE, is used by every document upload in the admin (single,
multiple and chooser).
"""

import filetype
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# What the content of each allowed extension must be detected as (None: plain text).
BINARY_KINDS = {
    "pdf": {"pdf"},
    "rtf": {"rtf"},
    "zip": {"zip"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "webm": {"webm"},
    "mp4": {"mp4"},
}
TEXT_EXTENSIONS = {"csv", "txt"}
SNIFF_BYTES = 8192


class UnacceptableDocument(forms.ValidationError):
    pass


def _is_plain_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(head) - 3
    return True


def check_document(*, name: str, head: bytes, size: int) -> None:
    """Raise UnacceptableDocument unless the file is an allowed kind and within the size limit."""
    limit = settings.HOABAN_MAX_DOCUMENT_UPLOAD_SIZE
    if size > limit:
        raise UnacceptableDocument(
            _("This file is too big (%(size)s). The largest document accepted is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension in TEXT_EXTENSIONS:
        if _is_plain_text(head):
            return
    elif extension in BINARY_KINDS:
        kind = filetype.guess(head)
        if kind is not None and kind.extension in BINARY_KINDS[extension]:
            return
    else:
        raise UnacceptableDocument(
            _("Files of this type are not accepted. Allowed: %(extensions)s.")
            % {"extensions": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)},
            code="invalid_extension",
        )
    raise UnacceptableDocument(
        _(
            "The content of this file is not a valid .%(extension)s document. "
            "Save it again in that format, or give it the extension that matches its content."
        )
        % {"extension": extension},
        code="content_mismatch",
    )


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            upload.seek(0)
            head = upload.read(SNIFF_BYTES)
            upload.seek(0)
            check_document(name=upload.name, head=head, size=upload.size)
        return upload
