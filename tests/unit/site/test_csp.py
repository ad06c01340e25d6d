"""generator/site/csp.py: the policy hashes exactly the inline scripts the theme's
templates write."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import jinja2

from generator.site import csp, theme
from tests.conftest import ROOT


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


TEMPLATE = """<html><head>
<script>var a = 1</script>
<script>__scope = new URL("{{ base_url }}", location)</script>
<script id="__config" type="application/json">{"a": 1}</script>
<script src="{{ 'bundle.js' | url }}"></script>
<script type="module">import "./x.js"</script>
{% if x %}<script>{% for i in y %}f({{ i }}){% endfor %}</script>{% endif %}
</head></html>"""

PAGE = """<!doctype html><html><head>
<meta charset="utf-8"><title>x</title>
<script>var a = 1</script>
<script>__scope = new URL("../..", location)</script>
<script id="__config" type="application/json">{"a": 1}</script>
<script src="bundle.js"></script>
<script type="module">import "./x.js"</script>
<script>var a = 1</script>
</head><body><script>
  alert("not ours")
</script>
<script>__scope = new URL("x", alert(1), location)</script>
<script>__scope = new URL("x\\", location)</script>
<script>f(1)</script>
</body></html>"""


def _known(tmp_path: Path) -> csp.KnownScripts:
    (tmp_path / "base.html").write_text(TEMPLATE, encoding="utf-8")
    return csp.known_scripts([tmp_path])


def test_only_the_scripts_the_templates_write_are_hashed(tmp_path: Path) -> None:
    """A script that is in no template, or whose value would leave its string,
    or that comes from a template statement (a loop), is not hashed."""
    assert csp.script_hashes(PAGE, _known(tmp_path)) == [
        _hash("var a = 1"),
        _hash('__scope = new URL("../..", location)'),
        _hash('import "./x.js"'),
    ]


def test_the_policy_comes_right_after_the_charset(tmp_path: Path) -> None:
    known = _known(tmp_path)
    out = csp.add_policy(PAGE, known)
    assert out.startswith(
        '<!doctype html><html><head>\n<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="'
    )
    policy = out.split('content="', 1)[1].split('"', 1)[0]
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["script-src"] == "'self' " + " ".join(csp.script_hashes(PAGE, known))
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in directives["script-src"]


def test_a_fragment_without_head_is_left_alone() -> None:
    assert csp.add_policy("<p>hei</p>", csp.KnownScripts(())) == "<p>hei</p>"


def test_materials_inline_scripts_are_known() -> None:
    import material

    templates = Path(material.__file__).parent / "templates"
    known = csp.known_scripts([theme.THEME_DIR, templates])
    outdated = re.search(
        r"<script>(.*?)</script>",
        (templates / "partials" / "javascripts" / "outdated.html").read_text(encoding="utf-8"),
    )
    assert outdated is not None
    rendered = jinja2.Template(outdated[1]).render(base_url="../..")
    assert known.allows(rendered)
    assert not known.allows(rendered.replace("../..", '../.."+alert(1)+"'))


def test_the_redirect_page_has_the_policy_with_its_scripts_hash() -> None:
    """mike writes the redirect pages from our template, outside MkDocs."""
    template = (ROOT / "generator" / "templates" / "redirect.html.j2").read_text(encoding="utf-8")
    page = jinja2.Template(template).render(href="../2026-06/oppfolgingspunkter/")
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    (policy,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert policy == csp.policy([_hash(script)])
    assert page.index("Content-Security-Policy") < page.index("<script")
    assert "{{" not in script, "the script must not change with the address"
