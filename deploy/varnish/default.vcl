vcl 4.1;

# Varnish in front of Broadsheet (Varnish 7.1 with the xkey vmod from Debian's varnish-modules).
#
# - Reader pages are cached for as long as the app's Cache-Control s-maxage says, and purged by tag the
#   moment news moves: the app lists what a page shows in `Surrogate-Key` (article:12 section:politics …)
#   and, on publish, sends `PURGE` with those tags in an `xkey-purge` header (EDGE_PURGE=varnish).
# - stale-while-revalidate: a page that has just expired is served once more while a fresh copy is fetched.
# - stale-if-error: while the app is down or failing, expired pages keep being served.
# - Never cached: the newsroom (/admin), live streams (/live/), the JSON API (/api), anything but GET and
#   HEAD, and responses that set a cookie or that the app marks private or no-store.
#
# deploy/varnish/README.md explains how to run it. Change the backend address and the purgers ACL below.

import std;
import xkey;

# The Broadsheet app. For several instances, declare one backend each and pick them with a
# directors.round_robin() in vcl_init (see the README).
backend broadsheet {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 30s;
    # A cheap page that needs the app to be up; the probe decides when stale-if-error applies.
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may purge: the machines the app runs on. Add their addresses (or networks, "10.0.0.0"/8).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Markers below are set by this VCL only; a client cannot send them.
    if (req.restarts == 0) {
        unset req.http.X-Broadsheet-Encoding;
        unset req.http.X-Broadsheet-Fresh;
        unset req.http.X-Broadsheet-Stale-Ok;
        unset req.http.X-Broadsheet-Cache;
    }

    if (req.method == "PURGE") {
        call broadsheet_purge;
    }

    # Live updates (/live/events) are server-sent event streams that stay open: hand the connection over.
    if (req.url ~ "^/live/") {
        return (pipe);
    }

    # The newsroom keeps its cookies (the session) and is never cached.
    if (req.url ~ "^/admin(/|\?|$)") {
        return (pass);
    }
    # Reader pages never depend on cookies: dropping them lets every reader share one copy.
    unset req.http.Cookie;

    if (req.url ~ "^/api(/|\?|$)" || (req.method != "GET" && req.method != "HEAD")) {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }

    call broadsheet_normalise;

    # Past its freshness and beyond stale-while-revalidate, a page is fetched anew while the app is up
    # (vcl_hit restarts the request to say so); otherwise the object's own grace applies.
    if (req.http.X-Broadsheet-Fresh) {
        set req.grace = 0s;
    } elsif (req.restarts > 0) {
        # Back to the object's own grace (req.grace cannot be unset; the smaller of the two applies).
        set req.grace = 3650d;
    }
    return (hash);
}

# PURGE from an allowed address: `xkey-purge: tag tag …` removes every page with any of the tags,
# `xkey-softpurge: …` marks them stale instead, and a PURGE with neither removes the one URL.
sub broadsheet_purge {
    if (client.ip !~ purgers) {
        return (synth(403, "Purging is not allowed from this address"));
    }
    if (req.http.xkey-purge) {
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged"));
    }
    if (req.http.xkey-softpurge) {
        set req.http.X-Purged = xkey.softpurge(req.http.xkey-softpurge);
        return (synth(200, "Soft-purged"));
    }
    return (purge);
}

