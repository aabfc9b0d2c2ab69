"""Gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py hoaban.wsgi`.

Every value can be overridden from the environment (WEB_CONCURRENCY, GUNICORN_THREADS, BIND,
...) or on the command line, so one file serves a 2-core VM and a 32-core host alike.
"""

import multiprocessing
import os

from gunicorn.http import wsgi

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Rendering is CPU-bound, waiting on PostgreSQL/Redis is not: two processes per core plus one,
# each with a few threads to overlap that waiting, is the usual starting point for Django.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# Keep-alive matters behind a proxy that reuses its backend connections (Varnish does).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak in any dependency never grows without bound,
# but rarely: a new worker starts with none of what each process keeps (renditions, the page
# store's tokens), and a worker answering 2,000 cached pages a second would
# otherwise restart every few seconds (p99 doubled with recycling every 2,000 requests).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# Load the code once before forking: faster start, memory shared between workers.
preload_app = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = (
    '{"time":"%(t)s","remote":"%(h)s","method":"%(m)s","path":"%(U)s","query":"%(q)s",'
    '"status":%(s)s,"bytes":"%(B)s","duration_us":%(D)s,"user_agent":"%(a)s"}'
)
errorlog = "-"


# Gunicorn names itself in a Server header on every response and has no setting to stop it;
# the name and version only help someone looking for a known flaw. Patched here, in the
# master, before the workers fork.
def _without_server_header(default_headers):
    def headers(response):
        return [line for line in default_headers(response) if not line.startswith("Server:")]

    return headers


wsgi.Response.default_headers = _without_server_header(wsgi.Response.default_headers)
