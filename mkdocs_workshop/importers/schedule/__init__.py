"""``mkdocs-workshop import-schedule``: a program exported by pretalx, frab or Sessionize written
into an edition page's ``schedule:`` (see docs/import-schedule.md and :mod:`.importer`)."""
