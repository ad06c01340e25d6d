"""Run one job of a GitHub Actions workflow here, as GitHub's runner would.

For testing workflows whose logic lives in ``run:`` steps and scripts of the
repository. A job runs in a fresh clone of a test repository (playing
GitHub's copy), with what GitHub gives a step:

- the variables: ``GITHUB_STEP_SUMMARY``, ``GITHUB_OUTPUT``, ``GITHUB_ENV``,
  ``GITHUB_PATH`` (files, fresh per step, read back after it),
  ``GITHUB_EVENT_PATH`` (the event JSON), ``GITHUB_WORKSPACE``,
  ``GITHUB_REPOSITORY``, ``GITHUB_SHA``, ``GITHUB_REF``, ``GITHUB_BASE_REF``,
  ``GITHUB_HEAD_REF``, ``GITHUB_EVENT_NAME``, ``CI=true``, ``RUNNER_TEMP`` …;
- the workflow's, job's and step's ``env:`` (a value written to
  ``GITHUB_ENV`` overrides the workflow's and job's, not the step's);
- ``${{ }}`` and ``if:`` evaluated from the contexts github (event, sha,
  ref, repository …), env, vars, secrets (fakes unless given), inputs,
  steps.<id>.outputs/outcome/conclusion, needs.<job>.outputs/result, runner
  and job (see tests/workflow_expressions.py: anything it cannot evaluate
  raises instead of guessing);
- ``run:`` with bash as GitHub calls it (``bash -e`` by default,
  ``bash --noprofile --norc -eo pipefail`` for ``shell: bash``), in the
  workspace or ``working-directory``; workflow commands on stdout and stderr
  (``::error file=…,line=…::…``, ``::warning``, ``::notice``) are collected
  as annotations.

``uses:`` steps are simulated: actions/checkout = the clone (fetch-depth, ref;
``token`` is accepted and not needed), whose ``origin`` is the given repository,
so a step can push branches to it,
actions/setup-python = this interpreter's base Python on PATH (the version
must match), actions/setup-node = the machine's node, actions/cache = nothing,
actions/upload-artifact = the path recorded. Any other action raises.
``gh`` is a recorder on PATH: each call's arguments, stdin, working folder and
``GH_TOKEN`` go to ``JobResult.gh_calls``; ``gh_responses`` maps an argument prefix
(``"pr view"``) to what it prints.

    runner = Runner(Path(".github/workflows/pull-request.yml"), origin=bare_repo, work=tmp_path)
    result = runner.run_job("data", pull_request_event(...))
    assert result.step("Kontroller datafilene").outcome == "failure"
    print(result.summary, result.annotations)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .workflow_expressions import Context, ExpressionError, condition, substitute, to_string

__all__ = [
    "Event",
    "ExpressionError",
    "JobResult",
    "Runner",
    "StepResult",
    "WorkflowError",
    "pull_request_event",
    "push_event",
    "workflow_dispatch_event",
]


class WorkflowError(Exception):
    """The workflow asks for something this runner does not simulate."""


@dataclass(frozen=True)
class Event:
    """What triggered the run: its name, its payload and the commit and ref GitHub checks out."""

    name: str
    payload: dict[str, Any]
    sha: str
    ref: str
    base_ref: str = ""
    head_ref: str = ""


def _repository(full_name: str, default_branch: str = "main") -> dict[str, Any]:
    owner, name = full_name.split("/", 1)
    return {
        "full_name": full_name,
        "name": name,
        "owner": {"login": owner},
        "default_branch": default_branch,
    }


def pull_request_event(
    number: int,
    base_sha: str,
    head_sha: str,
    *,
    repository: str = "politiraad/oppfolging",
    head_repository: str | None = None,
    base_ref: str = "main",
    head_ref: str = "endring",
    action: str = "opened",
    merged: bool = False,
    sha: str | None = None,
) -> Event:
    """A ``pull_request`` event; ``sha`` is what GitHub checks out (its merge commit),
    by default the head. ``head_repository`` differs from ``repository`` for a fork."""
    payload = {
        "action": action,
        "number": number,
        "pull_request": {
            "number": number,
            "merged": merged,
            "base": {"sha": base_sha, "ref": base_ref, "repo": _repository(repository)},
            "head": {
                "sha": head_sha,
                "ref": head_ref,
                "repo": _repository(head_repository or repository),
            },
        },
        "repository": _repository(repository),
    }
    return Event(
        "pull_request", payload, sha or head_sha, f"refs/pull/{number}/merge", base_ref, head_ref
    )


def push_event(
    before: str, after: str, *, branch: str = "main", repository: str = "politiraad/oppfolging"
) -> Event:
    payload = {
        "ref": f"refs/heads/{branch}",
        "before": before,
        "after": after,
        "repository": _repository(repository),
    }
    return Event("push", payload, after, f"refs/heads/{branch}")


def workflow_dispatch_event(
    sha: str,
    inputs: Mapping[str, Any] | None = None,
    *,
    branch: str = "main",
    repository: str = "politiraad/oppfolging",
) -> Event:
    payload = {
        "ref": f"refs/heads/{branch}",
        "inputs": dict(inputs or {}),
        "repository": _repository(repository),
    }
    return Event("workflow_dispatch", payload, sha, f"refs/heads/{branch}")


@dataclass(frozen=True)
class Annotation:
    """A workflow command a step printed: ``::error file=a.yaml,line=3::message``."""

    severity: str
    message: str
    properties: dict[str, str]
    step: str


@dataclass
class StepResult:
    name: str
    id: str | None
    outcome: str
    """success, failure or skipped: before continue-on-error."""
    conclusion: str
    outputs: dict[str, str] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""
    summary: str = ""
    command: str = ""
    """The script a ``run:`` step ran, or the action a ``uses:`` step stood for."""
    seconds: float = 0.0
    """Wall-clock time the step took (for measuring a workflow, never for asserting)."""


@dataclass
class JobResult:
    job: str
    result: str
    """success, failure or skipped, as needs.<job>.result would say."""
    steps: list[StepResult]
    outputs: dict[str, str]
    annotations: list[Annotation]
    artifacts: dict[str, Path]
    gh_calls: list[dict[str, Any]]
    workspace: Path
    env: dict[str, str]
    """What GITHUB_ENV added, by the end of the job."""

    @property
    def summary(self) -> str:
        """The job summary: every step's GITHUB_STEP_SUMMARY, in order."""
        return "".join(step.summary for step in self.steps)

    def step(self, name_or_id: str) -> StepResult:
        for step in self.steps:
            if name_or_id in (step.name, step.id):
                return step
        raise KeyError(f"no step {name_or_id!r}; steps: {[s.name for s in self.steps]}")

    def log(self) -> str:
        """Every step's output, for a failing test's message."""
        return "\n".join(f"--- {s.name}: {s.outcome}\n{s.stdout}{s.stderr}" for s in self.steps)


