"""The live server of the browser tests answers one request at a time."""

import threading
import time

from tests.e2e.conftest import serialized


def test_requests_never_overlap_and_close_runs_inside():
    lock = threading.Lock()
    inside, overlaps, closed_inside = [0], [], []

    class Body:
        def __iter__(self):
            time.sleep(0.02)
            yield b"ok"

        def close(self):
            closed_inside.append(lock.locked())
            inside[0] -= 1

    def app(environ, start_response):
        inside[0] += 1
        overlaps.append(inside[0])
        start_response("200 OK", [])
        return Body()

    wrapped = serialized(app, lock)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(wrapped({}, lambda *a: None)))
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [[b"ok"]] * 6
    assert max(overlaps) == 1
    assert closed_inside == [True] * 6
