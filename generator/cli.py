"""Command line: the only place that prints and chooses exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from generator import errors
from generator.argparse_nb import NorwegianParser
from generator.commands import change_summary, publish
from generator.commands.edit_followups import Edited
from generator.data import json_schema, kinds, problem_text, schema
from generator.data.model import Edition
from generator.data.problems import DataError, Problem
from generator.data.suggest import count, quoted_series
from generator.environment import package_problem
from generator.errors import (
    EXIT_CRASH,
    EXIT_ENVIRONMENT,
    EXIT_OK,
    DataFailure,
    EnvironmentFailure,
    Failure,
    UsageFailure,
)
from generator.site import addresses, folders, handoff, publish_env, stamp, swap
from generator.site.build import (
    FOLLOWUPS_ENV,
    IPO_AREAS_ENV,
    Loaded,
    Sources,
    generate,
    load_dataset,
)
from generator.site.write import write_atomic

if TYPE_CHECKING:
    from generator.commands.pull_request import Proposal


def _sources(args: argparse.Namespace) -> Sources:
    root = Path(args.root)
    config = root / getattr(args, "config", "mkdocs.yml")
    return Sources(
        root / args.followups,
        root / args.ipo_areas,
        root,
        root / args.content,
        config if config.is_file() else None,
    )


def _data_files_env(args: argparse.Namespace) -> dict[str, str]:
    """The data files MkDocs must build from: the ones this command was given."""
    sources = _sources(args)
    return {
        FOLLOWUPS_ENV: str(sources.followups.resolve()),
        IPO_AREAS_ENV: str(sources.ipo_areas.resolve()),
    }


def _print_problems(problems: Sequence[Problem], fmt: str) -> None:
    if fmt == "github":
        print(problem_text.as_github(problems))
    else:
        print(problem_text.as_text(problems), file=sys.stderr)


def _print_message(message: str) -> None:
    """A failure's message on stderr, each line safe to print in a workflow's log."""
    if message:
        lines = message.splitlines()
        print("\n".join(problem_text.safe_text(line) for line in lines), file=sys.stderr)


def report(exc: Failure, args: argparse.Namespace) -> None:
    """How most commands fail: the message, then the problems as text, on stderr."""
    _print_message(exc.message)
    if exc.problems:
        _print_problems(exc.problems, "text")


def _report_validate(exc: Failure, args: argparse.Namespace) -> None:
    """The problems in the format asked for: GitHub reads annotations from stdout."""
    _print_message(exc.message)
    if exc.problems:
        _print_problems(exc.problems, args.format)


def _report_publish(exc: Failure, args: argparse.Namespace) -> None:
    """Nothing on gh-pages changed when publish or preview fails: say so with the reason."""
    nothing = "Ingenting er fjernet" if getattr(args, "remove", False) else "Ingenting er publisert"
    if exc.problems:
        report(exc, args)
        print(f"{nothing}: rett feilene over først.", file=sys.stderr)
    else:
        _print_message(f"{nothing}. {exc.message}")


def _report_pull_request(exc: Failure, args: argparse.Namespace) -> None:
    """In a workflow: an annotation on stdout, where GitHub reads workflow commands,
    and the job summary; the log gets the text."""
    from generator.commands.pull_request import annotation, failed, refused

    if isinstance(exc, UsageFailure):
        report(exc, args)
        return
    print(annotation(exc.message))
    if isinstance(exc, DataFailure):
        print(refused(exc, os.environ), file=sys.stderr)
    else:
        print(failed(exc, os.environ), file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    _validate(args)
    return EXIT_OK


def _validate(args: argparse.Namespace) -> Loaded:
    """Check the data and say so (``validate``'s output); raise on errors."""
    loaded = load_dataset(_sources(args))
    if loaded.warnings:
        _print_problems(loaded.warnings, args.format)
    elif args.format == "text":
        data = loaded.data
        print(
            f"Datafilene er i orden: "
            f"{count(len(data.followups), 'oppfølgingspunkt', 'oppfølgingspunkter')}, "
            f"{count(len(data.editions), 'rapporteringsrunde', 'rapporteringsrunder')} og "
            f"{count(len(data.areas), 'IPO-område', 'IPO-områder')}."
        )
    return loaded


def cmd_build(args: argparse.Namespace) -> int:
    root = Path(args.root)
    out = root / args.out
    sources = _sources(args)
    guards = folders.project_guards(
        root.resolve(),
        sources.content,
        [sources.followups, sources.ipo_areas, sources.privacy_exceptions()],
        sources.config_file,
    )
    lock = folders.Lock()

    def take_folder() -> None:
        """Only once the data is good: broken data leaves no folder behind."""
        folders.claim(out, folders.GENERATED, "--out", args.out, folders.older_generated_pages)
        lock.acquire(
            out,
            lambda: print(
                f"Venter på at en annen bygging som bruker «{args.out}» blir ferdig …",
                file=sys.stderr,
            ),
        )

    try:
        with folders.writing(
            f"mappen «{args.out}»", "Gjør mappen skrivbar, eller velg en annen med --out."
        ):
            folders.check_place("--out", out, root, guards, shown=args.out)
            _, written = generate(
                sources, out, option="--out", shown=args.out, before_write=take_folder
            )
    finally:
        lock.release()
    print(
        f"Sider: {len(written.written)} skrevet, {written.unchanged} uendret, "
        f"{len(written.removed)} fjernet."
    )
    return EXIT_OK


def _site_guards(args: argparse.Namespace, root: Path) -> list[folders.Guard]:
    sources = _sources(args)
    return [
        *folders.project_guards(
            root,
            sources.content,
            [sources.followups, sources.ipo_areas, sources.privacy_exceptions()],
            root / args.config,
        ),
        # Where the plugin keeps its pages and cache unless mkdocs.yml says otherwise.
        folders.Guard(root / "build" / "generated", "mappen for de genererte sidene"),
        folders.Guard(root / "build" / "cache", "mappen for mellomlagring"),
    ]


def cmd_site(args: argparse.Namespace) -> int:
    """Build the whole site into a fresh folder, then swap it in.

    ``site/`` is replaced only after MkDocs succeeded, so a failed or
    interrupted build leaves the previous site as it was. When nothing it is
    built from changed since the last build into the same ``site/``, and
    ``site/`` is as that build left it, there is nothing to do (``stamp``).
    The data is checked here once: MkDocs' process takes what was checked
    (``handoff``) instead of checking the same files again.
    """
    root = Path(args.root).resolve()
    target = root / args.site_dir
    config = root / args.config
    inputs: str | None = None
    if config.is_file():
        options = (args.followups, args.ipo_areas, args.content, args.config, args.site_dir)
        inputs = stamp.inputs(_sources(args), config, options, dt.date.today(), os.environ)
        if not args.force and stamp.unchanged(root, target, inputs):
            print(
                "Ingenting er endret siden forrige bygging; "
                f"nettstedet i {args.site_dir.rstrip('/')}/ er uendret."
            )
            return EXIT_OK
    loaded = _validate(argparse.Namespace(**{**vars(args), "format": "text"}))
    publish_env.site_url(os.environ)
    with folders.writing(
        f"«{folders.relative_name(target.parent, root)}», der det nye nettstedet lages før det "
        f"erstatter «{args.site_dir}»",
        "Gjør mappen skrivbar og bygg på nytt.",
    ):
        swap.recover(target)  # what an interrupted build may have left
        swap.prepare(target, root, _site_guards(args, root))
        staging = swap.staging(target)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
    command += ["--config-file", str(root / args.config)]
    stamp.forget(root)
    checked = handoff.write(_sources(args), loaded)
    env = {
        **os.environ,
        "PYTHONUNBUFFERED": "1",
        **_data_files_env(args),
        handoff.CHECKED_ENV: str(checked),
    }
    try:
        result = subprocess.run(command, cwd=root, env=env)
        if result.returncode != 0:
            # MkDocs has said why above; its refusals are nearly always the
            # data's or the hand-written pages' (--strict), so: 1.
            raise DataFailure("Bygget feilet; den forrige versjonen av nettstedet er beholdt.")
        with folders.writing(
            f"«{args.site_dir}»",
            "Gjør mappen skrivbar, eller bygg nettstedet til en annen mappe med --site-dir.",
        ):
            swap.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when the swap succeeded
        checked.unlink(missing_ok=True)
    if inputs is not None:
        stamp.write(root, target, inputs)
    print(f"Nettstedet er bygget i {target}.")
    return EXIT_OK


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


SERVE_ARGS = ("serve", "--dirty", "--no-strict")
"""What the preview runs after ``mkdocs``. --dirty rebuilds only the pages whose
Markdown changed, not the whole site on every edit; MkDocs warns about every
dirty build, so strict mode (on in mkdocs.yml for ``make site``) would abort
each one: hence --no-strict. bench/run.py measures the same command."""


def _address_refused(host: str, port: int, error: OSError) -> Failure:
    """A port another program holds is the machine's (3); an address that is not
    this machine's, or a port only root may use, is the command line's (2)."""
    from generator.site import live_preview

    kind = EnvironmentFailure if error.errno == errno.EADDRINUSE else UsageFailure
    return kind(live_preview.address_message(host, port, error))


def cmd_serve(args: argparse.Namespace) -> int:
    """The preview: MkDocs' server, with a word instead of a traceback for a bad address."""
    import click
    from mkdocs.__main__ import cli as mkdocs

    from generator.site import live_preview

    host, port = live_preview.parse_address(args.addr)
    refused = live_preview.check_address(host, port)
    if refused is not None:
        raise _address_refused(host, port, refused)
    root = Path(args.root)
    command = [
        *SERVE_ARGS,
        "--dev-addr",
        f"{host}:{port}",
        "--config-file",
        str(root / args.config),
    ]
    try:
        # MkDocs builds from the data files this command was given, as site does.
        with _environment(_data_files_env(args)):
            mkdocs.main(args=command, prog_name="mkdocs", standalone_mode=False)
    except OSError as exc:  # the address was taken while the first build ran
        if exc.errno not in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL):
            raise
        raise _address_refused(host, port, exc) from exc
    except click.ClickException as exc:  # MkDocs' own refusals, in its words and codes
        exc.show()
        return exc.exit_code
    except (KeyboardInterrupt, click.exceptions.Abort):
        return EXIT_OK
    return EXIT_OK


