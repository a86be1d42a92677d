"""A real browser watches `upgradedocs serve`: the open page reloads by itself after
an edit, shows a failed build's problems over the page, and clears them when fixed.

Chromium runs headless with its DevTools HTTP endpoint, whose /json list names each
open page's current title: the page's own script changes nothing else we could see
from outside, so a title that follows the edit proves the page reloaded itself.
--self-test points the same check at a plain static server, which never reloads,
and requires the check to fail there first.
"""
import json, os, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUDGET = 10  # seconds for each step a reader would wait for


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(what, probe, seconds=BUDGET):
    deadline = time.time() + seconds
    last = None
    while time.time() < deadline:
        try:
            last = probe()
            if last:
                return last
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{what} (waited {seconds} s)")


def binary():
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()
    return os.path.join(path, "upgradedocs")


def project():
    folder = tempfile.mkdtemp(prefix="check-serve-")
    for name in ("content", "templates"):
        shutil.copytree(os.path.join(ROOT, name), os.path.join(folder, name))
    return folder


def edit(folder, file, old, new):
    path = os.path.join(folder, "content", file)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert old in text, f"{file} no longer holds {old!r}"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))


def start_preview(folder):
    log = open(os.path.join(folder, "..", os.path.basename(folder) + ".log"), "w+")
    server = subprocess.Popen([binary(), "serve", "--port", "0"], cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    def address():
        log.seek(0)
        for line in log.read().splitlines():
            if line.startswith("serving "):
                return line.split()[1]
    return server, wait_for("serve printed its address", address, 120)


def start_static(folder):
    """A server with no live reload: the site built once into a folder and served as files."""
    subprocess.run([binary(), "build", "--output", "out"], cwd=folder, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", os.path.join(folder, "out")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    wait_for("the static server answers", lambda: fetch(url + "index.html"))
    return server, url


def watch(folder, url):
    """Opens the home page in Chromium and follows its title through an edit, a break and a fix."""
    port = free_port()
    profile = tempfile.mkdtemp(prefix="check-serve-profile-")
    browser = subprocess.Popen(["chromium-headless-shell", "--no-sandbox", "--disable-gpu",
                                f"--remote-debugging-port={port}", f"--user-data-dir={profile}", url + "index.html"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    def title():
        pages = json.loads(fetch(f"http://127.0.0.1:{port}/json"))
        return next((page["title"] for page in pages if page.get("type") == "page"), None)
    try:
        wait_for("the page opened", lambda: "CSP subscription upgrades" in (title() or ""))
        time.sleep(1)  # the page's script connects
        edit(folder, "site.yaml", "title: CSP subscription upgrades", "title: Edited while open")
        wait_for("the page reloaded by itself after an edit", lambda: "Edited while open" in (title() or ""))
        edit(folder, "offers.yaml", "services: [office-desktop, onedrive]", "services: [office-desktop, onedrve]")
        wait_for("the page showed the failed build", lambda: (title() or "").startswith("Build failed"))
        edit(folder, "offers.yaml", "onedrve", "onedrive")
        wait_for("the page cleared the failure once fixed",
                 lambda: (title() or "").startswith("Build failed") is False and "Edited while open" in title())
    finally:
        # Chromium starts helper processes of its own; its session holds them all.
        os.killpg(browser.pid, signal.SIGTERM)
        browser.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


def run(start):
    folder = project()
    server = None
    try:
        server, url = start(folder)
        watch(folder, url)
    finally:
        if server:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
    return server.returncode


def main():
    if "--self-test" in sys.argv:
        try:
            run(start_static)
        except AssertionError as failure:
            print(f"caught: a static server without live reload ({failure})")
            return 0
        print("self-test FAILED: the check passed against a server that never reloads")
        return 1
    started = time.time()
    status = run(start_preview)
    if status != 0:
        print(f"serve exited with {status} on Ctrl-C")
        return 1
    print(f"ok: serve in Chromium: the page reloaded itself after an edit, showed a failed build and cleared it "
          f"({time.time() - started:.1f} s); Ctrl-C stopped it cleanly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
