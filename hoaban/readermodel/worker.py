"""The reader model's editor in a process of its own, for a real server's database: it reads
one JSON request a line on stdin and answers one JSON line on stdout.

    {"do": "reset"}                                   the site built afresh, the page store emptied
    {"do": "act", "name": "publish", "params": {...}}  one action (actions.ACTIONS), committed
    {"do": "expected"}                                the oracle

Run as `python -m hoaban.readermodel.worker` with the server's environment, so its purges reach
the server's page store and the proxy in front (FRONTEND_CACHE_URL) as an editor's would.
"""

import json
import sys
import traceback


def _handle(request: dict):
    from django.db import transaction

    from hoaban.pagecache import store

    from . import actions, oracle, site

    if request["do"] == "reset":
        with transaction.atomic():
            site.build()
        store.purge_all()
        return None
    if request["do"] == "act":
        with transaction.atomic():
            actions.ACTIONS[request["name"]](**request["params"])
        return None
    return oracle.expected()


def main() -> None:
    import django

    django.setup()
    for line in sys.stdin:
        try:
            answer = {"result": _handle(json.loads(line))}
        except Exception:  # the test shows the editor's traceback
            answer = {"error": traceback.format_exc()}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
