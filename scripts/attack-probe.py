#!/usr/bin/env python3
"""The attack probe: starts a switchboard-server binary on a fresh database and attacks it
as one anonymous client would, from its own loopback addresses (127.0.0.2 and up), while
"agents" work from others; prints what the attacker held and what the agents got. Loopback
only, bounded in count and time (about 45 s); nothing in it passes or fails.

    scripts/attack-probe.py [BINARY] [PORT]    # default target/debug/switchboard-server 18080
"""
import atexit, json, shutil, signal, socket, subprocess, sys, tempfile, threading, time

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/debug/switchboard-server"
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 18080
d = tempfile.mkdtemp()
atexit.register(shutil.rmtree, d, True)
proc = subprocess.Popen([BIN, "--host", "127.0.0.1", "--port", str(PORT), "--db", d + "/db.sqlite3", "--dist", ""],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
atexit.register(lambda: proc.poll() is None and proc.kill())
line = proc.stdout.readline().decode()
assert "running at" in line, line

def rss():
    for l in open(f"/proc/{proc.pid}/status"):
        if l.startswith("VmRSS"):
            return int(l.split()[1]) // 1024
def conn(src):
    s = socket.socket(); s.bind((src, 0)); s.connect(("127.0.0.1", PORT)); return s
def request(src, raw, timeout=5.0):
    s = conn(src); s.settimeout(timeout); t = time.time(); s.sendall(raw)
    try: data = s.recv(65536)
    except socket.timeout: data = b""
    s.close(); return data.split(b"\r\n", 1)[0].decode(), time.time() - t
def sign_in_raw(password, email="camille.laurent@switchboard.example"):
    body = json.dumps({"email": email, "password": password}).encode()
    return (b"POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-requested-by: switchboard\r\n"
            b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(body)) + body

print("RSS at start:", rss(), "MiB")
# 1. Slow bodies.
held = []
hdr = b"POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-requested-by: switchboard\r\nContent-Length: 100\r\n\r\n"
refused = closed = 0
for i in range(140):
    try:
        s = conn("127.0.0.2"); s.sendall(hdr); held.append(s)
    except OSError:
        closed += 1
time.sleep(0.5)
still = []
for s in held:
    s.setblocking(False)
    try:
        data = s.recv(4096)
        if data: refused += 1
        else: closed += 1
    except BlockingIOError:
        still.append(s)
    except OSError:
        closed += 1
print(f"slow bodies: 140 opened from one address; held {len(still)}, refused at once {refused}, closed at once {closed}")
status, took = request("127.0.0.3", b"GET /api/backends HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
print(f"  meanwhile GET /api/backends from another address: {status} in {took*1000:.0f} ms")
status, took = request("127.0.0.4", sign_in_raw("switchboard-demo"))
print(f"  meanwhile a correct sign-in from another address: {status} in {took*1000:.0f} ms")
t = time.time(); cut = 0
for s in still:
    s.setblocking(True); s.settimeout(15)
    try:
        if s.recv(4096).startswith(b"HTTP/1.1 408"): cut += 1
    except OSError: pass
print(f"  held ones answered 408 and closed: {cut} of {len(still)}, the last {time.time()-t:.1f} s after the first check")
for s in held: s.close()
# 2. Slow headers.
trick = []
for i in range(70):
    s = conn("127.0.0.5"); s.sendall(b"POST /api/session HTTP/1.1\r\nHost: x\r\n"); trick.append(s)
time.sleep(0.3)
closed_at_once = 0
for s in trick:
    s.setblocking(False)
    try:
        if s.recv(10) == b"": closed_at_once += 1
    except BlockingIOError: pass
    except OSError: closed_at_once += 1
t = time.time(); open_ = trick[:]
while open_ and time.time() - t < 60:
    time.sleep(2)
    nxt = []
    for s in open_:
        try:
            s.send(b"X-Slow: 1\r\n")
            s.setblocking(False)
            try:
                if s.recv(10) == b"": continue
            except BlockingIOError: pass
            nxt.append(s)
        except OSError: pass
    open_ = nxt
print(f"slow headers (a line every 2 s): 70 opened from one address, closed at once {closed_at_once}, all closed after {time.time()-t:.1f} s")
status, took = request("127.0.0.3", b"GET /api/backends HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
# 3. 20 concurrent wrong sign-ins.
before = rss()
results = []
def wrong(i):
    results.append(request(f"127.0.1.{i+1}", sign_in_raw("wrong-password-%d" % i), timeout=30)[0])
ts = [threading.Thread(target=wrong, args=(i,)) for i in range(20)]
[t.start() for t in ts]; [t.join() for t in ts]
print(f"20 wrong sign-ins at once: RSS {before} MiB before, {rss()} MiB after; answers {sorted(set(results))}")
time.sleep(3); print(f"  3 s later: {rss()} MiB")
# 4. SIGTERM with half-sent requests.
half = [conn("127.0.0.6") for _ in range(5)]
for s in half: s.sendall(hdr)
time.sleep(0.3)
t = time.time(); proc.send_signal(signal.SIGTERM)
try:
    proc.wait(timeout=60); print(f"SIGTERM with 5 half-sent requests open: stopped in {time.time()-t:.1f} s")
except subprocess.TimeoutExpired:
    print("SIGTERM: still running after 60 s"); proc.kill()
