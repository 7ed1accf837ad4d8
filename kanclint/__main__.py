"""``python -m kanclint``: the same as the ``kanclint`` command.

``-m`` puts the working folder first on ``sys.path``.  A folder of drafts is
not code: a ``click.py`` or a ``*.dist-info`` someone left there must not be
imported, so that entry goes before anything else is loaded.
"""

import os
import sys

if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from kanclint.cli import main  # noqa: E402

main()
