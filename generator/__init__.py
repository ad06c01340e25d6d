"""Publish a council's follow-up points and priority areas as a static site.

The pipeline reads like the package: ``load`` -> ``validate`` -> ``model`` ->
``render`` -> ``write``; ``cli`` owns printing and exit codes and
``mkdocs_plugin`` plugs the same pipeline into MkDocs.
"""
