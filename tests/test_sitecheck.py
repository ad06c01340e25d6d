"""The site check (python -m sitecheck): each check finds its problem, in
Norwegian, and a clean site passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import csp as generator_csp
from sitecheck import csp, links, output, personal
from sitecheck.__main__ import main
from sitecheck.problems import SiteProblem
from sitecheck.site import Site, read_site
from tests.conftest import ROOT, copy_project, run_generator

# A valid fødselsnummer (both check digits right), made up for the tests.
PERSONAL_NUMBER = "010190 10046"


# The one inline script these pages' "theme" writes (generator.site.csp hashes only those).
THEME_SCRIPT = generator_csp.KnownScripts.exactly("var a = 1")


def html(body: str, head: str = "") -> str:
    """A page with the policy the generator writes."""
    return generator_csp.add_policy(
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Side</title>'
        f"{head}</head><body><h1 id='topp'>Side</h1>{body}</body></html>",
        THEME_SCRIPT,
    )


def write_site(root: Path, pages: dict[str, str]) -> Site:
    """A project folder with a built site of ``pages`` (path -> HTML) in root/site."""
    for path, text in pages.items():
        target = root / "site" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return read_site(root / "site", root)


# --- links --------------------------------------------------------------------


def test_links_resolve_to_pages_files_and_anchors(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": html(
                '<a href="om/">om</a> <a href="om/#del">del</a> <a href="#topp">opp</a>'
                '<img src="bilde.png" alt="x" srcset="bilde.png 1x, bilde.png 2x">'
                '<a href="https://example.org/">ute</a> <a href="mailto:a@b.no">e</a>'
            ),
            "om/index.html": html('<h2 id="del">Del</h2><a href="../">hjem</a>'),
            "bilde.png": "",
        },
    )
    assert len(links.internal_links(site)) == 7
    assert links.check(site) == []


def test_links_that_lead_nowhere_are_named_with_their_page_and_target(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": html(
                '<a href="borte/">borte</a> <a href="om/#mangler">anker</a>'
                '<img src="bilder/x.png" alt="x"> <a href="../../utenfor/">ut</a>'
            ),
            "om/index.html": html(""),
        },
    )
    assert sorted(p.message for p in links.check(site)) == [
        "Siden «/» lenker til «../../utenfor/», som ligger utenfor nettstedet. Rett lenken "
        "så den peker på en side på nettstedet, eller fjern den.",
        "Siden «/» lenker til «bilder/x.png», men nettstedet har ingen slik side eller fil "
        "(bilder/x.png). Rett adressen til bildet så den peker på noe som finnes, eller "
        "fjern den.",
        "Siden «/» lenker til «borte/», men nettstedet har ingen slik side eller fil "
        "(borte/index.html). Rett lenken så den peker på noe som finnes, eller fjern den.",
        "Siden «/» lenker til «om/#mangler», men siden «om/» har ikke noe avsnitt med id "
        "«mangler». Rett delen etter # så den er id-en til en overskrift på siden, eller "
        "fjern den.",
    ]


def test_a_link_on_a_hand_written_page_points_at_its_file(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "om.md").write_text("# Om\n", encoding="utf-8")
    site = write_site(
        tmp_path, {"index.html": html(""), "om/index.html": html('<a href="../x/">x</a>')}
    )
    [problem] = links.check(site)
    assert (problem.file, problem.where) == ("content/om.md", "content/om.md")


# --- Content-Security-Policy ------------------------------------------------------


def test_hashed_scripts_data_blocks_and_files_pass(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": html(
                '<script>var a = 1</script><script type="application/json">{"a": 1}</script>'
                '<script src="app.js"></script>'
            )
        },
    )
    assert csp.check(site) == []


def test_an_inline_script_that_is_not_hashed_is_found(tmp_path: Path) -> None:
    page = html("<p>tekst</p>").replace("<p>tekst</p>", "<script>alert('hei')</script>")
    site = write_site(tmp_path, {"index.html": page})
    assert [p.message for p in csp.check(site)] == [
        "Siden «/» har et innebygd skript som sidens Content-Security-Policy ikke godkjenner, "
        "så nettleseren stopper det: «alert('hei')». Skript hører ikke hjemme i sidene; "
        "fjern <script> fra teksten."
    ]


def test_event_handlers_and_javascript_addresses_are_found(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {"index.html": html('<button onclick="go()">Gå</button><a href="javascript:go()">Gå</a>')},
    )
    assert [p.message for p in csp.check(site)] == [
        "Siden «/» har skript i attributtet «onclick» på <button>: «go()». Nettleseren stopper "
        "slike skript; fjern attributtet.",
        "Siden «/» har en «javascript:»-adresse på <a>: «javascript:go()». Nettleseren "
        "stopper den; bruk en vanlig lenke.",
    ]


def test_a_page_without_policy_or_with_unsafe_inline_is_found(tmp_path: Path) -> None:
    loose = (
        '<!doctype html><html><head><meta charset="utf-8"><meta http-equiv='
        "\"Content-Security-Policy\" content=\"script-src 'self' 'unsafe-inline'\">"
        "<title>x</title></head><body></body></html>"
    )
    site = write_site(
        tmp_path,
        {
            "index.html": "<!doctype html><html><head><title>x</title></head></html>",
            "a.html": loose,
        },
    )
    assert [p.message for p in csp.check(site)] == [
        "Siden «a.html»: Content-Security-Policy tillater skript fra «'unsafe-inline'». Bare "
        "nettstedets egne skriptfiler og skript med hash skal få kjøre.",
        "Siden «/» har ingen Content-Security-Policy, så nettleseren kjører ethvert skript på "
        "den. Bygg nettstedet med «make site»; står siden i content/, må den ha vanlig "
        "sideoppsett.",
    ]


def test_a_script_before_the_policy_is_found(tmp_path: Path) -> None:
    page = html("").replace("<head>", "<head><script src='tidlig.js'></script>", 1)
    site = write_site(tmp_path, {"index.html": page})
    assert [p.message for p in csp.check(site)] == [
        "Siden «/» har et skript før Content-Security-Policy, så policyen gjelder ikke for "
        "det. Policyen må stå først i <head>."
    ]


# --- personal data ----------------------------------------------------------------


def test_personal_data_in_a_hand_written_page_points_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "om.md").write_text(
        f"# Om\n\nRing saksbehandler på 41 23 45 67 eller bruk {PERSONAL_NUMBER} her.\n",
        encoding="utf-8",
    )
    site = write_site(
        tmp_path,
        {
            "index.html": html("<p>Ingenting her: 2026 13 8 5 og 12 345 678 kroner.</p>"),
            "om/index.html": html(
                f"<p>Ring saksbehandler på 41 23 45 67 eller bruk {PERSONAL_NUMBER} her.</p>"
            ),
        },
    )
    problems = personal.check(site)
    # In the order the page has them.
    assert [(p.where, p.message) for p in problems] == [
        (
            "content/om.md:3:23",
            "Siden «om/» viser «41 23 45 67», som ser ut som et telefonnummer. Et telefonnummer "
            "kan peke ut en person. Personopplysninger skal ikke publiseres: fjern det fra "
            "content/om.md. Er det offentlig og skal stå, før det opp i "
            "privacy_exceptions.yaml med «value» (verdien) og «reason» (begrunnelsen).",
        ),
        (
            "content/om.md:3:46",
            f"Siden «om/» viser «{PERSONAL_NUMBER}», som ser ut som et fødselsnummer. Det har "
            "gyldig dato og begge kontrollsifrene stemmer, så det er trolig et ekte "
            "fødselsnummer. Personopplysninger skal ikke publiseres: fjern det fra "
            "content/om.md. Er det offentlig og skal stå, før det opp i "
            "privacy_exceptions.yaml med «value» (verdien) og «reason» (begrunnelsen).",
        ),
    ]


def test_numbers_in_neighbouring_cells_and_listed_exceptions_pass(tmp_path: Path) -> None:
    (tmp_path / "privacy_exceptions.yaml").write_text(
        'exceptions:\n  - value: "22 66 90 00"\n    reason: Sentralbordet.\n', encoding="utf-8"
    )
    site = write_site(
        tmp_path,
        {
            "index.html": html(
                "<table><tr><td>22</td><td>33</td><td>44</td><td>55</td></tr></table>"
                '<p>Sentralbord: 22669000.</p><img src="x" alt="Kart">'
            )
        },
    )
    assert personal.check(site) == []


def test_personal_data_in_alt_text_is_found(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": html('<img src="x" alt="ola@example.no">')})
    assert [p.message.split(",")[0] for p in personal.check(site)] == [
        "Siden «/» viser «ola@example.no»"
    ]


# --- output and command line --------------------------------------------------------


def test_github_format_puts_hand_written_pages_on_their_line() -> None:
    problems = [
        SiteProblem("om/index.html", "Feil: a, b", "Lenke", "content/om.md", 3, 7),
        SiteProblem("index.html", "100 % feil\n::add-mask::x", "Tilgjengelighet (axe)"),
    ]
    assert output.as_github(problems) == (
        "::error file=content/om.md,line=3,col=7,title=Lenke::Feil: a, b\n"
        "::error title=Tilgjengelighet (axe)::100 %25 feil\\n::add-mask::x"
    )
    # Text from a page (a link target, say) never starts a line, let alone a
    # workflow command, in the log of the pull-request check.
    assert output.as_text(problems) == (
        "content/om.md:3:7:\n  Feil: a, b\nsite/index.html:\n  100 % feil\\n::add-mask::x\n"
        "2 feil på nettstedet."
    )


def test_the_command_says_when_there_is_no_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "site"), "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"Fant ikke noe bygget nettsted i {tmp_path / 'site'}: mappen mangler index.html. "
        "Bygg nettstedet først med «make site» (eller «python -m generator site»).\n"
    )


def test_the_command_exits_1_and_lists_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"index.html": html('<a href="borte/">x</a><a href="#nei">y</a>')})
    args = [str(tmp_path / "site"), "--root", str(tmp_path), "--skip", "axe"]
    assert main(args) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "site/index.html:"
    assert len(err) == 4 and err[-1] == "2 feil på nettstedet."
    assert main([*args, "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split("::")[1] for line in out] == ["error title=Lenke som ikke virker"] * 2


def test_generator_does_not_import_the_site_check_or_playwright() -> None:
    code = (
        "import sys, generator.cli, generator.site.plugin, generator.commands.publish; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sitecheck', 'playwright')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- real builds ------------------------------------------------------------------


def run_sitecheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "sitecheck", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_the_oslo_site_passes_links_personal_data_and_csp(built_site: Path) -> None:
    result = run_sitecheck("site", "--skip", "axe", cwd=built_site.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = len(list(built_site.rglob("*.html")))
    assert result.stdout == (
        f"Nettstedet er i orden: {pages} sider kontrollert (links, personal, csp).\n"
    )


@pytest.mark.slow
def test_a_personal_number_in_content_is_found_on_the_built_site(tmp_path: Path) -> None:
    """The build refuses personal data in content/ (generator.data.privacy); one that
    reaches a built page all the same is found there and traced to its line."""
    project = copy_project(tmp_path)
    built = run_generator("site", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    page = project / "content" / "om.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    sentence = f"Saksbehandlerens fødselsnummer er {PERSONAL_NUMBER}."
    lines.insert(2, sentence)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    html_page = project / "site" / "om" / "index.html"
    html_page.write_text(
        html_page.read_text(encoding="utf-8").replace("</article>", f"<p>{sentence}</p></article>"),
        encoding="utf-8",
    )
    result = run_sitecheck("site", "--skip", "axe", "--format", "github", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/om.md,line=3,col=35,title=Personopplysning på nettstedet::"
        f"Siden «om/» viser «{PERSONAL_NUMBER}», som ser ut som et fødselsnummer. Det har "
        "gyldig dato og begge kontrollsifrene stemmer, så det er trolig et ekte "
        "fødselsnummer. Personopplysninger skal ikke publiseres: fjern det fra "
        "content/om.md. Er det offentlig og skal stå, før det opp i privacy_exceptions.yaml "
        "med «value» (verdien) og «reason» (begrunnelsen)."
    ]


@pytest.mark.slow
@pytest.mark.browser
def test_axe_finds_a_form_field_without_a_label(
    built_site: Path, tmp_path: Path, browser: object
) -> None:
    from sitecheck import axe
    from tests.browser.axe import axe_source

    axe_source()  # fails in CI, skips elsewhere, when axe-core is missing
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    target = copy / "om" / "index.html"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace("</article>", '<input type="text"></article>', 1), encoding="utf-8"
    )
    site = read_site(copy, built_site.parent)
    only = Site(
        copy,
        {k: v for k, v in site.pages.items() if k in ("om/index.html", "index.html")},
        site.root,
    )
    problems = axe.check(only, browser=browser)
    assert [(p.page, p.check, p.file) for p in problems] == [
        ("om/index.html", "Tilgjengelighet (axe)", "content/om.md")
    ]
    assert problems[0].message == (
        "Siden «om/» (bredde 375 px og 1280 px): Alle skjemaelement skal ha en tilknyttet "
        "ledetekst eller instruksjon (axe-regel «label», ett sted, for eksempel "
        '«article > input[type="text"]»). Mer om regelen: '
        "https://dequeuniversity.com/rules/axe/4.14/label?application=axeAPI&lang=nb"
    )


# --- the job summary ----------------------------------------------------------------


def test_the_summary_lists_every_annotation_and_passes_the_output_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitecheck import summary

    lines = ["pip sier noe\n"]
    lines += [
        f"::error file=a.yaml,line={n},col=1,title=Feil i datafil::feil nr. {n}\n"
        for n in range(11)
    ]
    lines += ["::warning file=b%2Cc.yaml,line=2,col=3::«```» og 50%25%0Aneste linje\n"]
    target = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    monkeypatch.setattr("sys.stdin", iter(lines))
    assert summary.main(["--title", "Kontroll av datafilene"]) == 0
    assert capsys.readouterr().out == "".join(lines)
    assert target.read_text(encoding="utf-8") == (
        "### Kontroll av datafilene: 11 feil og 1 advarsel\n\n"
        "GitHub viser bare de 10 første feilene og de 10 første advarslene fra hvert steg som "
        "merknader, så 1 av dem vises bare her. Alle 12:\n\n````text\n"
        + "".join(f"a.yaml:{n}:1: feil: feil nr. {n}\n" for n in range(11))
        + "b,c.yaml:2:3: advarsel: «```» og 50%\nneste linje\n````\n\n"
    )


def test_the_summary_of_a_clean_step_and_of_a_few_problems() -> None:
    from sitecheck.summary import markdown, parse

    assert markdown("Kontroll av nettstedet", []) == "### Kontroll av nettstedet: ingen feil\n\n"
    found = [parse("::error title=Lenke som ikke virker::Siden «/» lenker til «x/»")]
    assert markdown("Kontroll av nettstedet", [a for a in found if a]) == (
        "### Kontroll av nettstedet: 1 feil\n\nAlle vises også som merknader i endringen:\n\n"
        "```text\nfeil: Siden «/» lenker til «x/»\n```\n\n"
    )
    assert parse("vanlig linje") is None
