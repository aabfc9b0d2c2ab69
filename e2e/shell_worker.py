"""Runs the Python scripts an e2e test sends (LiveSite.shell) against a LiveSite's database,
one after another in one process: a `manage.py shell -c` per script paid Django's start-up,
seconds of CPU, every time.

Each script gets fresh globals and starts as a new process would: no open database connection
(so it sees every commit, and a database outage, as a new process does), empty process-local
caches and no active language. Shared caches (the server's page files, Redis) are left alone.
A JSON line in (the script), a JSON line out: what it printed, and the traceback if it failed.
"""

import contextlib
import io
import json
import sys
import traceback

import django


def main():
    django.setup()
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache
    from django.db import connections
    from django.utils import translation

    answers = sys.stdout
    for line in sys.stdin:
        printed = io.StringIO()
        answer = {}
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(json.loads(line), "<shell script>", "exec"), {"__name__": "__main__"})
        except Exception:
            answer["error"] = traceback.format_exc()
        finally:
            connections.close_all()
            for cache in caches.all(initialized_only=True):
                if isinstance(cache, LocMemCache):
                    cache.clear()
            translation.deactivate()
        answer["printed"] = printed.getvalue()
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
