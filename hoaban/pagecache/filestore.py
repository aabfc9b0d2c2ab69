"""The page cache's file backend for the embedded default.

Django's file cache compresses every entry with zlib. For a stored page that means inflating
the whole HTML on every hit, which costs more than the rest of answering from the cache; disk
is cheaper than that CPU, so pages are stored as they are (MAX_ENTRIES bounds the space).
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class PageFileCache(FileBasedCache):
    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return pickle.load(f)
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        # The parent's touch inflates the stored value; storing it again does the same here.
        value = self.get(key, version=version)
        if value is None:
            return False
        self.set(key, value, timeout, version=version)
        return True
