#!/usr/bin/env python3
"""web-server.py: the web site that tests/e2e/web.sh imports stories from.

Binds 127.0.0.1 on a free port, prints the port on a line of its own and
serves tests/data/web/ until it is sent SIGTERM or its stdin closes (so
it cannot outlive the test that started it).  Python 3 standard library
only.  The fixtures name an invented site, https://news.site.test;
every body is served with that replaced by http://127.0.0.1:PORT, so
their absolute and relative links both lead back here.

Routes:
  /LL/2024/05/seed-library.html  story-LL.html (LL: ko en ja zh fr); ko
                     as "text/html; charset=euc-kr" (the fixture says
                     its charset nowhere else)
  /liar/ko.html      meta-liar-ko.html: EUC-KR bytes whose <meta charset>
                     says windows-1252, as "text/html; charset=euc-kr"
  /story-en.html     story-en.html under another URL (its canonical is
                     /en/...)
  /broken/story-en.html  story-en.html whose ko alternate is a 404
                     (/broken/missing-ko.html), whose ja one redirects
                     (/broken/to-ja: 302 to the real page), plus a de
                     alternate at http://other.invalid/
  /gzip/story-fr.html  story-fr.html, gzip-encoded
  /feed.xml          an RSS feed
  /plain.html        plain.html: a page of a site with no comment API
  /missing           404
  /big               40 MiB of HTML
  /slow              answers after 5 s
  /loop              302 to itself
  /count             how many GETs were served, as text/plain
Any route takes ?delay=S (seconds, at most 30): the answer comes S s
late, for a test that must see a fetch under way.
"""
import gzip
import http.server
import os
import socketserver
import sys
import threading
import time

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'web')
SITE = b'https://news.site.test'
LANGS = ('ko', 'en', 'ja', 'zh', 'fr')
MIB = 1024 * 1024
FEED = (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>'
        b'<title>Harbor Daily</title></channel></rss>\n')
hits = 0


def fixture(name, port):
    with open(os.path.join(DATA, name), 'rb') as f:
        body = f.read()
    return body.replace(SITE, b'http://127.0.0.1:%d' % port)


def broken(port):
    """story-en with one alternate missing, one redirecting, one away."""
    body = fixture('story-en.html', port)
    base = b'http://127.0.0.1:%d' % port
    body = body.replace(
        b'hreflang="ko" href="' + base + b'/ko/2024/05/seed-library.html"',
        b'hreflang="ko" href="/broken/missing-ko.html"')
    body = body.replace(
        b'hreflang="ja" href="/ja/2024/05/seed-library.html"',
        b'hreflang="ja" href="/broken/to-ja"')
    return body.replace(
        b'<link rel="stylesheet"',
        b'<link rel="alternate" hreflang="de" '
        b'href="http://other.invalid/de/2024/05/seed-library.html">\n'
        b'<link rel="stylesheet"', 1)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    disable_nagle_algorithm = True  # headers and body go as two writes

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype='text/html; charset=utf-8',
             headers=()):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send(302, b'', 'text/plain', [('Location', where)])

    def do_GET(self):
        global hits
        hits += 1
        try:
            self.delay()
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def delay(self):
        """?delay=S on any route: answer S seconds later (at most 30)."""
        query = self.path.partition('?')[2]
        for kv in query.split('&'):
            k, _, v = kv.partition('=')
            if k == 'delay':
                time.sleep(min(float(v), 30.0))

    def route(self):
        port = self.server.server_address[1]
        p = self.path.split('?')[0]
        parts = p.strip('/').split('/')
        if (len(parts) == 4 and parts[0] in LANGS and
                parts[1:] == ['2024', '05', 'seed-library.html']):
            body = fixture('story-%s.html' % parts[0], port)
            ctype = ('text/html; charset=euc-kr' if parts[0] == 'ko'
                     else 'text/html')
            self.send(200, body, ctype)
        elif p == '/liar/ko.html':
            self.send(200, fixture('meta-liar-ko.html', port),
                      'text/html; charset=euc-kr')
        elif p == '/story-en.html':
            self.send(200, fixture('story-en.html', port))
        elif p == '/broken/story-en.html':
            self.send(200, broken(port))
        elif p == '/broken/to-ja':
            self.redirect('/ja/2024/05/seed-library.html')
        elif p == '/gzip/story-fr.html':
            body = gzip.compress(fixture('story-fr.html', port))
            self.send(200, body, 'text/html; charset=utf-8',
                      [('Content-Encoding', 'gzip')])
        elif p == '/plain.html':
            self.send(200, fixture('plain.html', port))
        elif p == '/feed.xml':
            self.send(200, FEED, 'application/rss+xml')
        elif p == '/big':
            self.big()
        elif p == '/slow':
            time.sleep(5)
            self.send(200, fixture('story-en.html', port))
        elif p == '/loop':
            self.redirect('/loop')
        elif p == '/count':
            self.send(200, b'%d\n' % hits, 'text/plain')
        else:
            self.send(404, b'not here\n', 'text/plain')

    def big(self):
        """40 MiB without a Content-Length: the cap must stop the read."""
        self.send_response(200)
        self.send_header('Content-Type', 'text/html')
        self.send_header('Connection', 'close')
        self.end_headers()
        self.wfile.write(b'<!doctype html><html><body>')
        chunk = b'<p>' + b'x' * (MIB - 8) + b'</p>\n'
        for _ in range(40):
            self.wfile.write(chunk)
        self.close_connection = True


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def main():
    srv = Server(('127.0.0.1', 0), Handler)
    print(srv.server_address[1], flush=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        sys.stdin.read()
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    main()