def _date(option: str) -> Callable[[str], dt.date | None]:
    """argparse type for a date option, by the data files' rules and in their
    words; argparse shows the message as is. Empty (a form's field left blank)
    means the default."""

    def parse(value: str) -> dt.date | None:
        if not value.strip():
            return None
        try:
            return kinds.parse_date(value, option)
        except kinds.NotADate as exc:
            raise argparse.ArgumentTypeError(exc.message) from None

    return parse


def _edit(args: argparse.Namespace) -> Edited:
    """Run the editing command ``args`` names; raises Refused."""
    from generator.commands.edit_followups import new_followup, new_round
    from generator.commands.edit_ipo import add_area, retire_area

    sources = _sources(args)
    if args.command == "new-round":
        return new_round(sources, args.id, args.title, args.date or dt.date.today())
    if args.command == "new-followup":
        return new_followup(sources, args.seminar, args.title)
    if args.action == "add":
        return add_area(sources, args.unit, args.name, args.status, args.since)
    return retire_area(sources, args.unit, args.name)


def cmd_edit(args: argparse.Namespace) -> int:
    """new-round, new-followup and ipo-area: edit a data file, or say why not."""
    print(_edit(args).printed())
    return EXIT_OK


def _proposal(args: argparse.Namespace, done: Edited) -> Proposal:
    """How the pull request for an edit made from GitHub is named."""
    from generator.commands.edit_followups import default_title
    from generator.commands.pull_request import Proposal, slug

    if args.command == "new-round":
        title = (args.title or "").strip() or default_title(args.id) or args.id
        return Proposal(
            "new-round",
            f"ny-runde/{slug(done.subject)}",
            f"Ny rapporteringsrunde: {title} ({done.subject})",
        )
    if args.command == "new-followup":
        named = (args.title or "").strip()
        return Proposal(
            "new-followup",
            f"nytt-punkt/{slug(done.subject)}",
            f"Nytt oppfølgingspunkt {done.subject}" + (f": {named}" if named else ""),
        )
    if args.action == "add":
        return Proposal(
            "ipo-area",
            f"ipo/nytt-{slug(done.subject)}",
            f"Nytt IPO-område: {done.subject} (enhet {args.unit.strip()})",
        )
    return Proposal(
        "ipo-area",
        f"ipo/ta-ut-{slug(done.subject)}",
        f"IPO-område tatt ut: {done.subject} (enhet {args.unit.strip()})",
    )


