"""Times save → `reload` event of a running `site serve` for four operations on
content pages — edit, add, delete, rename — and checks after each one that
the served site is right: the page itself, the home page, its tag and category
pages, the backlinks of the pages it links to, related lists and the search
index's document table. Prints median and p90 per operation in milliseconds,
and how long the checks took to hold ("settled": the search index is built
once edits pause, so it lands after the reload).

Usage: latency.py SITE_BINARY SITE_DIR [COUNT]
Environment: OPS="edit rename add delete" (in this order; delete removes the
added pages), CHECK_TIMEOUT=60 (seconds for the checks to hold), BENCH_WARMUP=0.
Exits non-zero when a check did not hold."""
import datetime
import http.client
import json
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

binary, root = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 20
ops = os.environ.get("OPS", "edit rename add delete").split()
check_timeout = float(os.environ.get("CHECK_TIMEOUT", "60"))
studies_dir = os.path.join(root, "content", "case-studies")


# --- the server and its event stream ---------------------------------------

def start_server():
    started = time.time()
    server = subprocess.Popen([binary, "--root", root, "serve", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in server.stdout:
        lines.append(line.rstrip())
        m = re.search(r"Serving http://([\d.]+):(\d+)/", line)
        if m:
            print(f"initial build + start: {time.time() - started:.1f} s "
                  f"({lines[-2] if len(lines) > 1 else ''})")
            threading.Thread(target=lambda: [lines.append(l.rstrip()) for l in server.stdout],
                             daemon=True).start()
            return server, (m.group(1), int(m.group(2))), lines
    print("\n".join(lines))
    sys.exit("server did not start")


def read_events(addr, events):
    """Puts (arrival time, event name, data) of the live-reload stream on `events`."""
    sock = socket.create_connection(addr)
    sock.sendall(b"GET /__livereload HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
    buf = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return
        buf += chunk
        while b"\n\n" in buf:
            block, buf = buf.split(b"\n\n", 1)
            names = re.findall(rb"event: *(\w+)", block)
            data = b"\n".join(re.findall(rb"data: ?(.*)", block)).decode()
            events.put((time.perf_counter(), names[-1].decode() if names else "comment", data))


def drain(events):
    while True:
        try:
            events.get_nowait()
        except queue.Empty:
            return


def wait_reload(events, t0, urls):
    """Milliseconds from t0 to the first reload that names one of `urls` (or every page)."""
    while True:
        at, name, data = events.get(timeout=120)
        if name == "problems":
            sys.exit("unexpected problems event: " + data)
        if name == "reload":
            paths = json.loads(data)["paths"]
            if paths is None or any(u in paths for u in urls):
                return (at - t0) * 1000


# --- reading the served site -------------------------------------------------

class Site:
    def __init__(self, addr):
        self.addr = addr

    def get(self, path):
        """(status, body); status 0 when the response broke off (a file being rewritten)."""
        conn = http.client.HTTPConnection(*self.addr, timeout=30)
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            return resp.status, resp.read().decode("utf-8", "replace")
        except (http.client.HTTPException, OSError):
            return 0, ""
        finally:
            conn.close()

    def html(self, path):
        status, body = self.get(path)
        return body if status == 200 else ""

    def search_docs(self):
        """URLs of the search index's document table (root-relative) and its count."""
        try:
            status, body = self.get("/search/index.json")
            meta = json.loads(body)
            urls = set()
            for i in range((meta["docs"] + meta["chunk"] - 1) // meta["chunk"]):
                status, chunk = self.get(f"/search/d/{i}.json")
                urls.update("/" + doc[0] for doc in json.loads(chunk))
            return urls, meta["docs"]
        except (ValueError, KeyError):
            return set(), -1  # missing, or being written: not ready yet


def section(html, cls):
    """Page links inside `<section class="cls">`."""
    m = re.search(rf'<section class="{cls}">(.*?)</section>', html, re.S)
    return set(re.findall(r'href="(/case-studies/[^"#]+/)"', m.group(1))) if m else set()


def term_pages(html):
    """The page's tag and category pages (`/tags/x/`, `/categories/y/`)."""
    return set(re.findall(r'href="(/(?:tags|categories)/[^"/]+/)"', html))


def listed(html, url):
    return f'href="{url}"' in html


def url_of(name):
    return f"/case-studies/{name}/"


def link_targets(text):
    """Pages a Markdown source links to with root-relative URLs."""
    return list(dict.fromkeys(re.findall(r"\]\((/case-studies/[^)#]+/)\)", text)))


def front(text, key):
    m = re.search(rf'^{key} *[=:] *"?([^"\n]*)"?', text, re.M)
    return m.group(1) if m else None


# --- checks ---------------------------------------------------------------------

def settle(checks):
    """Runs `checks` (name → predicate) until all hold; returns (seconds, failures)."""
    t0 = time.perf_counter()
    while True:
        failed = [name for name, ok in checks if not ok()]
        if not failed or time.perf_counter() - t0 > check_timeout:
            return time.perf_counter() - t0, failed


class Bench:
    def __init__(self, site, events):
        self.site = site
        self.events = events
        self.times = {}
        self.settled = {}
        self.failures = []
        self.added = []
        self.docs = self.site.search_docs()[1]
        names = sorted(f[:-3] for f in os.listdir(studies_dir)
                       if f.endswith(".md") and not f.startswith("_"))
        self.names = names
        self.titles = {}
        for n in names:
            with open(self.path(n)) as f:
                self.titles[n] = front(f.read(), "title")
        counts = {}
        for t in self.titles.values():
            counts[t] = counts.get(t, 0) + 1
        self.unique = [n for n in names if counts[self.titles[n]] == 1]

    def path(self, name):
        return os.path.join(studies_dir, name + ".md")

    def timed(self, op, urls, change, checks):
        drain(self.events)
        t0 = time.perf_counter()
        change()
        ms = wait_reload(self.events, t0, urls)
        took, failed = settle(checks)
        self.times.setdefault(op, []).append(ms)
        self.settled.setdefault(op, []).append(took * 1000)
        self.failures += [f"{op} {urls[0]}: {f}" for f in failed]
        time.sleep(0.2)

    def search_has(self, url, present, docs):
        def ok():
            urls, n = self.site.search_docs()
            return (url in urls) == present and n == docs
        return ok

    def edit(self, k):
        name = self.names[(k * 7919) % len(self.names)]
        target = self.unique[(k * 104729 + 1) % len(self.unique)]
        with open(self.path(name)) as f:
            text = f.read()
        marker = f"Edit {k} of the latency run"
        # New text and a new wikilink (changes the target's backlinks).
        text += f"\n{marker}: more words about [[{self.titles[target]}]].\n"
        url = url_of(name)
        self.timed("edit", [url], lambda: write(self.path(name), text), [
            ("page shows the new text", lambda: marker in self.site.html(url)),
            ("target's backlinks list the page",
             lambda: url in section(self.site.html(url_of(target)), "backlinks")),
        ])

    def add(self, k):
        model = self.names[(k * 613 + 5) % len(self.names)]
        target = self.names[(k * 2591 + 11) % len(self.names)]
        with open(self.path(model)) as f:
            text = f.read()
        title = f"Latency run page {k}"
        text = re.sub(r'^title = .*$', f'title = "{title}"', text, count=1, flags=re.M)
        # The newest page of the site, so the home page lists it.
        text = re.sub(r'^date = .*$', f"date = {datetime.date.today()}", text, count=1, flags=re.M)
        text += f"\nThis page links to [another page]({url_of(target)}).\n"
        name = f"latency-{k:02d}"
        url = url_of(name)
        model_terms = term_pages(self.site.html(url_of(model)))
        self.docs += 1
        docs = self.docs
        self.added.append((name, target, model_terms))
        self.timed("add", [url], lambda: write(self.path(name), text), [
            ("page is served", lambda: title in self.site.html(url)),
            ("home lists it", lambda: listed(self.site.html("/"), url)),
            ("its tag and category pages list it",
             lambda: bool(model_terms) and all(listed(self.site.html(t), url) for t in model_terms)),
            ("target's backlinks list it",
             lambda: url in section(self.site.html(url_of(target)), "backlinks")),
            ("it has related pages", lambda: bool(section(self.site.html(url), "related"))),
            ("search doc table has it", self.search_has(url, True, docs)),
        ])

    def delete(self, k):
        if k >= len(self.added):
            return
        name, target, terms = self.added[k]
        url = url_of(name)
        page = self.site.html(url)
        # Pages that show it among their related pages.
        related_back = [r for r in section(page, "related")
                        if url in section(self.site.html(r), "related")]
        self.docs -= 1
        docs = self.docs
        self.timed("delete", [url_of(target), "/"], lambda: os.remove(self.path(name)), [
            ("page is gone", lambda: self.site.get(url)[0] == 404),
            ("home does not list it", lambda: not listed(self.site.html("/"), url)),
            ("tag and category pages do not list it",
             lambda: not any(listed(self.site.html(t), url) for t in terms)),
            ("target's backlinks do not list it",
             lambda: url not in section(self.site.html(url_of(target)), "backlinks")),
            ("related lists do not show it",
             lambda: not any(url in section(self.site.html(r), "related") for r in related_back)),
            ("search doc table lost it", self.search_has(url, False, docs)),
        ])

    def rename(self, k, home):
        # The pages on the home page first (the newest), then others.
        pool = home + [n for n in self.names if n not in home]
        name = pool[k % len(pool)]
        new = f"{name}-renamed"
        old_url, new_url = url_of(name), url_of(new)
        page = self.site.html(old_url)
        terms = term_pages(page)
        on_home = listed(self.site.html("/"), old_url)
        with open(self.path(name)) as f:
            targets = [t for t in link_targets(f.read()) if t != old_url][:3]
        targets = [t for t in targets if old_url in section(self.site.html(t), "backlinks")]
        docs = self.docs
        self.timed("rename", [new_url], lambda: os.rename(self.path(name), self.path(new)), [
            ("new URL is served", lambda: self.site.get(new_url)[0] == 200),
            ("old URL is gone", lambda: self.site.get(old_url)[0] == 404),
            ("home lists the new URL, not the old",
             lambda: listed(self.site.html("/"), new_url) == on_home
             and not listed(self.site.html("/"), old_url)),
            ("tag and category pages list the new URL, not the old",
             lambda: bool(terms) and all(listed(h, new_url) and not listed(h, old_url)
                                         for h in map(self.site.html, terms))),
            ("linked pages' backlinks show the new URL, not the old",
             lambda: all(new_url in b and old_url not in b
                         for b in (section(self.site.html(t), "backlinks") for t in targets))),
            ("search doc table has the new URL, not the old",
             lambda: self.search_has(new_url, True, docs)() and self.search_has(old_url, False, docs)()),
        ])
        self.names[self.names.index(name)] = new


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def p90(times):
    times = sorted(times)
    return times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]


def main():
    server, addr, lines = start_server()
    events = queue.Queue()
    threading.Thread(target=read_events, args=(addr, events), daemon=True).start()
    time.sleep(float(os.environ.get("BENCH_WARMUP", "0")))
    while events.get(timeout=30)[1] != "hello":
        pass
    site = Site(addr)
    bench = Bench(site, events)
    home = [m for m in re.findall(r'href="/case-studies/([^"/]+)/"', site.html("/"))]
    home = list(dict.fromkeys(home))
    try:
        for op in ops:
            for k in range(count):
                if op == "rename":
                    bench.rename(k, home)
                else:
                    getattr(bench, op)(k)
    finally:
        server.terminate()
        server.wait()
    print("last rebuild lines:", *lines[-8:], sep="\n  ")
    print(f"{'operation':<10} {'n':>3} {'median ms':>10} {'p90 ms':>8} {'max ms':>8}"
          f" {'settled median ms':>18} {'settled p90 ms':>15}")
    for op in ops:
        t, s = bench.times.get(op, []), bench.settled.get(op, [])
        if t:
            print(f"{op:<10} {len(t):>3} {statistics.median(t):>10.1f} {p90(t):>8.1f} {max(t):>8.1f}"
                  f" {statistics.median(s):>18.1f} {p90(s):>15.1f}")
    if bench.failures:
        print(f"{len(bench.failures)} checks did not hold within {check_timeout:.0f} s:",
              *bench.failures, sep="\n  ")
        sys.exit(1)
    print("all checks held")


main()
