#!/usr/bin/env python
import os
import signal
import sys

if __name__ == "__main__":
    # `manage.py search … | head` should stop quietly, as other Unix tools do,
    # instead of raising BrokenPipeError when the reader closes the pipe.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from portal.cli import execute_from_command_line

    execute_from_command_line(sys.argv)
