#!/usr/bin/env python3
"""Runs a composite action's steps here, as a GitHub runner would, for the packaging tests.

    run_action.py ACTION_YML RECORD_DIR [INPUT=VALUE ...]

`run:` steps run with bash (`bash --noprofile --norc -eo pipefail`, the runner's default), in the
step's working directory, with the step's `env:`, GITHUB_ACTION_PATH (the folder of ACTION_YML)
and a fresh GITHUB_OUTPUT whose values become `steps.<id>.outputs`. `uses:` steps are not run:
their evaluated `with:` is recorded, and for actions/upload-artifact the files it would upload
are listed by its rules (hidden files only with `include-hidden-files: true`). `if:` conditions
and `${{ }}` expressions are evaluated for the subset GitHub defines that actions use: contexts
inputs, github, env, steps, runner; literals; == != && || ! and parentheses; success(),
failure(), always(), cancelled().

The github context comes from the GITHUB_* environment (as the runner sets both), with `token`
from GITHUB_TOKEN. RECORD_DIR receives steps.json (each step: name, if, ran, outcome, outputs),
uses.json (each uses step: action and with), artifact-files.json (per upload-artifact step),
outputs.json (the action's outputs). Exit 0 when every step that ran succeeded, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml


class Context:
    def __init__(self, inputs: dict, github: dict, steps: dict, runner: dict):
        self.values = {"inputs": inputs, "github": github, "steps": steps, "env": dict(os.environ),
                       "runner": runner}
        self.failed = False

    def lookup(self, path: str):
        node: object = self.values
        for part in path.split("."):
            if isinstance(node, dict):
                node = node.get(part)
            else:
                return ""
            if node is None:
                return ""
        return node

    TOKEN = re.compile(r"\s*('(?:[^']|'')*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][\w.-]*\(\)|[A-Za-z_][\w.-]*|\d+(?:\.\d+)?)")

    def evaluate(self, expression: str):
        python = []
        position = 0
        text = expression.strip()
        while position < len(text):
            match = self.TOKEN.match(text, position)
            if not match:
                raise ValueError(f"cannot read expression {expression!r} at {text[position:]!r}")
            token = match.group(1)
            position = match.end()
            if token.startswith("'"):
                python.append(repr(token[1:-1].replace("''", "'")))
            elif token in ("&&", "||", "!"):
                python.append({"&&": " and ", "||": " or ", "!": " not "}[token])
            elif token in ("==", "!=", "(", ")"):
                python.append(f" {token} ")
            elif token.endswith("()"):
                python.append(repr({"always()": True, "success()": not self.failed, "failure()": self.failed,
                                    "cancelled()": False}[token]))
            elif token in ("true", "false"):
                python.append(repr(token == "true"))
            elif token == "null":
                python.append("''")
            elif re.fullmatch(r"\d+(?:\.\d+)?", token):
                python.append(token)
            else:
                python.append(repr(self.lookup(token)))
        return eval("".join(python), {"__builtins__": {}}, {})  # noqa: S307 (tokens checked above)

    def substitute(self, value):
        if not isinstance(value, str):
            return value
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: self.text(self.evaluate(m.group(1))), value)

    @staticmethod
    def text(value) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else str(value)

    def condition(self, expression) -> bool:
        if expression is None:
            return not self.failed
        expression = str(expression).strip()
        if expression.startswith("${{") and expression.endswith("}}"):
            expression = expression[3:-2]
        uses_status = re.search(r"\b(always|success|failure|cancelled)\(\)", expression)
        result = bool(self.evaluate(expression))
        return result if uses_status else (result and not self.failed)


def read_outputs(path: Path) -> dict:
    outputs = {}
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    index = 0
    while index < len(lines):
        line = lines[index]
        heredoc = re.match(r"^([\w-]+)<<(.+)$", line)
        if heredoc:
            end = lines.index(heredoc.group(2), index + 1)
            outputs[heredoc.group(1)] = "\n".join(lines[index + 1:end])
            index = end + 1
            continue
        if "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
        index += 1
    return outputs


def artifact_files(path: str, include_hidden: bool) -> list[str]:
    root = Path(path)
    if not root.exists():
        return []
    if root.is_file():
        return [root.name]
    files = []
    for file in sorted(root.rglob("*")):
        relative = file.relative_to(root)
        if not file.is_file():
            continue
        if not include_hidden and any(part.startswith(".") for part in relative.parts):
            continue
        files.append(str(relative))
    return files


def main() -> int:
    action_path = Path(sys.argv[1]).resolve()
    record = Path(sys.argv[2])
    record.mkdir(parents=True, exist_ok=True)
    given = dict(argument.split("=", 1) for argument in sys.argv[3:])
    action = yaml.safe_load(action_path.read_text(encoding="utf-8"))
    github = {
        "token": os.environ.get("GITHUB_TOKEN", ""),
        "event_name": os.environ.get("GITHUB_EVENT_NAME", ""),
        "repository": os.environ.get("GITHUB_REPOSITORY", ""),
        "sha": os.environ.get("GITHUB_SHA", ""),
        "ref": os.environ.get("GITHUB_REF", ""),
        "base_ref": os.environ.get("GITHUB_BASE_REF", ""),
        "head_ref": os.environ.get("GITHUB_HEAD_REF", ""),
        "server_url": os.environ.get("GITHUB_SERVER_URL", ""),
        "api_url": os.environ.get("GITHUB_API_URL", ""),
        "run_id": os.environ.get("GITHUB_RUN_ID", ""),
        "workspace": os.environ.get("GITHUB_WORKSPACE", os.getcwd()),
        "action_path": str(action_path.parent),
    }
    if os.environ.get("GITHUB_EVENT_PATH"):
        github["event"] = json.loads(Path(os.environ["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    runner = {"temp": os.environ.get("RUNNER_TEMP", tempfile.gettempdir()), "os": "Linux"}
    steps: dict = {}
    context = Context({}, github, steps, runner)
    inputs = {}
    for name, spec in (action.get("inputs") or {}).items():
        default = context.substitute(str(spec.get("default", ""))) if spec.get("default") is not None else ""
        inputs[name] = given.pop(name, default)
    if given:
        print(f"run_action: unknown inputs: {', '.join(given)}", file=sys.stderr)
        return 2
    context.values["inputs"] = inputs
    assert action["runs"]["using"] == "composite", "only composite actions"
    ran, uses, artifacts = [], [], []
    workspace = Path(github["workspace"])
    for number, step in enumerate(action["runs"]["steps"]):
        name = step.get("name") or step.get("id") or f"step {number}"
        entry = {"name": name, "id": step.get("id"), "if": step.get("if"), "ran": False}
        ran.append(entry)
        if not context.condition(step.get("if")):
            print(f"run_action: skipped: {name}", file=sys.stderr)
            continue
        entry["ran"] = True
        if "uses" in step:
            with_values = {k: context.substitute(v if isinstance(v, str) else Context.text(v))
                           for k, v in (step.get("with") or {}).items()}
            uses.append({"name": name, "uses": step["uses"], "with": with_values})
            if step["uses"].startswith("actions/upload-artifact@"):
                hidden = with_values.get("include-hidden-files", "false") == "true"
                artifacts.append({"name": with_values.get("name"), "path": with_values.get("path"),
                                  "include-hidden-files": hidden,
                                  "files": artifact_files(with_values.get("path", ""), hidden)})
            entry["outcome"] = "success"
            print(f"run_action: recorded: {name} ({step['uses']})", file=sys.stderr)
            continue
        step_env = dict(os.environ)
        step_env.update({k: context.substitute(v if isinstance(v, str) else Context.text(v))
                         for k, v in (step.get("env") or {}).items()})
        step_env["GITHUB_ACTION_PATH"] = str(action_path.parent)
        output_file = Path(tempfile.mkstemp(prefix="github-output.", dir=runner["temp"])[1])
        step_env["GITHUB_OUTPUT"] = str(output_file)
        script = Path(tempfile.mkstemp(prefix="step.", suffix=".sh", dir=runner["temp"])[1])
        script.write_text(context.substitute(step["run"]), encoding="utf-8")
        cwd = workspace / context.substitute(step.get("working-directory", "."))
        assert step.get("shell") == "bash", f"{name}: shell must be bash"
        print(f"run_action: running: {name}", file=sys.stderr)
        code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=cwd, env=step_env).returncode
        outputs = read_outputs(output_file)
        output_file.unlink()
        script.unlink()
        entry.update({"outcome": "success" if code == 0 else "failure", "exit-code": code, "outputs": outputs})
        if step.get("id"):
            steps[step["id"]] = {"outputs": outputs, "outcome": entry["outcome"]}
        if code != 0:
            context.failed = True
            print(f"run_action: failed ({code}): {name}", file=sys.stderr)
    action_outputs = {k: context.substitute(str(v.get("value", ""))) for k, v in (action.get("outputs") or {}).items()}
    (record / "steps.json").write_text(json.dumps(ran, indent=2))
    (record / "uses.json").write_text(json.dumps(uses, indent=2))
    (record / "artifact-files.json").write_text(json.dumps(artifacts, indent=2))
    (record / "outputs.json").write_text(json.dumps(action_outputs, indent=2))
    return 1 if context.failed else 0


if __name__ == "__main__":
    sys.exit(main())
