"""LibreTranslate and DeepL over HTTP, speaking their documented request and response shapes.

Both check the HTTP status and the shape of the answer before returning anything, so a server
error or a truncated answer becomes an exception and never a half-translated page.
"""

import requests
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue


def _answers(strings, texts) -> dict:
    if not isinstance(texts, list) or len(texts) != len(strings):
        raise ValueError(f"expected {len(strings)} translations, got {texts!r:.200}")
    if not all(isinstance(text, str) for text in texts):
        raise ValueError("a translation is not text")
    return {string: StringValue(text) for string, text in zip(strings, texts, strict=True)}


class LibreTranslate(LibreTranslator):
    """A self-hosted LibreTranslate server (https://github.com/LibreTranslate/LibreTranslate).

    POST {url}/translate with JSON {"q": [...], "source", "target", "format": "html",
    "api_key"}; the answer is {"translatedText": [...]} in the same order.
    """

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        payload = {
            "q": [string.data for string in strings],
            "source": self.language_code(source_locale.language_code),
            "target": self.language_code(target_locale.language_code),
            "format": "html",
        }
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        response = requests.post(
            self.get_api_endpoint().rstrip("/") + "/translate",
            json=payload,
            timeout=self.get_timeout(),
        )
        response.raise_for_status()
        return _answers(strings, response.json()["translatedText"])


class DeepL(DeepLTranslator):
    """DeepL's v2 API; API_URL points it at another endpoint (a proxy, or a test server).

    POST form fields text=… (repeated), source_lang, target_lang, tag_handling=xml with header
    "Authorization: DeepL-Auth-Key …"; the answer is {"translations": [{"text": …}, …]}.
    """

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        response = requests.post(
            self.get_api_endpoint(),
            self.get_parameters(source_locale, target_locale, strings),
            timeout=float(self.options.get("TIMEOUT", 30)),
            headers=self.get_headers(),
        )
        response.raise_for_status()
        answers = response.json()["translations"]
        return _answers(strings, [item["text"] for item in answers])
