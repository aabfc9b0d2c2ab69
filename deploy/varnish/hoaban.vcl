# Varnish in front of Hoa Ban's app servers. The app decides what may be shared (it marks
# anonymous pages "Cache-Control: public, s-maxage=…" and never sets cookies on them); this
# file keeps visitors' cookies from splitting the cache, answers the PURGE requests that
# wagtail.contrib.frontend_cache sends on publish, and keeps serving during spikes.
vcl 4.1;

import std;

backend hoaban {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the app servers (set FRONTEND_CACHE_URL to this Varnish on each of them).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging not allowed from " + client.ip));
        }
        # One ban per path covers all its query strings (a listing's ?page=N), on the site the
        # PURGE's Host names: sites of one install share paths (/vi/, /api/v1/articles/). The
        # host is compared without its port, as Wagtail matches sites by host name first.
        ban("obj.http.x-host == " + std.tolower(regsub(req.http.host, ":[0-9]+$", ""))
            + " && obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Logged-in editors (session) and readers with a pending message get their own pages.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Analytics parameters do not change a page; left in, each link shared would be a miss.
    set req.url = regsuball(req.url, "([?&])(utm_[^=&]*|fbclid|gclid|mc_[^=&]*)=[^&]*", "\1");
    set req.url = regsuball(req.url, "([?&])&+", "\1");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
    # Any other cookie (analytics, consent, csrftoken) is not the page's business.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Remembered on the object so PURGE can ban by host and path (ban-lurker friendly).
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    set beresp.http.x-host = std.tolower(regsub(bereq.http.host, ":[0-9]+$", ""));
    # Only what the app explicitly shares is kept; the builtin rules then refuse anything
    # with Set-Cookie or private/no-store.
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # When a story breaks, serve the last copy while one request renders the new one, and
    # keep the site up for an hour if every app server is down.
    set beresp.grace = 1h;
    # The app sends pages, feeds and API answers uncompressed (static files come gzipped
    # from WhiteNoise): Varnish compresses each cached object once and serves it gzipped to
    # every client that accepts it.
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml))"
        && !beresp.http.Content-Encoding) {
        set beresp.do_gzip = true;
    }
}

sub vcl_deliver {
    unset resp.http.x-path;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
