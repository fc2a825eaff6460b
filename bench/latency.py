"""Times save → `reload` event of a running `site serve`.
Usage: latency.py SITE_BINARY SITE_DIR EDITS"""
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

binary, root, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
started = time.time()
server = subprocess.Popen([binary, "--root", root, "serve", "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
url = None
for line in server.stdout:
    lines.append(line.rstrip())
    m = re.search(r"Serving http://([\d.]+):(\d+)/", line)
    if m:
        url = (m.group(1), int(m.group(2)))
        break
if not url:
    print("\n".join(lines))
    sys.exit("server did not start")
print(f"initial build + start: {time.time() - started:.1f} s ({lines[-2] if len(lines) > 1 else ''})")
threading.Thread(target=lambda: [lines.append(l.rstrip()) for l in server.stdout], daemon=True).start()

sock = socket.create_connection(url)
sock.sendall(b"GET /__livereload HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
buf = b""


def next_event(timeout=30.0):
    global buf
    deadline = time.time() + timeout
    while b"\n\n" not in buf:
        sock.settimeout(max(0.01, deadline - time.time()))
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError("stream closed")
        buf += chunk
    block, buf = buf.split(b"\n\n", 1)
    names = re.findall(rb"event: *(\w+)", block)
    data = b"\n".join(re.findall(rb"data: ?(.*)", block))
    return (names[-1].decode() if names else "comment"), data.decode()


time.sleep(float(os.environ.get("BENCH_WARMUP", "0")))
while next_event()[0] != "hello":
    pass
studies_dir = os.path.join(root, "content", "case-studies")
studies = sorted(f for f in os.listdir(studies_dir) if f.endswith(".md") and not f.startswith("_"))


def front(text, key):
    m = re.search(rf'^{key} *[=:] *"?([^"\n]*)"?', text, re.M)
    return m.group(1) if m else None


times = []
for k in range(edits):
    path = os.path.join(studies_dir, studies[(k * 7919) % len(studies)])
    with open(path) as f:
        text = f.read()
    with open(os.path.join(studies_dir, studies[(k * 104729 + 1) % len(studies)])) as f:
        target = front(f.read(), "title")
    # A real edit: new text and a new wikilink (changes the target's backlinks).
    text += f"\nEdit {k}: more words about [[{target}]].\n"
    slug = front(text, "slug") or os.path.basename(path)[:-3]
    t0 = time.perf_counter()
    with open(path, "w") as f:
        f.write(text)
    url = "/case-studies/" + slug + "/"
    while True:
        ev, data = next_event()
        # Only the reload that names the edited page (or every page) counts.
        if ev == "reload" and (json.loads(data)["paths"] is None or url in json.loads(data)["paths"]):
            break
        if ev == "problems":
            sys.exit("unexpected problems event: " + data)
    times.append((time.perf_counter() - t0) * 1000)
    time.sleep(0.2)
server.terminate()
server.wait()
times.sort()
p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
print("last rebuild lines:", *lines[-12:], sep="\n  ")
print(f"edits: {len(times)}  median: {statistics.median(times):.1f} ms  p90: {p90:.1f} ms  "
      f"min: {times[0]:.1f} ms  max: {times[-1]:.1f} ms")
