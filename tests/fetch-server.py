#!/usr/bin/env python3
"""fetch-server.py: the HTTP(S) server that tests/test-fetch talks to.

Binds 127.0.0.1 on a free port, prints the port on a line of its own and
serves fixed routes until its stdin closes (so it cannot outlive the test
that started it, even one that crashed) or it is sent SIGTERM.  With
--tls CERT KEY it speaks HTTPS.  Python 3 standard library only.

Routes:
  /page              200, EUC-KR HTML with charset, ETag and Last-Modified;
                     304 when If-None-Match or If-Modified-Since match
  /missing           404
  /redirect/N        302 to /redirect/N-1; /redirect/0 is a 200
  /loop              302 to itself, forever
  /to-file           302 to file:///etc/passwd
  /huge-chunked      64 MiB, chunked, no Content-Length
  /huge-length       announces Content-Length 64 MiB, sends 1 KiB, waits
  /slow              a byte every 0.2 s for 10 s
  /stall             nothing for 20 s, then a 200
  /story/L           an English article (L: en, fr, de) whose hreflang
                     alternates are the other two
  /gzip              a gzip-encoded text body (when the client accepts it)
  /echo              the request headers, as text/plain
  /api/echo          GET 200, POST 201: the request line, headers and body,
                     with X-WP-TotalPages: 7
  /away?to=URL       302 to URL (GET and POST)
  /seen              what this server was asked, a line a request:
                     "METHOD PATH AUTHORIZATION" ("-" without one)
Every route answers POST too, after reading the body.
"""
import gzip
import http.server
import ssl
import sys
import threading
import time

PAGE = ('<html><head><meta charset="euc-kr"><title>\uc11c\uc6b8</title>'
        '</head><body>\ud55c\uad6d\uc5b4</body></html>').encode('euc-kr')
ETAG = '"v1"'
LAST_MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT'
GZIP_TEXT = b'gzip body: ' + b'tandem ' * 200
MIB = 1024 * 1024
SEEN = []


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype='text/plain', headers=()):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send_response(302)
        self.send_header('Location', where)
        self.send_header('Content-Length', '0')
        self.end_headers()

    def do_GET(self):
        self.body = b''
        self.serve()

    def do_POST(self):
        n = int(self.headers.get('Content-Length', '0'))
        self.body = self.rfile.read(n)
        self.serve()

    def serve(self):
        if self.path != '/seen':
            SEEN.append('%s %s %s' % (self.command, self.path,
                                      self.headers.get('Authorization', '-')))
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass

    def route(self):
        p = self.path
        if p == '/api/echo':
            text = ('%s %s\n%s\n' % (self.command, p, self.headers)).encode(
                'latin-1') + self.body
            self.send(201 if self.command == 'POST' else 200, text,
                      headers=[('X-WP-TotalPages', '7')])
        elif p.startswith('/away?to='):
            self.redirect(p[len('/away?to='):])
        elif p == '/seen':
            self.send(200, ''.join(l + '\n' for l in SEEN).encode('latin-1'))
        elif p == '/page':
            if (self.headers.get('If-None-Match') == ETAG or
                    self.headers.get('If-Modified-Since') == LAST_MODIFIED):
                self.send_response(304)
                self.send_header('ETag', ETAG)
                self.end_headers()
                return
            self.send(200, PAGE, 'Text/HTML; charset="EUC-KR"',
                      [('ETag', ETAG), ('Last-Modified', LAST_MODIFIED)])
        elif p == '/missing':
            self.send(404, b'not here')
        elif p.startswith('/redirect/'):
            n = int(p[len('/redirect/'):])
            if n > 0:
                self.redirect('/redirect/%d' % (n - 1))
            else:
                self.send(200, b'landed', headers=[('ETag', '"end"')])
        elif p == '/loop':
            self.redirect('/loop')
        elif p == '/to-file':
            self.redirect('file:///etc/passwd')
        elif p == '/huge-chunked':
            self.huge_chunked()
        elif p == '/huge-length':
            self.send_response(200)
            self.send_header('Content-Type', 'text/plain')
            self.send_header('Content-Length', str(64 * MIB))
            self.end_headers()
            self.wfile.write(b'x' * 1024)
            self.wfile.flush()
            time.sleep(5)
        elif p == '/slow':
            self.send_response(200)
            self.send_header('Content-Type', 'text/plain')
            self.send_header('Content-Length', '50')
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b'.')
                self.wfile.flush()
                time.sleep(0.2)
        elif p == '/stall':
            time.sleep(20)
            self.send(200, b'too late')
        elif p.startswith('/story/'):
            links = ''.join('<link rel="alternate" hreflang="%s" '
                            'href="/story/%s">' % (l, l)
                            for l in ('en', 'fr', 'de'))
            body = ('<html lang="%s"><head><title>Story</title>%s</head>'
                    '<body><article><p>%s</p></article></body></html>' %
                    (p[7:], links, ('The %s ferry runs again. ' %
                                    p[7:]) * 20))
            self.send(200, body.encode(), 'text/html; charset=utf-8')
        elif p == '/gzip':
            if 'gzip' in self.headers.get('Accept-Encoding', ''):
                self.send(200, gzip.compress(GZIP_TEXT),
                          headers=[('Content-Encoding', 'gzip')])
            else:
                self.send(200, b'no gzip offered')
        elif p == '/echo':
            self.send(200, str(self.headers).encode('latin-1'))
        else:
            self.send(404, b'no such route')

    def huge_chunked(self):
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Transfer-Encoding', 'chunked')
        self.end_headers()
        chunk = b'y' * 65536
        frame = b'%x\r\n' % len(chunk) + chunk + b'\r\n'
        for _ in range(64 * MIB // len(chunk)):
            self.wfile.write(frame)
        self.wfile.write(b'0\r\n\r\n')


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def main():
    args = sys.argv[1:]
    srv = Server(('127.0.0.1', 0), Handler)
    if args[:1] == ['--tls']:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args[1], args[2])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    print(srv.server_address[1], flush=True)
    sys.stdin.read()            # until the test closes it or dies


if __name__ == '__main__':
    main()
