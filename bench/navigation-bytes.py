#!/usr/bin/env python3
"""Bytes a browser downloads per navigation (issue 17, fast assets).

Signs in with a session cookie, then walks the given pages twice, as a browser with a cache would: each page's
HTML, then every stylesheet, script and icon it links (href/src under /css, /js, /img, /webjars). An asset is
downloaded again unless its last answer allowed caching it: `immutable`/`max-age` -> not asked again;
`no-cache` or a Last-Modified/ETag -> asked again conditionally (a 304 costs its headers only); `no-store` ->
downloaded again. Prints, per page, the wire bytes (body as sent, compressed when the server compressed it, plus
headers) of the first visit (empty cache) and of the second (warm cache), and the totals.

    bench/navigation-bytes.py BASE COOKIE PATH...
"""
import http.client
import re
import sys
import urllib.parse

base, cookie, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
url = urllib.parse.urlparse(base)
ASSET = re.compile(r'(?:href|src)="(/(?:css|js|img|webjars)/[^"]+)"')
cache = {}  # path -> ("fresh" | "revalidate", validators)


def fetch(path, conditional=None):
    conn = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"Cookie": cookie, "Accept-Encoding": "gzip, deflate, br", "Accept": "text/html,*/*"}
    if conditional:
        headers.update(conditional)
    conn.request("GET", path, headers=headers)
    r = conn.getresponse()
    body = r.read()
    head = sum(len(k) + len(v) + 4 for k, v in r.getheaders()) + 17
    conn.close()
    return r, len(body) + head, body


def visit(path):
    r, size, body = fetch(path)
    total = size
    html = body
    if r.getheader("Content-Encoding") == "gzip":
        import gzip
        html = gzip.decompress(body)
    for asset in dict.fromkeys(ASSET.findall(html.decode("utf-8", "replace"))):
        state = cache.get(asset)
        if state and state[0] == "fresh":
            continue
        cond = state[1] if state else None
        a, asize, _ = fetch(asset, cond)
        total += asize
        cc = (a.getheader("Cache-Control") or "").lower()
        validators = {}
        if a.getheader("Last-Modified"):
            validators["If-Modified-Since"] = a.getheader("Last-Modified")
        if a.getheader("ETag"):
            validators["If-None-Match"] = a.getheader("ETag")
        if a.status == 304:
            continue
        if "no-store" in cc:
            cache.pop(asset, None)
        elif "immutable" in cc or ("max-age" in cc and "max-age=0" not in cc and "no-cache" not in cc):
            cache[asset] = ("fresh", None)
        elif validators:
            cache[asset] = ("revalidate", validators)
    return total, r.getheader("Content-Encoding") or "identity", r.getheader("Cache-Control")


first = second = 0
for rnd in (1, 2):
    for p in paths:
        total, enc, cc = visit(p)
        if rnd == 1:
            first += total
        else:
            second += total
        print(f"visit {rnd} {p}: {total / 1024:.1f} KB (HTML {enc}, Cache-Control: {cc})")
print(f"TOTAL first visits {first / 1024:.1f} KB ({first / 1024 / len(paths):.1f} KB per page), "
      f"later visits {second / 1024:.1f} KB ({second / 1024 / len(paths):.1f} KB per page)")
