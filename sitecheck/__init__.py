"""Checks on a built site, for the pull-request check and the tests.

``python -m sitecheck site/`` reads every page of a site that
``python -m generator site`` built and reports, in Norwegian and one line per
problem, what a reader would run into: links and anchors that lead nowhere
(``links``), personal data in the text (``personal``), scripts the page's
Content-Security-Policy would not allow (``csp``) and accessibility errors
that axe-core finds in Chromium (``axe``). The generator never imports this
package: it checks the generator's output from the outside.
"""
