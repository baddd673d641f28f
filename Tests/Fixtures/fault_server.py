#!/usr/bin/env python3
"""A misbehaving HTTP server for fetch's tests and benchmark. Binds 127.0.0.1 only.

Prints "PORT <n>" on stdout once listening, followed by " TLSPORT <m>" when openssl is
there to make a throwaway self-signed certificate (an HTTPS twin no client trusts, for TLS failures). Exits when stdin closes (its parent
test or script ended) or after --lifetime seconds, whichever comes first.

Paths:
  /page/<n>            HTML page n, with ETag and Last-Modified; 304 on a matching conditional request
  /plain               text/plain
  /latin1              HTML declared ISO-8859-1 in Content-Type
  /nocharset           HTML in Windows-1252 bytes, no charset anywhere
  /gzip                an HTML page sent with Content-Encoding: gzip
  /deflate             an HTML page sent with Content-Encoding: deflate (zlib format)
  /redirect/<k>        302 chain of k hops ending at /page/1
  /loop/a, /loop/b     redirect to each other forever
  /flaky/<key>         500 on the first request per key, then 200
  /ratelimited/<key>   429 with Retry-After: 1 on the first request per key, then 200
  /slow                waits 5 s before answering
  /big                 a 2 MiB body
  /bomb                a gzip bomb: 64 KiB on the wire, 64 MiB inflated
  /status/<code>       that status
  /private/<x>         forbidden by robots.txt
  /feed.rss, /feed.atom, /sitemap.xml, /sitemap-index.xml, /sitemap-1.xml, /sitemap-2.xml
  /sitemap-index-overlap.xml  sitemaps 1, overlap (pages 5, 8, 7) and 2: pages 5 and 7 listed twice
  /hits/<path>         how many times <path> was requested (text)
  /bench/<n>           a ~6 KB article page for the benchmark
  /truncated-gzip      Content-Encoding: gzip whose stream stops halfway (Content-Length fits)
  /short-body          Content-Length 1000, 100 bytes sent, then the connection closes
  /long-body           Content-Length 10, 100 bytes sent
  /two-lengths         two Content-Length headers that disagree (10 and 20)
  /drip/<n>            an n-byte body sent one byte a second
"""
import argparse
import os
import shutil
import ssl
import subprocess
import tempfile
import email.utils
import gzip
import io
import sys
import threading
import zlib
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HITS = {}
HITS_LOCK = threading.Lock()
LAST_MODIFIED = email.utils.formatdate(1700000000, usegmt=True)

ROBOTS = b"""# fault server robots
User-agent: *
Disallow: /private/

User-agent: gleaner-fetch
Disallow: /private/
Allow: /private/open
"""

def html_page(title, body):
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>").encode()

def make_bomb():
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as stream:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):
            stream.write(chunk)
    return buffer.getvalue()

