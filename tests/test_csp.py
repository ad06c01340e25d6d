"""The policy hashes exactly the inline scripts a browser would run."""

from __future__ import annotations

import base64
import hashlib

from generator import csp


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


PAGE = """<!doctype html><html><head>
<meta charset="utf-8"><title>x</title>
<script>var a = 1</script>
<script id="__config" type="application/json">{"a": 1}</script>
<script src="bundle.js"></script>
<script type="module">import "./x.js"</script>
<script>var a = 1</script>
</head><body><script>
  ø()
</script></body></html>"""


def test_inline_scripts_are_hashed_once_each_and_data_blocks_are_not() -> None:
    assert csp.script_hashes(PAGE) == [
        _hash("var a = 1"),
        _hash('import "./x.js"'),
        _hash("\n  ø()\n"),
    ]


def test_the_policy_comes_right_after_the_charset() -> None:
    out = csp.add_policy(PAGE)
    assert out.startswith(
        '<!doctype html><html><head>\n<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="'
    )
    policy = out.split('content="', 1)[1].split('"', 1)[0]
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["script-src"] == "'self' " + " ".join(csp.script_hashes(PAGE))
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in directives["script-src"]


def test_a_fragment_without_head_is_left_alone() -> None:
    assert csp.add_policy("<p>hei</p>") == "<p>hei</p>"