sub broadsheet_normalise {
    # Campaign and click identifiers do not change the page: every campaign shares one cached copy.
    if (req.url ~ "[?&](utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|twclid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_src)=") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|twclid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_src)=[^&#]*", "\1");
        set req.url = regsuball(req.url, "([?&])&+", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    # The same parameters in another order are the same page.
    set req.url = std.querysort(req.url);

    # Accept-Encoding: Varnish itself keeps one gzip copy per page, gunzipped for the rare reader who
    # cannot take gzip. Brotli (smaller than gzip for HTML) it does not know: readers who accept it get
    # a second copy, fetched from the app in brotli and kept apart by vcl_hash.
    if (req.http.Accept-Encoding ~ "(^|[\s,])br\s*(;\s*q=(1(\.0*)?|0?\.[0-9]*[1-9][0-9]*))?\s*(,|$)") {
        set req.http.X-Broadsheet-Encoding = "br";
    } else {
        unset req.http.X-Broadsheet-Encoding;
    }
}

sub vcl_hash {
    if (req.http.X-Broadsheet-Encoding == "br") {
        hash_data("br");
    }
    # Then the built-in key: URL and host.
}

sub vcl_hit {
    if (req.http.X-Broadsheet-Stale-Ok) {
        set req.http.X-Broadsheet-Cache = "HIT-STALE";
        return (deliver);
    }
    if (obj.ttl >= 0s) {
        set req.http.X-Broadsheet-Cache = "HIT";
        return (deliver);
    }
    # Expired, within stale-while-revalidate: serve it; Varnish fetches a fresh copy in the background.
    if (obj.ttl + std.duration(obj.http.X-Broadsheet-Swr, 0s) > 0s) {
        set req.http.X-Broadsheet-Cache = "HIT-STALE";
        return (deliver);
    }
    # Beyond that, only while the app is down (stale-if-error); otherwise fetch a fresh copy.
    if (!std.healthy(req.backend_hint)) {
        set req.http.X-Broadsheet-Cache = "HIT-STALE";
        return (deliver);
    }
    set req.http.X-Broadsheet-Fresh = "1";
    return (restart);
}

sub vcl_purge {
    # A URL purge removes the gzip copy first, then the brotli one (a separate object, see vcl_hash).
    if (req.http.X-Broadsheet-Encoding != "br") {
        set req.http.X-Broadsheet-Encoding = "br";
        return (restart);
    }
}

sub vcl_miss {
    set req.http.X-Broadsheet-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Broadsheet-Cache = "PASS";
}

sub vcl_backend_fetch {
    # Varnish asks the app for gzip on every miss; the brotli copy is asked for in brotli.
    if (bereq.http.X-Broadsheet-Encoding == "br") {
        set bereq.http.Accept-Encoding = "br";
    }
    unset bereq.http.X-Broadsheet-Encoding;
}

sub vcl_backend_response {
    # A failed refresh must not replace the copy readers are getting (stale-if-error): drop the failed
    # response; a refresh in the background keeps the old copy, a reader's request retries with it.
    if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.X-Broadsheet-Fresh)) {
        return (abandon);
    }
    # Never store what sets a cookie or comes from the newsroom, even if it claims to be public.
    if (beresp.http.Set-Cookie || bereq.url ~ "^/admin(/|\?|$)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The tags xkey indexes: Surrogate-Key lists them separated by spaces.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Varnish has taken the TTL from s-maxage (else max-age) and the grace from stale-while-revalidate.
    # Remember the latter, then stretch grace to stale-if-error: vcl_hit serves the extra stretch only while
    # the app is down. Keep as long again, so an expired copy can be revalidated with If-None-Match.
    set beresp.http.X-Broadsheet-Swr = beresp.grace + "s";
    if (beresp.http.Cache-Control ~ "(^|[\s,])stale-if-error=[0-9]+") {
        set beresp.http.X-Broadsheet-Sie = regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s");
        if (std.duration(beresp.http.X-Broadsheet-Sie, 0s) > beresp.grace) {
            set beresp.grace = std.duration(beresp.http.X-Broadsheet-Sie, 0s);
        }
        set beresp.keep = std.duration(beresp.http.X-Broadsheet-Sie, 0s);
        unset beresp.http.X-Broadsheet-Sie;
    }
    # Falls through to the built-in rules: private, no-store, no-cache and Vary: * are not stored.
}

sub vcl_backend_error {
    # The app could not be reached while refreshing a stale copy: keep serving that copy.
    if (bereq.is_bgfetch || bereq.http.X-Broadsheet-Fresh) {
        return (abandon);
    }
}

sub vcl_synth {
    # A refresh of a stale copy failed (abandoned above): serve the stale copy rather than an error.
    if (req.http.X-Broadsheet-Fresh && resp.status == 503 && req.restarts < 3) {
        unset req.http.X-Broadsheet-Fresh;
        set req.http.X-Broadsheet-Stale-Ok = "1";
        return (restart);
    }
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        if (req.http.X-Purged) {
            set resp.http.X-Purged = req.http.X-Purged;
            set resp.body = resp.reason + " " + req.http.X-Purged + " objects" + {"
"};
        } else {
            set resp.body = resp.reason + {"
"};
        }
        return (deliver);
    }
}

sub vcl_deliver {
    # HIT, HIT-STALE, MISS or PASS, for people and tests looking at the headers.
    if (req.http.X-Broadsheet-Cache) {
        set resp.http.X-Cache = req.http.X-Broadsheet-Cache;
    }
    unset resp.http.xkey;
    unset resp.http.X-Broadsheet-Swr;
    unset resp.http.Via;
    # Surrogate-Key and Cache-Tag stay, for a CDN in front of this Varnish; unset them here if there is none.
}
