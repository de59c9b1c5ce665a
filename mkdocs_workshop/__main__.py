"""``python -m mkdocs_workshop``: the same as the ``mkdocs-workshop`` command."""

import sys

from .commands import main

sys.exit(main())