def cmd_pull_request(args: argparse.Namespace) -> int:
    """Run an editing command on a new branch and open a pull request (GitHub workflows)."""
    from generator.commands.pull_request import propose

    inner = parser().parse_args(
        [
            "--root",
            args.root,
            "--followups",
            args.followups,
            "--ipo-areas",
            args.ipo_areas,
            "--content",
            args.content,
            *args.edit,
        ]
    )
    if inner.command not in ("new-round", "new-followup", "ipo-area"):
        raise UsageFailure("pull-request kan bare brukes med new-round, new-followup og ipo-area.")
    text, _ = propose(_sources(inner), lambda: _edit(inner), lambda d: _proposal(inner, d))
    print(text)
    return EXIT_OK


def _year(value: str) -> int | None:
    """argparse type for a year; empty (as a form's field left blank) is none."""
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"«{value}» er ikke et årstall; skriv året med fire sifre, for eksempel 2026"
        ) from None


def cmd_init(args: argparse.Namespace) -> int:
    from generator.commands.init import council_from_options, init

    target = Path(args.root) / args.dir
    council = council_from_options(
        args.name,
        args.member,
        args.unit,
        args.edition,
        args.edition_title,
        args.edition_date or dt.date.today(),
        args.seminar,
        args.seminar_title,
        args.language,
    )
    written = init(target, council)
    print(f"Nytt nettsted for {council.name} er laget i {target}: {', '.join(written)}.")
    print(f"Bygg det med: cd {target} && python -m generator site")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas that editors use; ``--check`` only compares."""
    out = Path(args.root) / args.out
    stale = []
    for filename in json_schema.SCHEMA_FILES:
        text = json_schema.render(filename)
        target = out / filename
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(str(target))
        else:
            write_atomic(target, text.encode("utf-8"))
            print(f"Skrev {target}.")
    if stale:
        raise DataFailure(
            "JSON-skjemaene er utdaterte: "
            + ", ".join(stale)
            + ". Kjør «python -m generator schema» og legg dem til."
        )
    return EXIT_OK


def _publish_options(
    args: argparse.Namespace, edition: str | None = None, every: bool = False
) -> publish.Options:
    root = Path(args.root).resolve()
    return publish.Options(
        root=root,
        sources=_sources(argparse.Namespace(**{**vars(args), "root": str(root)})),
        config_file=root / args.config,
        edition=edition,
        every=every,
        remote=args.remote,
        name=args.name,
        email=args.email,
        branch=args.branch,
    )


def _titles(editions: tuple[Edition, ...]) -> str:
    names = [f"{e.title} ({e.id})" for e in reversed(editions)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


def _latest_line(done: publish.Published) -> str:
    if done.moved_latest:
        return f"«{publish.LATEST}» peker nå på {done.latest}."
    if done.latest_elsewhere:
        return (
            f"«{publish.LATEST}» er ikke flyttet: den peker på {done.latest_elsewhere}, "
            "som er nyere enn datafilene her."
        )
    if done.latest == done.newest and done.newest in {e.id for e in done.published}:
        return f"«{publish.LATEST}» peker fortsatt på {done.latest}."
    return f"«{publish.LATEST}» er ikke flyttet: det finnes en nyere rapporteringsrunde."


def cmd_publish(args: argparse.Namespace) -> int:
    """Publish the editions that changed, or the ones asked for (see ``publish``)."""
    options = _publish_options(args, edition=args.edition, every=args.all)
    print("Kontrollerer og bygger …", file=sys.stderr)
    # mike runs MkDocs with this process's environment: build from these files.
    with _environment(_data_files_env(args)):
        done = publish.publish(options)
    where = f"{done.remote}/{done.branch}"
    if done.published:
        print(
            f"Publiserte {_titles(done.published)} til {where} ({(done.commit or '')[:10]}). "
            + _latest_line(done)
        )
    else:
        print(f"Ingenting å publisere: {where} er allerede oppdatert.")
    if done.unchanged:
        print(f"Uendret siden forrige publisering: {_titles(done.unchanged)}.")
    if done.root_files:
        print(
            f"De faste adressene ({addresses.BOKMAL.feed} og {addresses.BOKMAL.data_folder}/ "
            "ved siden av versions.json) "
            f"viser nå {done.latest}."
        )
    for missing in done.skipped:
        print(f"Ikke bygget på nytt: «{missing.edition}»: {missing.message}")
    return EXIT_OK


def cmd_preview(args: argparse.Namespace) -> int:
    """Publish or remove the hidden preview version of a pull request (``pr-N``)."""
    options = _publish_options(args)
    if args.remove:
        removed = publish.remove_preview(options, args.number)
    else:
        print("Kontrollerer og bygger …", file=sys.stderr)
        with _environment(_data_files_env(args)):
            done = publish.preview(options, args.number)
    if args.remove:
        where = f"{removed.remote}/{removed.branch}"
        if removed.existed:
            print(f"Fjernet forhåndsvisningen {removed.version} fra {where}.")
        else:
            print(
                f"Det finnes ingen forhåndsvisning {removed.version} på {where}; ingenting å fjerne."
            )
        return EXIT_OK
    print(
        f"Publiserte forhåndsvisningen av endring #{int(args.number)} ({done.edition.title}) "
        f"som den skjulte versjonen {done.version} på {done.remote}/{done.branch}. "
        "Den vises ikke i versjonsvelgeren. Adresse:"
    )
    print(done.address)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        if done.address.startswith(("http://", "https://")):
            line = f"Forhåndsvisning av endringen: [{done.address}]({done.address})\n"
        else:
            line = (
                f"Forhåndsvisningen er publisert som versjonen `{done.version}` på grenen "
                f"`{done.branch}` (SITE_URL er ikke satt, så adressen er ukjent).\n"
            )
        with open(summary, "a", encoding="utf-8") as out:
            out.write(line)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """Markdown for a pull request summary: what the data change means for a reader."""
    sources = _sources(args)
    root = Path(args.root)
    try:
        before = change_summary.at_revision(root, args.base, sources)
    except DataError as exc:  # the base's problems, which the change may not be to blame for
        raise DataFailure(
            f"Datafilene i «{args.base}» har feil; kan ikke sammenligne.", exc.problems
        ) from exc
    try:
        after = load_dataset(sources).data
    except DataError:
        # The summary goes to the pull request's page (stdout); the problems to the log.
        print(
            "## Endringer for leserne\n\nDatafilene har feil, så endringen kan ikke vises. "
            "Se feilene i valideringen."
        )
        raise
    print(change_summary.as_markdown(change_summary.compare(before, after), args.base), end="")
    return EXIT_OK


_CONFIG_HELP = "MkDocs-oppsettet (standard: mkdocs.yml)"

EXIT_CODES = """\
avslutningskoder:
  0  ferdig
  1  datafilene eller det du skrev inn har feil; meldingen sier hva som må rettes
  2  kommandolinjen har feil: et ukjent valg eller en verdi valget ikke tar
  3  maskinen, git eller en innstilling stoppet kommandoen, eller verktøyet selv
     feilet (meldingen sier hvilket); kjør med --debug for detaljene"""


def _git_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--remote",
        metavar="NAVN",
        help="git-fjernlageret; standard er PUBLISH_REMOTE, ellers origin",
    )
    command.add_argument(
        "--name", metavar="NAVN", help="navn i git-committene; standard er GIT_AUTHOR_NAME"
    )
    command.add_argument(
        "--email", metavar="E-POST", help="e-post i git-committene; standard er GIT_AUTHOR_EMAIL"
    )
    command.add_argument(
        "--branch", default="gh-pages", metavar="GREN", help="grenen det publiseres til"
    )
    command.add_argument("--config", default="mkdocs.yml", metavar="FIL", help=_CONFIG_HELP)


def parser() -> argparse.ArgumentParser:
    p = NorwegianParser(
        prog="python -m generator",
        description="Kontroller datafilene og bygg nettstedet for oppfølgingspunkter.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(report=report)
    p.add_argument(
        "--debug",
        action="store_true",
        help="vis hele sporingen (traceback) når kommandoen stopper, for den som retter feil",
    )
    p.add_argument(
        "--root", default=".", metavar="MAPPE", help="mappen med datafilene og mkdocs.yml"
    )
    p.add_argument(
        "--followups", default="followups.yaml", metavar="FIL", help="oppfølgingspunktene"
    )
    p.add_argument("--ipo-areas", default="ipo_areas.yaml", metavar="FIL", help="IPO-områdene")
    p.add_argument(
        "--content", default="content", metavar="MAPPE", help="mappen med håndskrevne sider"
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="kommando")

    v = sub.add_parser("validate", help="kontroller datafilene og vis alle feil")
    v.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="text (standard) eller github (merknader på linjene i GitHub)",
    )
    v.set_defaults(func=cmd_validate, report=_report_validate)

    b = sub.add_parser("build", help="lag Markdown-sidene fra datafilene")
    b.add_argument(
        "--out", default="build/generated", metavar="MAPPE", help="mappen sidene skrives til"
    )
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("site", help="kontroller, lag sidene og bygg hele nettstedet")
    s.add_argument("--site-dir", default="site", metavar="MAPPE", help="mappen nettstedet bygges i")
    s.add_argument("--config", default="mkdocs.yml", metavar="FIL", help=_CONFIG_HELP)
    s.add_argument(
        "--force",
        action="store_true",
        help="bygg på nytt selv om ingenting er endret siden forrige bygging",
    )
    s.set_defaults(func=cmd_site)

    serve = sub.add_parser(
        "serve",
        help="forhåndsvis nettstedet på egen maskin; siden oppdateres når du lagrer en fil",
    )
    serve.add_argument(
        "--addr",
        default="127.0.0.1:8000",
        metavar="ADRESSE",
        help="vert:port for forhåndsvisningen (standard: 127.0.0.1:8000)",
    )
    serve.add_argument("--config", default="mkdocs.yml", metavar="FIL", help=_CONFIG_HELP)
    serve.set_defaults(func=cmd_serve)

    r = sub.add_parser("new-round", help="start en ny rapporteringsrunde i followups.yaml")
    r.add_argument("id", help='id for runden, for eksempel "2026-06"')
    r.add_argument(
        "--title",
        metavar="TITTEL",
        help="tittel; for en id som 2026-06 blir den «Status pr juni 2026»",
    )
    r.add_argument(
        "--date",
        type=_date("--date"),
        metavar="DATO",
        help="datoen statusen gjelder fra (standard: i dag)",
    )
    r.set_defaults(func=cmd_edit)

    f = sub.add_parser("new-followup", help="legg til et oppfølgingspunkt i followups.yaml")
    f.add_argument(
        "--seminar",
        required=True,
        metavar="SEMINAR",
        help="id-en til seminaret punktet ble vedtatt på",
    )
    f.add_argument("--title", metavar="TITTEL", help="punktets korte tittel (kan fylles ut senere)")
    f.set_defaults(func=cmd_edit)

    ipo = sub.add_parser("ipo-area", help="legg til eller ta ut et IPO-område i ipo_areas.yaml")
    ipo_sub = ipo.add_subparsers(dest="action", required=True, metavar="handling")
    add = ipo_sub.add_parser("add", help="legg til et område under en enhet")
    retire = ipo_sub.add_parser("retire", help="ta ut et område som ikke lenger er med")
    for command in (add, retire):
        command.add_argument(
            "--unit", required=True, metavar="ENHET", help="id-en til enheten, for eksempel vest"
        )
        command.add_argument("--name", required=True, metavar="NAVN", help="områdets navn")
    add.add_argument(
        "--status",
        metavar="STATUS",
        help=f"{quoted_series(schema.AREA_STATUSES, 'eller')}; standard: ny",
    )
    add.add_argument("--since", type=_year, metavar="ÅR", help="året innsatsen startet")
    ipo.set_defaults(func=cmd_edit)

    i = sub.add_parser("init", help="lag et nytt nettsted for et annet råd")
    i.add_argument("dir", metavar="mappe", help="mappen som skal lages")
    i.add_argument("--name", required=True, metavar="NAVN", help="rådets navn")
    i.add_argument(
        "--member", action="append", default=[], metavar="PART", help="en part i rådet (gjentas)"
    )
    i.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="ID=NAVN",
        help="en enhet som id=Navn (gjentas)",
    )
    i.add_argument(
        "--edition", metavar="ID", help="id for første runde (standard: inneværende måned)"
    )
    i.add_argument("--edition-title", metavar="TITTEL", help="tittel for første runde")
    i.add_argument(
        "--edition-date",
        type=_date("--edition-date"),
        metavar="DATO",
        help="dato for første runde (standard: i dag)",
    )
    i.add_argument("--seminar", metavar="ID", help="id for første seminar (standard: året)")
    i.add_argument("--seminar-title", metavar="TITTEL", help="navnet på første seminar")
    i.add_argument(
        "--language",
        metavar="SPRÅK",
        help="språket på sidene: nb (bokmål, standard) eller nn (nynorsk)",
    )
    i.set_defaults(func=cmd_init)

    j = sub.add_parser("schema", help="skriv JSON-skjemaene som redigeringsprogrammer bruker")
    j.add_argument("--out", default="schemas", metavar="MAPPE", help="mappen skjemaene skrives til")
    j.add_argument("--check", action="store_true", help="bare sjekk at de er oppdatert")
    j.set_defaults(func=cmd_schema)

    pub = sub.add_parser(
        "publish",
        help="publiser rapporteringsrundene som er endret, hver som egen versjon på gh-pages (mike)",
    )
    which = pub.add_mutually_exclusive_group()
    which.add_argument(
        "--edition", metavar="ID", help="publiser denne runden på nytt, endret eller ikke"
    )
    which.add_argument("--all", action="store_true", help="publiser alle rundene på nytt")
    _git_options(pub)
    pub.set_defaults(func=cmd_publish, report=_report_publish)

    pre = sub.add_parser(
        "preview",
        help="publiser en forhåndsvisning av en endring (pull request) som skjult versjon pr-N",
    )
    pre.add_argument("number", metavar="nummer", help="nummeret på endringen (pull request)")
    pre.add_argument("--remove", action="store_true", help="fjern forhåndsvisningen")
    _git_options(pre)
    pre.set_defaults(func=cmd_preview, report=_report_publish)

    d = sub.add_parser(
        "diff", help="vis hva endringen siden en git-revisjon betyr for leserne (Markdown)"
    )
    d.add_argument(
        "base",
        metavar="revisjon",
        help="git-revisjonen det sammenlignes med, for eksempel origin/main",
    )
    d.set_defaults(func=cmd_diff)

    pr = sub.add_parser(
        "pull-request",
        help="for arbeidsflytene på GitHub: gjør en endring på en ny gren og lag en pull request",
    )
    pr.add_argument(
        "edit",
        nargs=argparse.REMAINDER,
        metavar="kommando",
        help="new-round, new-followup eller ipo-area med sine valg",
    )
    pr.set_defaults(func=cmd_pull_request, report=_report_pull_request)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run a command; the one place that turns what stopped it into output and an exit code."""
    # Material's notice about MkDocs 2 speaks to the tool's developers, not to
    # the secretariat running a command; the Makefile turns it off the same way.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except Failure as exc:
        if args.debug:
            traceback.print_exc()
        args.report(exc, args)
        return exc.exit_code
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        missing = _missing_package(exc)
        if missing is not None:
            print(missing, file=sys.stderr)
            return EXIT_ENVIRONMENT
        print(errors.crashed(exc), file=sys.stderr)
        return EXIT_CRASH


def _missing_package(exc: Exception) -> str | None:
    """What to do about a package a command loads only when it needs it:
    the environment's fault, unless it is our own."""
    if not isinstance(exc, ModuleNotFoundError):
        return None
    package = (exc.name or "generator").split(".")[0]
    return None if package == "generator" else package_problem([package])