_GH_RECORDER = """#!{python}
# The `gh` command, recorded instead of run (tests/workflow_runner.py).
import json, os, sys
args = sys.argv[1:]
stdin = "" if sys.stdin.isatty() else sys.stdin.read()
with open(os.environ["GH_RECORDER_LOG"], "a", encoding="utf-8") as log:
    call = {{"args": args, "stdin": stdin, "cwd": os.getcwd(), "token": os.environ.get("GH_TOKEN")}}
    log.write(json.dumps(call) + "\\n")
responses = json.loads(os.environ.get("GH_RECORDER_RESPONSES", "{{}}"))
for prefix, output in responses.items():
    if " ".join(args).startswith(prefix):
        sys.stdout.write(output)
        break
"""

# What a fresh runner has: none of the CI or GitHub variables of wherever the tests run.
# GitHub's own variables are set by the runner itself; make's come from a
# `make test` around the suite, which a runner on GitHub never has (they make
# a nested make print "Entering directory" lines into a step's output).
_DROPPED = ("GITHUB_", "RUNNER_", "ACTIONS_", "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES")


def _parse_key_values(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT / GITHUB_ENV files: ``name=value`` and ``name<<EOF`` blocks."""
    values: dict[str, str] = {}
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            while index < len(lines) and lines[index] != delimiter:
                block.append(lines[index])
                index += 1
            if index >= len(lines):
                raise WorkflowError(f"no closing {delimiter!r} for {name!r}")
            index += 1
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        else:
            raise WorkflowError(f"cannot read {line!r}: neither name=value nor name<<EOF")
    return values


def _annotations(text: str, step: str) -> list[Annotation]:
    found = []
    for line in text.splitlines():
        for severity in ("error", "warning", "notice"):
            prefix = f"::{severity}"
            if line.startswith(prefix + " ") or line.startswith(prefix + "::"):
                head, _, message = line[2:].partition("::")
                props = {}
                _, _, raw = head.partition(" ")
                for item in raw.split(","):
                    key, sep, value = item.partition("=")
                    if sep:
                        props[key.strip()] = (
                            value.replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
                        )
                message = message.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
                found.append(Annotation(severity, message, props, step))
    return found


def _workflow_on(document: dict[Any, Any]) -> Any:
    # YAML 1.1 reads the key `on` as true.
    return document.get("on", document.get(True))


class Runner:
    """Runs jobs of one workflow file; see the module's docstring."""

    def __init__(
        self,
        workflow: Path,
        origin: Path | str,
        work: Path,
        *,
        vars: Mapping[str, str] | None = None,
        secrets: Mapping[str, str] | None = None,
        env: Mapping[str, str] | None = None,
        prepare: Callable[[Path], None] | None = None,
        gh_responses: Mapping[str, str] | None = None,
    ) -> None:
        """``origin``: the repository GitHub holds (a path or URL git can clone);
        ``env``: variables of the machine (PIP_CACHE_DIR …) on top of this process's;
        ``prepare``: called with the workspace after each checkout."""
        self.path = workflow
        self.document: dict[Any, Any] = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        self.origin = str(origin)
        self.work = work
        self.vars = dict(vars or {})
        self.secrets = dict(secrets or {})
        self.machine_env = dict(env or {})
        self.prepare = prepare
        self.gh_responses = dict(gh_responses or {})
        for key in ("container", "services", "strategy"):
            for job_id, job in self.document.get("jobs", {}).items():
                if key in job:
                    raise WorkflowError(
                        f"job {job_id} uses {key}:, which the runner does not simulate"
                    )

    @property
    def triggers(self) -> Any:
        return _workflow_on(self.document)

    # --- contexts ---------------------------------------------------------------

    def _inputs(self, event: Event) -> dict[str, Any]:
        if event.name != "workflow_dispatch":
            return {}
        declared = (self.triggers or {}).get("workflow_dispatch") or {}
        given = event.payload.get("inputs", {})
        inputs: dict[str, Any] = {}
        for name, spec in (declared.get("inputs") or {}).items():
            spec = spec or {}
            value = given.get(name, spec.get("default", ""))
            if spec.get("required") and name not in given and "default" not in spec:
                raise WorkflowError(f"input {name!r} is required")
            if spec.get("type") == "boolean":
                value = value if isinstance(value, bool) else str(value).lower() == "true"
            elif spec.get("type") == "choice" and value not in spec.get("options", []):
                raise WorkflowError(f"input {name!r}: {value!r} is not one of the options")
            inputs[name] = value
        unknown = set(given) - set(inputs)
        if unknown:
            raise WorkflowError(f"the workflow declares no inputs {sorted(unknown)}")
        return inputs

    def _github(
        self, event: Event, job_id: str, workspace: Path, event_path: Path
    ) -> dict[str, Any]:
        repository = event.payload["repository"]["full_name"]
        return {
            "event_name": event.name,
            "event": event.payload,
            "event_path": str(event_path),
            "sha": event.sha,
            "ref": event.ref,
            "ref_name": event.ref.rsplit("/", 1)[-1]
            if event.ref.startswith("refs/heads/")
            else event.ref.removeprefix("refs/"),
            "base_ref": event.base_ref,
            "head_ref": event.head_ref,
            "repository": repository,
            "repository_owner": repository.split("/", 1)[0],
            "workspace": str(workspace),
            "job": job_id,
            "workflow": self.document.get("name", self.path.name),
            "run_id": "1",
            "run_number": "1",
            "run_attempt": "1",
            "actor": "sekretariatet",
            "server_url": "https://github.com",
            "api_url": "https://api.github.com",
            "token": self.secrets.get("GITHUB_TOKEN", "fake-github-token"),
        }

    def job_runs(
        self, job_id: str, event: Event, *, needs: Mapping[str, Mapping[str, Any]] | None = None
    ) -> bool:
        """Whether the job's ``if:`` lets it run, without running it."""
        job = self.document["jobs"][job_id]
        needed = job.get("needs", [])
        needed = [needed] if isinstance(needed, str) else list(needed)
        needs_context = {
            name: {"result": v.get("result", "success"), "outputs": dict(v.get("outputs", {}))}
            for name, v in (needs or {}).items()
        }
        status = (
            "success"
            if all(n["result"] == "success" for n in needs_context.values())
            else "failure"
        )
        values = {
            "github": self._github(
                event, job_id, self.work / "workspace", self.work / "event.json"
            ),
            "vars": self.vars,
            "secrets": _FakeSecrets(self.secrets),
            "inputs": self._inputs(event),
            "needs": needs_context,
            "env": {},
        }
        return condition(job.get("if"), Context(values, status, {"needs": frozenset(needed)}))

    # --- running a job ----------------------------------------------------------

    def run_job(
        self,
        job_id: str,
        event: Event,
        *,
        needs: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> JobResult:
        """Run one job's steps in order; ``needs`` gives each needed job's
        ``result`` and ``outputs`` (as GitHub would after running them)."""
        job = self.document["jobs"][job_id]
        needed = job.get("needs", [])
        needed = [needed] if isinstance(needed, str) else list(needed)
        needs = dict(needs or {})
        missing = set(needed) - set(needs)
        if missing:
            raise WorkflowError(f"job {job_id} needs {sorted(missing)}: pass their results")

        workspace = self.work / "workspace"
        temp = self.work / "runner-temp"
        tools = self.work / "tools"
        for folder in (workspace, temp):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        tools.mkdir(parents=True, exist_ok=True)
        event_path = temp / "event.json"
        event_path.write_text(json.dumps(event.payload, indent=2), encoding="utf-8")
        github = self._github(event, job_id, workspace, event_path)
        gh_log = temp / "gh-calls.jsonl"
        gh_log.touch()
        self._install_gh(tools)

        secrets = _FakeSecrets(self.secrets)
        needs_context = {
            name: {
                "result": value.get("result", "success"),
                "outputs": dict(value.get("outputs", {})),
            }
            for name, value in needs.items()
        }
        runner_context = {"os": "Linux", "arch": "X64", "temp": str(temp), "tool_cache": str(tools)}
        base_values = {
            "github": github,
            "vars": self.vars,
            "secrets": secrets,
            "inputs": self._inputs(event),
            "needs": needs_context,
            "runner": runner_context,
        }
        job_status = (
            "success"
            if all(n["result"] in ("success",) for n in needs_context.values())
            else "failure"
        )
        job_if = condition(
            job.get("if"),
            Context({**base_values, "env": {}}, job_status, {"needs": frozenset(needed)}),
        )
        if not job_if:
            return JobResult(job_id, "skipped", [], {}, [], {}, [], workspace, {})

        # Workflow env, then job env (each may use the contexts known at its level).
        env_context: dict[str, str] = {}
        for scope in (self.document.get("env") or {}, job.get("env") or {}):
            context = Context({**base_values, "env": dict(env_context)})
            for key, value in scope.items():
                env_context[key] = to_string(substitute(value, context))

        defaults = {
            **((self.document.get("defaults") or {}).get("run") or {}),
            **((job.get("defaults") or {}).get("run") or {}),
        }
        step_ids = frozenset(s["id"] for s in job.get("steps", []) if "id" in s)
        steps_context: dict[str, dict[str, Any]] = {}
        github_env: dict[str, str] = {}
        path_prefix: list[str] = []
        results: list[StepResult] = []
        annotations: list[Annotation] = []
        artifacts: dict[str, Path] = {}
        status = "success"

        for number, step in enumerate(job.get("steps", []), start=1):
            name = self._step_name(step, number)
            strict = {"steps": step_ids, "needs": frozenset(needed)}
            merged_env = {**env_context, **github_env}
            context = Context(
                {**base_values, "env": merged_env, "steps": steps_context}, status, strict
            )
            if not condition(step.get("if"), context):
                result = StepResult(name, step.get("id"), "skipped", "skipped")
            else:
                step_env = {
                    key: to_string(substitute(value, context))
                    for key, value in (step.get("env") or {}).items()
                }
                context = Context(
                    {**base_values, "env": {**merged_env, **step_env}, "steps": steps_context},
                    status,
                    strict,
                )
                files = {
                    key: temp / f"{key.lower()}-{number}"
                    for key in ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")
                }
                for file in files.values():
                    file.write_text("", encoding="utf-8")
                process_env = {
                    **self._machine(),
                    **self._defaults(github, temp, tools, step, number),
                    **{key: str(path) for key, path in files.items()},
                    "GH_RECORDER_LOG": str(gh_log),
                    "GH_RECORDER_RESPONSES": json.dumps(self.gh_responses),
                    **env_context,
                    **github_env,
                    **step_env,
                }
                process_env["PATH"] = os.pathsep.join(
                    [*path_prefix, str(tools / "bin"), process_env.get("PATH", "")]
                )
                started = time.monotonic()
                if "run" in step:
                    result = self._run(step, name, context, process_env, workspace, defaults, job)
                elif "uses" in step:
                    result = self._uses(
                        step, name, context, workspace, tools, path_prefix, artifacts, event
                    )
                else:
                    raise WorkflowError(f"step {name!r} has neither run: nor uses:")
                result.seconds = time.monotonic() - started
                result.summary = files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")
                result.outputs = _parse_key_values(
                    files["GITHUB_OUTPUT"].read_text(encoding="utf-8")
                )
                github_env.update(
                    _parse_key_values(files["GITHUB_ENV"].read_text(encoding="utf-8"))
                )
                added = files["GITHUB_PATH"].read_text(encoding="utf-8").splitlines()
                path_prefix[:0] = [line for line in reversed(added) if line.strip()]
                annotations += _annotations(result.stdout + "\n" + result.stderr, name)
                if result.outcome == "failure":
                    if step.get("continue-on-error") is True or truthy_string(
                        substitute(step.get("continue-on-error", False), context)
                    ):
                        result.conclusion = "success"
                    else:
                        status = "failure"
            results.append(result)
            if result.id:
                steps_context[result.id] = {
                    "outputs": result.outputs,
                    "outcome": result.outcome,
                    "conclusion": result.conclusion,
                }

        final = Context(
            {**base_values, "env": {**env_context, **github_env}, "steps": steps_context},
            status,
            {"steps": step_ids},
        )
        outputs = {
            key: to_string(substitute(value, final))
            for key, value in (job.get("outputs") or {}).items()
        }
        gh_calls = [json.loads(line) for line in gh_log.read_text(encoding="utf-8").splitlines()]
        return JobResult(
            job_id,
            status,
            results,
            outputs,
            annotations,
            artifacts,
            gh_calls,
            workspace,
            github_env,
        )

    @staticmethod
    def _step_name(step: Mapping[str, Any], number: int) -> str:
        if "name" in step:
            return str(step["name"])
        if "uses" in step:
            return f"Run {step['uses']}"
        first = str(step.get("run", "")).strip().splitlines()
        return f"Run {first[0]}" if first else f"Step {number}"

    def _machine(self) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith(_DROPPED) and k != "CI"}
        return {**base, **self.machine_env}

    @staticmethod
    def _defaults(
        github: Mapping[str, Any], temp: Path, tools: Path, step: Mapping[str, Any], number: int
    ) -> dict[str, str]:
        return {
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": github["workspace"],
            "GITHUB_REPOSITORY": github["repository"],
            "GITHUB_REPOSITORY_OWNER": github["repository_owner"],
            "GITHUB_SHA": github["sha"],
            "GITHUB_REF": github["ref"],
            "GITHUB_REF_NAME": github["ref_name"],
            "GITHUB_BASE_REF": github["base_ref"],
            "GITHUB_HEAD_REF": github["head_ref"],
            "GITHUB_EVENT_NAME": github["event_name"],
            "GITHUB_EVENT_PATH": github["event_path"],
            "GITHUB_JOB": github["job"],
            "GITHUB_WORKFLOW": github["workflow"],
            "GITHUB_RUN_ID": github["run_id"],
            "GITHUB_RUN_NUMBER": github["run_number"],
            "GITHUB_RUN_ATTEMPT": github["run_attempt"],
            "GITHUB_ACTOR": github["actor"],
            "GITHUB_SERVER_URL": github["server_url"],
            "GITHUB_API_URL": github["api_url"],
            "GITHUB_ACTION": str(step.get("id", f"__run_{number}")),
            "RUNNER_OS": "Linux",
            "RUNNER_ARCH": "X64",
            "RUNNER_TEMP": str(temp),
            "RUNNER_TOOL_CACHE": str(tools),
        }

    def _install_gh(self, tools: Path) -> None:
        binary = tools / "bin"
        binary.mkdir(parents=True, exist_ok=True)
        gh = binary / "gh"
        gh.write_text(_GH_RECORDER.format(python=sys.executable), encoding="utf-8")
        gh.chmod(0o755)

    def _run(
        self,
        step: Mapping[str, Any],
        name: str,
        context: Context,
        env: dict[str, str],
        workspace: Path,
        defaults: Mapping[str, Any],
        job: Mapping[str, Any],
    ) -> StepResult:
        script = to_string(substitute(step["run"], context))
        shell = step.get("shell", defaults.get("shell"))
        if shell in (None, ""):
            command = ["bash", "-e"]
        elif shell == "bash":
            command = ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
        elif shell == "sh":
            command = ["sh", "-e"]
        else:
            raise WorkflowError(f"step {name!r}: shell {shell!r} is not simulated")
        folder = step.get("working-directory", defaults.get("working-directory"))
        cwd = workspace / to_string(substitute(folder, context)) if folder else workspace
        path = Path(env["RUNNER_TEMP"]) / f"{uuid.uuid4()}.sh"
        path.write_text(script, encoding="utf-8")
        minutes = step.get("timeout-minutes", job.get("timeout-minutes", 360))
        try:
            done = subprocess.run(
                [*command, str(path)],
                cwd=cwd,
                env=env,
                capture_output=True,
                text=True,
                timeout=float(minutes) * 60,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            return StepResult(
                name,
                step.get("id"),
                "failure",
                "failure",
                stdout=_text(exc.stdout),
                stderr=_text(exc.stderr) + f"\n(timed out after {minutes} minutes)",
                command=script,
            )
        outcome = "success" if done.returncode == 0 else "failure"
        return StepResult(
            name,
            step.get("id"),
            outcome,
            outcome,
            stdout=done.stdout,
            stderr=done.stderr,
            command=script,
        )

    # --- actions ------------------------------------------------------------------

    def _uses(
        self,
        step: Mapping[str, Any],
        name: str,
        context: Context,
        workspace: Path,
        tools: Path,
        path_prefix: list[str],
        artifacts: dict[str, Path],
        event: Event,
    ) -> StepResult:
        action = str(step["uses"]).split("@", 1)[0]
        given = {key: substitute(value, context) for key, value in (step.get("with") or {}).items()}
        simulated = {
            # token: the clone needs none; what a workflow does with it shows in its env.
            "actions/checkout": (
                self._checkout,
                {"fetch-depth", "ref", "persist-credentials", "token"},
            ),
            "actions/setup-python": (
                self._setup_python,
                {"python-version", "cache", "cache-dependency-path"},
            ),
            "actions/setup-node": (
                self._setup_node,
                {"node-version", "cache", "cache-dependency-path"},
            ),
            "actions/cache": (lambda *_: "", {"path", "key", "restore-keys"}),
            "actions/upload-artifact": (
                self._upload,
                {"name", "path", "retention-days", "if-no-files-found"},
            ),
        }
        if action not in simulated:
            raise WorkflowError(f"step {name!r}: the runner does not simulate {step['uses']}")
        simulate, known = simulated[action]
        unknown = set(given) - known
        if unknown:
            raise WorkflowError(f"step {name!r}: {action} with {sorted(unknown)} is not simulated")
        try:
            note = simulate(given, workspace, tools, path_prefix, artifacts, event)
        except subprocess.CalledProcessError as exc:
            return StepResult(
                name,
                step.get("id"),
                "failure",
                "failure",
                stdout=exc.stdout or "",
                stderr=exc.stderr or "",
                command=action,
            )
        return StepResult(name, step.get("id"), "success", "success", stdout=note, command=action)

    def _checkout(
        self,
        given: Mapping[str, Any],
        workspace: Path,
        _tools: Path,
        _path: list[str],
        _artifacts: dict[str, Path],
        event: Event,
    ) -> str:
        for child in workspace.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        depth = int(_number_or(given.get("fetch-depth"), 1))
        ref = to_string(given.get("ref")) or None

        def git(*args: str) -> None:
            subprocess.run(
                ["git", *args], cwd=workspace, check=True, capture_output=True, text=True
            )

        git("init", "--quiet", "--initial-branch=checkout-placeholder")
        git("remote", "add", "origin", self.origin)
        deepen = [] if depth == 0 else [f"--depth={depth}"]
        if depth == 0:
            git(
                "fetch",
                "--quiet",
                "--no-tags",
                "origin",
                "+refs/heads/*:refs/remotes/origin/*",
                "+refs/tags/*:refs/tags/*",
            )
        if ref is not None:
            branch = ref.removeprefix("refs/heads/")
            git(
                "fetch",
                "--quiet",
                *deepen,
                "origin",
                f"+refs/heads/{branch}:refs/remotes/origin/{branch}",
            )
            git("checkout", "--quiet", "-B", branch, f"refs/remotes/origin/{branch}")
        elif event.ref.startswith("refs/heads/"):
            branch = event.ref.removeprefix("refs/heads/")
            git("fetch", "--quiet", *deepen, "origin", f"+{event.sha}:refs/remotes/origin/{branch}")
            git("checkout", "--quiet", "-B", branch, f"refs/remotes/origin/{branch}")
        else:
            git("fetch", "--quiet", *deepen, "origin", event.sha)
            git("checkout", "--quiet", "--detach", event.sha)
        subprocess.run(
            ["git", "branch", "--quiet", "-D", "checkout-placeholder"],
            cwd=workspace,
            capture_output=True,
        )
        if self.prepare is not None:
            self.prepare(workspace)
        return f"checked out {event.sha if ref is None else ref} (fetch-depth {depth})\n"

    @staticmethod
    def _setup_python(
        given: Mapping[str, Any], _w: Path, tools: Path, path: list[str], *_: Any
    ) -> str:
        wanted = to_string(given.get("python-version"))
        have = f"{sys.version_info.major}.{sys.version_info.minor}"
        if wanted and not (
            have == wanted or have.startswith(wanted + ".") or wanted.startswith(have + ".")
        ):
            raise WorkflowError(f"setup-python wants {wanted}; the tests run on {have}")
        base = Path(getattr(sys, "_base_executable", sys.executable)).resolve()
        folder = tools / "python" / "bin"
        folder.mkdir(parents=True, exist_ok=True)
        for alias in ("python", "python3", f"python{have}"):
            link = folder / alias
            if not link.exists():
                link.symlink_to(base)
        path.insert(0, str(folder))
        return f"Python {have} from {base}\n"

    @staticmethod
    def _setup_node(*_: Any) -> str:
        node = shutil.which("node")
        if node is None:
            raise WorkflowError("setup-node: this machine has no node")
        return f"node from {node}\n"

    @staticmethod
    def _upload(
        given: Mapping[str, Any],
        workspace: Path,
        _t: Path,
        _p: list[str],
        artifacts: dict[str, Path],
        *_: Any,
    ) -> str:
        name = to_string(given.get("name")) or "artifact"
        target = workspace / to_string(given["path"])
        if not target.exists():
            raise WorkflowError(f"upload-artifact: {given['path']} does not exist")
        artifacts[name] = target
        return f"artifact {name}: {target}\n"


class _FakeSecrets(dict[str, str]):
    """Every secret has a value: the given one, or a recognisable fake."""

    def __missing__(self, key: str) -> str:
        return f"fake-secret-{key}"


def truthy_string(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _number_or(value: Any, default: int) -> float:
    if value is None or value == "":
        return default
    return float(value)


def _text(value: bytes | str | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else value.decode("utf-8", "replace")
