"""A loopback TCP relay in front of the live node, so that a test can make the
node vanish mid-request (and come back) without stopping the node the rest of
the suite uses."""

from __future__ import annotations

import socket
import threading


class Relay:
    """Forwards 127.0.0.1:<port> to the node; ``kill`` drops every connection."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self._die_on_request = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self.port = 0
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._die_on_request.clear()
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def die_on_next_request(self) -> None:
        """The node dies while answering the next request that reaches it."""
        self._die_on_request.set()

    def kill(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._sockets = self._sockets, set()
        for sock in [listener, *sockets]:
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets |= {client, upstream}
            threading.Thread(
                target=self._pipe, args=(client, upstream, True), daemon=True
            ).start()
            threading.Thread(
                target=self._pipe, args=(upstream, client, False), daemon=True
            ).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, request: bool) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                break
            if request and self._die_on_request.is_set():
                self.kill()
                return
            try:
                sink.sendall(data)
            except OSError:
                return
        try:
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass
