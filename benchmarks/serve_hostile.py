"""What hostile clients cost `serve`: the time a normal request takes while three clients send
512 KB request lines, and while more clients than it serves at once sit idle; how fast the
clients past the cap are told 503; how long SIGTERM takes to stop it with all of that going on.
Standard library only.

    python3 benchmarks/serve_hostile.py BINARY [--runs 20]

Run from the repository (it serves content/ and templates/).
"""
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

binary = sys.argv[1]
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 20


def start():
    server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    line = ""
    while "serving" not in line:
        line = server.stdout.readline()
    return server, int(re.search(r":(\d+)/", line).group(1))


def request(port):
    """Seconds for GET /index.html, from connect to the last byte, and the status."""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(f"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := client.recv(65536):
            data += chunk
    return time.perf_counter() - started, int(data.split(b" ", 2)[1])


def median_ms(port):
    times = [request(port)[0] for _ in range(runs)]
    return statistics.median(times) * 1000


def long_line(port, stop):
    """A client that sends a 512 KB request line as fast as the server reads it."""
    try:
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"GET /" + b"a" * (512 * 1024))
            while not stop.is_set():
                time.sleep(0.01)
    except OSError:
        pass


server, port = start()
print(f"normal request, alone: {median_ms(port):.2f} ms (median of {runs})")

stop = threading.Event()
senders = [threading.Thread(target=long_line, args=(port, stop)) for _ in range(3)]
for sender in senders:
    sender.start()
time.sleep(0.2)
print(f"normal request, beside three 512 KB request lines: {median_ms(port):.2f} ms")
stop.set()
for sender in senders:
    sender.join()

idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(32)]
time.sleep(0.2)
started = time.perf_counter()
with socket.create_connection(("127.0.0.1", port)) as extra:
    extra.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    answer = extra.recv(100)
print(f"a client past the cap of 32 idle connections: answered {answer.split(b' ')[1].decode()} "
      f"in {(time.perf_counter() - started) * 1000:.2f} ms")

flood = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
for client in flood:
    client.sendall(b"GET /" + b"a" * 200000)
time.sleep(0.2)
started = time.perf_counter()
server.terminate()
server.wait(timeout=10)
print(f"SIGTERM with 32 idle connections and three long lines arriving: stopped in "
      f"{(time.perf_counter() - started) * 1000:.1f} ms")
for client in idle + flood:
    client.close()
