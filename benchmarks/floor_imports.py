"""A MkDocs hook the benchmark adds to the plugin-less copy of a real site (``--site``) for its
"floor" build: the same pages, with mkdocs-macros set up but rendering nothing, and the
plugin's modules imported but not used. What that build costs above the plugin-less one is
what the plugin cannot save by working faster on pages."""

import mkdocs_workshop.hosts.mkdocs  # noqa: F401  (pydantic and the features' models with it)
