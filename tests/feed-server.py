#!/usr/bin/env python3
"""feed-server.py: the feeds that the subscription tests update from.

Binds 127.0.0.1 on a free port, prints the port on a line of its own and
serves the fixtures of tests/data/subscribe/ (with @SITE@ replaced by
http://127.0.0.1:PORT) until SIGTERM or its stdin closes.  Python 3
standard library only; a thread per request, so slow answers overlap.
Every request is recorded with the headers a conditional GET sends.

Routes:
  /f/NAME.xml         NAME.xml (NAME.v2.xml after /bump?NAME), with an
                      ETag and a Last-Modified; 304 when the request's
                      If-None-Match or If-Modified-Since matches
  /pl/en/feed/, /pl/fr/feed/     polylang-LL.xml (a per-language pair)
  /pl/en/harbour-festival/, /pl/fr/festival-du-port/   page-LL.html
  /site.html          a page that names /f/rss.xml as its feed
  /notes/lighthouse   lighthouse.html, the page of a summary-only entry
  /moved              301 to /f/atom.xml?from=moved
  /gone               410
  /busy               503 with Retry-After: 120
  /sw/KIND.xml        rss.xml until /bump?sw-KIND, then as KIND says:
                      moved (301 to /f/atom.xml?from=moved), gone (410), busy (503
                      with Retry-After: 120)
  /gen/N.xml?items=K&delay=S   a generated RSS feed N with K items
                      (default 20) plus V % 3, answered S seconds late
                      (default 0), with validators and 304 as /f/;
                      every title ends " vV", the ETag starts "vV-",
                      V the version: 0, one more after each /bump?gen
  /c/NAME.xml         c-NAME.xml (c-NAME.v2.xml after /bump?c-NAME):
                      an entry's comment feed, always 200
  /bump?NAME          serve NAME.v2.xml from now on
  /log                the requests so far, one JSON object a line:
                      {"path", "inm", "ims"}
  anything else       404
"""
import email.utils
import hashlib
import http.server
import json
import os
import socketserver
import sys
import threading
import time
import urllib.parse

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data',
                    'subscribe')
LAST_MODIFIED = email.utils.formatdate(1777777777, usegmt=True)
bumped = set()
version = [0]	# of the generated feeds: /bump?gen adds one
log = []
lock = threading.Lock()


def fixture(name, site):
    with open(os.path.join(DATA, name), 'rb') as f:
        return f.read().replace(b'@SITE@', site.encode())


def generated(n, items, site):
    v = version[0]
    items += v % 3
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
           '<channel><title>Generated feed %d</title><link>%s/gen/%d/</link>'
           '<language>en</language>' % (n, site, n)]
    for i in range(items):
        out.append('<item><title>Feed %d story %d v%d</title>'
                   '<link>%s/gen/%d/story-%d.html</link>'
                   '<guid isPermaLink="false">gen-%d-%d</guid>'
                   '<pubDate>Mon, 04 May 2026 12:%02d:00 +0000</pubDate>'
                   '<description>Story %d of feed %d: the harbour, the '
                   'boats and the weather on the quay, in a few sentences '
                   'long enough to be a paragraph of a real feed.'
                   '</description></item>'
                   % (n, i, v, site, n, i, n, i, i % 60, i, n))
    out.append('</channel></rss>\n')
    return ''.join(out).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def site(self):
        return 'http://127.0.0.1:%d' % self.server.server_address[1]

    def send(self, code, body=b'', ctype='text/plain', headers=()):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def feed(self, body, ctype='application/rss+xml', tag=''):
        etag = '"%s%s"' % (tag, hashlib.sha1(body).hexdigest()[:16])
        inm = self.headers.get('If-None-Match')
        ims = self.headers.get('If-Modified-Since')
        if inm == etag or (inm is None and ims == LAST_MODIFIED):
            self.send(304, b'', ctype, [('ETag', etag)])
            return
        self.send(200, body, ctype, [('ETag', etag),
                                     ('Last-Modified', LAST_MODIFIED)])

    def do_GET(self):
        u = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(u.query)
        p = u.path
        with lock:
            log.append({'path': self.path,
                        'inm': self.headers.get('If-None-Match'),
                        'ims': self.headers.get('If-Modified-Since')})
        site = self.site()
        if p.startswith('/f/') and p.endswith('.xml'):
            name = p[3:-4]
            if '/' in name or '.' in name:
                return self.send(404, b'no\n')
            if name in bumped:
                name += '.v2'
            try:
                body = fixture(name + '.xml', site)
            except OSError:
                return self.send(404, b'no\n')
            ctype = ('application/atom+xml' if b'<feed' in body[:200]
                     else 'application/rss+xml')
            return self.feed(body, ctype)
        if p.startswith('/c/') and p.endswith('.xml') and \
                '/' not in p[3:-4] and '.' not in p[3:-4]:
            name = 'c-' + p[3:-4]
            if name in bumped:
                name += '.v2'
            try:
                body = fixture(name + '.xml', site)
            except OSError:
                return self.send(404, b'no\n')
            return self.send(200, body, 'application/xml')
        if p in ('/pl/en/feed/', '/pl/fr/feed/'):
            return self.feed(fixture('polylang-%s.xml' % p[4:6], site))
        if p == '/pl/en/harbour-festival/':
            return self.send(200, fixture('page-en.html', site),
                             'text/html; charset=utf-8')
        if p == '/pl/fr/festival-du-port/':
            return self.send(200, fixture('page-fr.html', site),
                             'text/html; charset=utf-8')
        if p == '/notes/lighthouse':
            return self.send(200, fixture('lighthouse.html', site),
                             'text/html; charset=utf-8')
        if p == '/site.html':
            return self.send(200, fixture('site.html', site),
                             'text/html; charset=utf-8')
        if p.startswith('/sw/') and p.endswith('.xml'):
            kind = p[4:-4]
            if 'sw-' + kind not in bumped:
                return self.feed(fixture('rss.xml', site))
            p = {'moved': '/moved', 'gone': '/gone',
                 'busy': '/busy'}.get(kind, '/none')
        if p == '/moved':
            return self.send(301, b'moved\n', headers=[
                ('Location', site + '/f/atom.xml?from=moved')])
        if p == '/gone':
            return self.send(410, b'gone\n')
        if p == '/busy':
            return self.send(503, b'busy\n', headers=[('Retry-After',
                                                       '120')])
        if p.startswith('/gen/') and p.endswith('.xml'):
            try:
                n = int(p[5:-4])
                items = int(q.get('items', ['20'])[0])
                delay = min(float(q.get('delay', ['0'])[0]), 30)
            except ValueError:
                return self.send(404, b'no\n')
            if delay > 0:
                time.sleep(delay)
            return self.feed(generated(n, items, site),
                             tag='v%d-' % version[0])
        if p == '/bump':
            if u.query == 'gen':
                version[0] += 1
            bumped.add(u.query)
            return self.send(200, b'ok\n')
        if p == '/log':
            with lock:
                body = ''.join(json.dumps(e) + '\n' for e in log)
            return self.send(200, body.encode())
        return self.send(404, b'no such page\n')


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        pass	# a client that hangs up early is no news


def main():
    srv = Server(('127.0.0.1', 0), Handler)
    print(srv.server_address[1], flush=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        sys.stdin.read()	# returns when the test closes our stdin
    except KeyboardInterrupt:
        pass
    srv.shutdown()


if __name__ == '__main__':
    main()