BOMB = make_bomb()
BENCH_PARAGRAPH = ("The ministry said on Tuesday that 450 transformers and 500 generators worth "
                   "$2.5 million were shipped to Odesa, according to officials in Kyiv. ")

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes: without TCP_NODELAY, Nagle plus the
    # client's delayed ACK would add 40 ms to every keep-alive response.
    disable_nagle_algorithm = True
    server_version = "FaultServer/1"

    def log_message(self, *args):
        pass

    def count(self):
        with HITS_LOCK:
            HITS[self.path] = HITS.get(self.path, 0) + 1
            return HITS[self.path]

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        hit = self.count()
        path = self.path
        if path == "/robots.txt":
            return self.send(200, ROBOTS, "text/plain")
        if path.startswith("/hits/"):
            with HITS_LOCK:
                return self.send(200, str(HITS.get(path[5:], 0)).encode(), "text/plain")
        if path.startswith("/page/"):
            n = path[6:]
            etag = f'"page-{n}"'
            if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304, b"", None, [("ETag", etag)])
            return self.send(200, html_page(f"Page {n}", f"Body of page {n}."), headers=[
                ("ETag", etag), ("Last-Modified", LAST_MODIFIED), ("Content-Language", "en")])
        if path == "/plain":
            return self.send(200, "Plain text, caf\u00e9.\n".encode(), "text/plain; charset=utf-8")
        if path == "/latin1":
            return self.send(200, html_page("Caf\u00e9", "na\u00efve").decode().encode("latin-1"),
                             "text/html; charset=ISO-8859-1")
        if path == "/nocharset":
            body = "<html><head><title>Quotes</title></head><body><p>\u201cquoted\u201d \u2014 caf\u00e9</p></body></html>"
            return self.send(200, body.encode("cp1252"), "text/html")
        if path == "/gzip":
            return self.send(200, gzip.compress(html_page("Zipped", "Compressed body.")),
                             headers=[("Content-Encoding", "gzip")])
        if path == "/deflate":
            return self.send(200, zlib.compress(html_page("Deflated", "Deflated body.")),
                             headers=[("Content-Encoding", "deflate")])
        if path.startswith("/redirect/"):
            k = int(path[10:])
            target = "/page/1" if k <= 0 else f"/redirect/{k - 1}"
            return self.send(302, b"", None, [("Location", target)])
        if path == "/loop/a":
            return self.send(302, b"", None, [("Location", "/loop/b")])
        if path == "/loop/b":
            return self.send(302, b"", None, [("Location", "/loop/a")])
        if path.startswith("/flaky/"):
            if hit == 1:
                return self.send(500, b"try again", "text/plain")
            return self.send(200, html_page("Recovered", "Second time lucky."))
        if path.startswith("/ratelimited/"):
            if hit == 1:
                return self.send(429, b"slow down", "text/plain", [("Retry-After", "1")])
            return self.send(200, html_page("Patient", "Thanks for waiting."))
        if path == "/slow":
            time.sleep(5)
            return self.send(200, html_page("Slow", "Finally."))
        if path == "/big":
            return self.send(200, b"<html><body>" + b"x" * (2 << 20) + b"</body></html>")
        if path == "/bomb":
            return self.send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        if path.startswith("/status/"):
            return self.send(int(path[8:]), b"status page", "text/plain")
        if path.startswith("/private/"):
            return self.send(200, html_page("Private", "Robots should not see this."))
        if path == "/feed.rss":
            items = "".join(f"<item><title>Item {n}</title><link>{self.base()}/page/{n}</link>"
                            f"<guid isPermaLink=\"false\">id-{n}</guid></item>" for n in (1, 2))
            body = f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>{items}</channel></rss>"
            return self.send(200, body.encode(), "application/rss+xml")
        if path == "/feed.atom":
            entries = "".join(f"<entry><title>E{n}</title><link rel=\"alternate\" href=\"/page/{n}\"/>"
                              f"<link rel=\"self\" href=\"/self/{n}\"/><id>urn:{n}</id></entry>" for n in (3, 4))
            body = f"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>{entries}</feed>"
            return self.send(200, body.encode(), "application/atom+xml")
        if path in ("/sitemap-1.xml", "/sitemap-2.xml"):
            pages = (5, 6) if path == "/sitemap-1.xml" else (7,)
            urls = "".join(f"<url><loc>{self.base()}/page/{n}</loc></url>" for n in pages)
            body = f"<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{urls}</urlset>"
            return self.send(200, body.encode(), "application/xml")
        if path == "/sitemap-overlap.xml":  # lists pages 5 and 7 again, and page 8
            urls = "".join(f"<url><loc>{self.base()}/page/{n}</loc></url>" for n in (5, 8, 7))
            body = f"<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{urls}</urlset>"
            return self.send(200, body.encode(), "application/xml")
        if path == "/sitemap-index-overlap.xml":
            maps = "".join(f"<sitemap><loc>{self.base()}/sitemap-{n}.xml</loc></sitemap>" for n in ("1", "overlap", "2"))
            body = f"<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{maps}</sitemapindex>"
            return self.send(200, body.encode(), "application/xml")
        if path == "/sitemap-index.xml":
            maps = "".join(f"<sitemap><loc>{self.base()}/sitemap-{n}.xml</loc></sitemap>" for n in (1, 2))
            body = f"<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{maps}</sitemapindex>"
            return self.send(200, body.encode(), "application/xml")
        if path.startswith("/bench/"):
            n = path[7:]
            return self.send(200, html_page(f"Article {n}", BENCH_PARAGRAPH * 40))
        if path == "/truncated-gzip":
            zipped = gzip.compress(html_page("Cut", "This body stops halfway." * 20))
            return self.send(200, zipped[:len(zipped) // 2], headers=[("Content-Encoding", "gzip")])
        if path == "/short-body":
            return self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n" + b"x" * 100)
        if path == "/long-body":
            return self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10\r\n\r\n" + b"y" * 100)
        if path == "/two-lengths":
            return self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10\r\n"
                            b"Content-Length: 20\r\n\r\n" + b"z" * 20)
        if path.startswith("/drip/"):
            size = int(path[6:].split("?")[0])
            self.wfile.write(f"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {size}\r\n\r\n".encode())
            self.wfile.flush()
            self.close_connection = True
            try:
                for _ in range(size):
                    time.sleep(1)
                    self.wfile.write(b".")
                    self.wfile.flush()
            except OSError:
                pass  # the client gave up: expected
            return None
        return self.send(404, b"not found", "text/plain")

    def raw(self, response):
        """Writes a hand-made response in one piece and closes the connection."""
        self.close_connection = True
        self.wfile.write(response)
        self.wfile.flush()

    def base(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"


def start_tls_twin(server_class):
    """The same handler over TLS with a fresh self-signed certificate, or None without openssl."""
    if shutil.which("openssl") is None:
        return None
    folder = tempfile.mkdtemp(prefix="fault-server-tls-")
    key, cert = os.path.join(folder, "key.pem"), os.path.join(folder, "cert.pem")
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                           "-days", "1", "-keyout", key, "-out", cert], capture_output=True)
    if made.returncode != 0:
        return None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    shutil.rmtree(folder, ignore_errors=True)
    tls = server_class(("127.0.0.1", 0), Handler)
    tls.daemon_threads = True
    tls.socket = context.wrap_socket(tls.socket, server_side=True)
    return tls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=600)
    args = parser.parse_args()
    class Server(ThreadingHTTPServer):
        request_queue_size = 256  # the default of 5 drops SYNs when many clients connect at once
        def handle_error(self, request, client_address):
            pass  # clients that time out on /slow or give up on /bomb close early: expected

    server = Server(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    line = f"PORT {server.server_address[1]}"
    tls = start_tls_twin(Server)
    if tls is not None:
        line += f" TLSPORT {tls.server_address[1]}"
        threading.Thread(target=tls.serve_forever, daemon=True).start()
    print(line, flush=True)

    def stop_when_parent_goes():
        sys.stdin.read()
        server.shutdown()

    threading.Thread(target=stop_when_parent_goes, daemon=True).start()
    timer = threading.Timer(args.lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever()


if __name__ == "__main__":
    main()
