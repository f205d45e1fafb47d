"""Which local services answer, for tests that skip without them."""

import socket


def local_postgres_answers(timeout: float = 1.0) -> bool:
    """True when something listens on PostgreSQL's port on 127.0.0.1."""
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=timeout).close()
    except OSError:
        return False
    return True
