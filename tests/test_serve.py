"""kitgen serve: the guide on localhost, rebuilt when the brand file changes."""
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ASTRONAUT


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 - localhost only
        return r.status, r.read()


def _wait_for(predicate, limit=90.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_previews_and_rebuilds_on_change(kit_factory):
    kit = kit_factory("person: {name: Before}\ngoals: [trust]\nplatforms: [tiktok]\n",
                      [ASTRONAUT])
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kitgen", "serve", "--kit", str(kit),
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(lambda: _get(base + "/index.html")[0] == 200), "server never answered"
        status, body = _get(base + "/kit.json")
        assert json.loads(body)["person"]["name"] == "Before"
        brand = kit / "content" / "brand.yml"
        brand.write_text(brand.read_text().replace("Before", "After"), encoding="utf-8")
        assert _wait_for(lambda: json.loads(_get(base + "/kit.json")[1])["person"]["name"]
                         == "After"), "no rebuild after brand.yml changed"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
    assert "Traceback" not in err
    assert f"Serving on {base}/" in out


def test_a_port_out_of_range_is_a_usage_error():
    from click.testing import CliRunner

    from kitgen.cli import main

    result = CliRunner().invoke(main, ["serve", "--port", "99999"])
    assert result.exit_code == 2
    assert "Invalid value for '--port': 99999 is not in the range 0<=x<=65535" in result.output
    assert "Traceback" not in result.output and "Serving on" not in result.output


def test_a_port_in_use_is_said_before_building_and_before_serving_on(kit_factory):
    from click.testing import CliRunner

    from kitgen.cli import main

    kit = kit_factory("person: {name: Ada}\ngoals: [trust]\nplatforms: [tiktok]\n", [ASTRONAUT])
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--kit", str(kit), "--port", str(port)])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: 127.0.0.1:{port}: cannot serve there (")
    assert "Serving on" not in result.output and not (kit / "site").exists()
