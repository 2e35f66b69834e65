#!/usr/bin/env python3
"""The steps of phasecert's GitHub Action (action.yml at the repository root), one subcommand each.

    python3 action.py install | restore-history | merge-sarif | upload-sarif | collect | comment

Only Python's standard library is used, so the steps run on any runner with python3. Each reads
its inputs from the environment (INPUT_* set by action.yml, GITHUB_* set by the runner) and
writes its outputs to $GITHUB_OUTPUT. REST calls go to $GITHUB_API_URL with $GITHUB_TOKEN;
downloads of release assets to $GITHUB_SERVER_URL. tests-packaging/action-test runs these steps
against a local stand-in for both.
"""

from __future__ import annotations

import gzip
import base64
import hashlib
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

MARKER = "<!-- phasecert-gate-comment -->"
TRIPLES = {"x86_64": "x86_64-unknown-linux-gnu", "amd64": "x86_64-unknown-linux-gnu",
           "aarch64": "aarch64-unknown-linux-gnu", "arm64": "aarch64-unknown-linux-gnu"}
# Debian/Ubuntu packages for the shared libraries the release binary needs (RUNTIME-LIBRARIES.txt).
PACKAGES = {"libgssapi_krb5.so.2": "libgssapi-krb5-2",
            "libcrypto.so.3": "libssl3", "libpcre2-8.so.0": "libpcre2-8-0", "libz.so.1": "zlib1g",
            "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1"}


# --- the runner's files --------------------------------------------------------------------

def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default) or default


def set_output(name: str, value: str) -> None:
    path = env("GITHUB_OUTPUT")
    line = f"{name}={value}\n"
    if "\n" in value:
        delimiter = f"phasecert_{hashlib.sha256(value.encode()).hexdigest()[:16]}"
        line = f"{name}<<{delimiter}\n{value}\n{delimiter}\n"
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(line)
    else:
        sys.stdout.write(line)


def add_path(folder: Path) -> None:
    path = env("GITHUB_PATH")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"{folder}\n")


def note(message: str) -> None:
    print(f"phasecert-action: {message}", file=sys.stderr)


def warning(message: str) -> None:
    # One annotation; the message is escaped as the workflow command syntax requires.
    escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    print(f"::warning title=phasecert action::{escaped}")


def runner_temp() -> Path:
    folder = Path(env("RUNNER_TEMP", "/tmp")) / "phasecert"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- HTTP ------------------------------------------------------------------------------------

class HTTPError(Exception):
    def __init__(self, status: int, url: str, body: str):
        super().__init__(f"HTTP {status} from {url}: {body[:300]}")
        self.status = status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


def request(method: str, url: str, body: object | None = None, *, token: bool = True,
            accept: str = "application/vnd.github+json", follow: bool = True) -> tuple[int, bytes, dict]:
    """One HTTP request; redirects are followed by hand, without the Authorization header (an
    artifact or asset redirect goes to storage that refuses a foreign token)."""
    data = None
    headers = {"Accept": accept, "User-Agent": "phasecert-action", "X-GitHub-Api-Version": "2022-11-28"}
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token and env("GITHUB_TOKEN"):
        headers["Authorization"] = f"Bearer {env('GITHUB_TOKEN')}"
    opener = urllib.request.build_opener(NoRedirect)
    for _ in range(5):
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with opener.open(req, timeout=60) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            if follow and error.code in (301, 302, 303, 307, 308) and error.headers.get("Location"):
                url = urllib.parse.urljoin(url, error.headers["Location"])
                headers.pop("Authorization", None)
                if error.code == 303:
                    method, data = "GET", None
                continue
            raise HTTPError(error.code, url, error.read().decode("utf-8", "replace")) from None
    raise HTTPError(310, url, "too many redirects")


def api(method: str, path: str, body: object | None = None) -> object:
    base = env("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    _, payload, _ = request(method, f"{base}{path}", body)
    return json.loads(payload) if payload else None


def repository() -> str:
    repo = env("GITHUB_REPOSITORY")
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        raise SystemExit(f"phasecert-action: GITHUB_REPOSITORY is not owner/name: {repo!r}")
    return repo


# --- install -------------------------------------------------------------------------------

def action_origin() -> tuple[str, str]:
    """The action's own owner/repo and ref, read from its path (…/_actions/OWNER/REPO/REF), as
    github.action_repository and action_ref are empty inside a composite action's steps."""
    parts = Path(env("GITHUB_ACTION_PATH", ".")).resolve().parts
    if "_actions" in parts:
        index = parts.index("_actions")
        if len(parts) >= index + 4:
            return f"{parts[index + 1]}/{parts[index + 2]}", parts[index + 3]
    return "", ""


def binary_version(binary: Path) -> str:
    try:
        result = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60)
    except OSError as error:
        return f"unknown ({error})"
    if result.returncode != 0:
        return "unknown (this phasecert has no --version)"
    return result.stdout.strip().splitlines()[0] if result.stdout.strip() else "unknown"


def missing_libraries(binary: Path) -> list[str]:
    try:
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, timeout=60)
    except OSError:
        return []
    return [line.split()[0] for line in result.stdout.splitlines() if "not found" in line]


def install_runtime(missing: list[str]) -> None:
    packages = sorted({PACKAGES.get(lib, "") for lib in missing} - {""})
    if not packages or not shutil.which("apt-get"):
        return
    note(f"installing {' '.join(packages)} for {' '.join(missing)}")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=False)
    for package in packages:
        # Ubuntu 24.04 renamed libssl3 to libssl3t64; try both spellings.
        names = [package, f"{package}t64"] if package == "libssl3" else [package]
        for name in names:
            if subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", name],
                              check=False).returncode == 0:
                break


def build_from_source() -> Path:
    source = Path(env("GITHUB_ACTION_PATH", ".")).resolve()
    if not shutil.which("swift"):
        raise SystemExit("phasecert-action: version: source builds phasecert with Swift, and no swift is on "
                         "PATH; install it first (e.g. swift-actions/setup-swift) or use a release version")
    subprocess.run([str(source / "scripts" / "bootstrap")], check=True)
    subprocess.run(["swift", "build", "--package-path", str(source), "-c", "release", "--product", "phasecert"],
                   check=True)
    return source / ".build" / "release" / "phasecert"


def install() -> None:
    version = env("INPUT_VERSION").strip()
    origin, ref = action_origin()
    if not version:
        version = ref[1:] if re.fullmatch(r"v\d+\.\d+\.\d+", ref) else "latest"
    if version == "source":
        binary = build_from_source()
    else:
        machine = platform.machine().lower()
        if platform.system() != "Linux" or machine not in TRIPLES:
            raise SystemExit(f"phasecert-action: no release for {platform.system()} {machine}; "
                             "use version: source on this runner")
        triple = TRIPLES[machine]
        repo = env("INPUT_RELEASE_REPOSITORY") or origin or repository()
        if version == "latest":
            tag = str(api("GET", f"/repos/{repo}/releases/latest")["tag_name"])  # type: ignore[index]
        else:
            tag = version if version.startswith("v") else f"v{version}"
        plain = tag[1:]
        name = f"phasecert-{plain}-{triple}"
        server = env("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        url = f"{server}/{repo}/releases/download/{tag}/{name}.tar.gz"
        note(f"downloading {url}")
        try:
            # Public release assets: no token (it would be refused by the storage redirected to).
            _, tarball, _ = request("GET", url, token=False, accept="application/octet-stream")
            _, checksum, _ = request("GET", f"{url}.sha256", token=False, accept="application/octet-stream")
        except HTTPError as error:
            hint = " (arm64 runners: releases are built for x86_64 only; use version: source)" \
                if triple.startswith("aarch64") else ""
            raise SystemExit(f"phasecert-action: {error}{hint}") from None
        expected = checksum.decode().split()[0].lower()
        actual = hashlib.sha256(tarball).hexdigest()
        if expected != actual:
            raise SystemExit(f"phasecert-action: {name}.tar.gz has SHA-256 {actual}, its checksum file says {expected}")
        target = runner_temp() / "bin"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        archive = target / f"{name}.tar.gz"
        archive.write_bytes(tarball)
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.isfile() and m.name.startswith(f"{name}/")
                       and ".." not in Path(m.name).parts]
            tar.extractall(target, members=members)  # noqa: S202 (paths checked above)
        archive.unlink()
        binary = target / name / "phasecert"
    missing = missing_libraries(binary)
    if missing:
        install_runtime(missing)
        still = missing_libraries(binary)
        if still:
            raise SystemExit(f"phasecert-action: {binary} needs {' '.join(still)}, not installed")
    add_path(binary.parent)
    reported = binary_version(binary)
    note(f"phasecert at {binary}: {reported}")
    set_output("binary", str(binary))
    set_output("version", reported)


# --- history -------------------------------------------------------------------------------

def event() -> dict:
    path = env("GITHUB_EVENT_PATH")
    if path and Path(path).is_file():
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    return {}


def restore_history() -> None:
    """Unpacks reports/.history from the newest earlier artifact of the base branch (pull
    requests) or of this branch (else the default branch). Files already there are kept."""
    name = env("INPUT_ARTIFACT_NAME", "phasecert-reports")
    reports = Path(env("INPUT_REPORTS", "reports"))
    repo = repository()
    payload = event()
    default_branch = str(payload.get("repository", {}).get("default_branch", ""))
    branches = [env("GITHUB_BASE_REF")] if env("GITHUB_BASE_REF") else [env("GITHUB_REF_NAME")]
    branches += [default_branch] if default_branch else []
    branches = [b for i, b in enumerate(branches) if b and b not in branches[:i]]
    query = urllib.parse.urlencode({"name": name, "per_page": 100})
    try:
        listing = api("GET", f"/repos/{repo}/actions/artifacts?{query}")
    except (HTTPError, urllib.error.URLError, OSError) as error:
        warning(f"the reports history could not be listed, so this run starts without it: {error}")
        set_output("source", "")
        return
    candidates = [a for a in listing.get("artifacts", [])  # type: ignore[union-attr]
                  if a.get("name") == name and not a.get("expired")
                  and str(a.get("workflow_run", {}).get("id", "")) != env("GITHUB_RUN_ID")]
    chosen = None
    for branch in branches:
        on_branch = [a for a in candidates if a.get("workflow_run", {}).get("head_branch") == branch]
        if on_branch:
            chosen = max(on_branch, key=lambda a: a.get("created_at", ""))
            break
    if chosen is None:
        note(f"no earlier artifact {name} on {', '.join(branches) or 'any branch'}: starting without history")
        set_output("source", "")
        return
    try:
        _, data, _ = request("GET", chosen["archive_download_url"], accept="application/octet-stream")
    except (HTTPError, urllib.error.URLError, OSError) as error:
        warning(f"artifact {chosen.get('id')} could not be downloaded, so this run starts without history: {error}")
        set_output("source", "")
        return
    archive = runner_temp() / "previous-artifact.zip"
    archive.write_bytes(data)
    restored = kept = 0
    history = reports / ".history"
    with zipfile.ZipFile(archive) as zipped:
        for info in zipped.infolist():
            parts = Path(info.filename).parts
            if info.is_dir() or ".history" not in parts or ".." in parts or Path(info.filename).is_absolute():
                continue
            relative = Path(*parts[parts.index(".history") + 1:])
            destination = history / relative
            if destination.exists():
                kept += 1
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            with zipped.open(info) as source, open(destination, "wb") as target:
                shutil.copyfileobj(source, target)
            restored += 1
    archive.unlink()
    branch = chosen.get("workflow_run", {}).get("head_branch", "")
    note(f"restored {restored} history files from artifact {chosen.get('id')} ({branch}); {kept} already there")
    set_output("source", f"{branch}@{chosen.get('workflow_run', {}).get('head_sha', '')[:12]}")
    set_output("restored", str(restored))


# --- SARIF ---------------------------------------------------------------------------------

def merge_sarif(files: list[Path], target: Path) -> dict:
    """One run out of the runs of every file: rules joined by id, results re-indexed. GitHub
    rejects an upload holding several runs of one tool and category."""
    merged: dict | None = None
    rules: list[dict] = []
    index: dict[str, int] = {}
    results: list[dict] = []
    for file in files:
        with open(file, encoding="utf-8") as handle:
            document = json.load(handle)
        for run in document.get("runs", []):
            if merged is None:
                merged = {"$schema": document.get("$schema"), "version": document.get("version", "2.1.0"),
                          "runs": [{k: v for k, v in run.items() if k != "results"}]}
            for rule in run.get("tool", {}).get("driver", {}).get("rules", []):
                if rule.get("id") not in index:
                    index[rule["id"]] = len(rules)
                    rules.append(rule)
            for result in run.get("results", []):
                result = dict(result)
                if result.get("ruleId") in index:
                    result["ruleIndex"] = index[result["ruleId"]]
                results.append(result)
    if merged is None:
        merged = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
                  "runs": [{"tool": {"driver": {"name": "phasecert"}}}]}
    if merged.get("$schema") is None:
        merged.pop("$schema")
    run = merged["runs"][0]
    run.setdefault("tool", {}).setdefault("driver", {})["rules"] = rules
    run["results"] = results
    run["automationDetails"] = {"id": "phasecert/"}
    target.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return merged


def written_since(folder: Path, pattern: str, started: float) -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file() and p.stat().st_mtime >= started)


def merge_sarif_command() -> None:
    reports = Path(env("INPUT_REPORTS", "reports"))
    started = float(env("PHASECERT_STARTED", "0"))
    files = written_since(reports, "phase-*/findings.sarif", started)
    if not files:
        note("this run wrote no findings.sarif: nothing to upload to code scanning")
        set_output("sarif-file", "")
        return
    target = runner_temp() / "phasecert.sarif"
    merged = merge_sarif(files, target)
    note(f"merged {len(files)} SARIF files into {target}: {len(merged['runs'][0]['results'])} results")
    set_output("sarif-file", str(target))


def upload_sarif() -> None:
    """POST /repos/{repo}/code-scanning/sarifs: the gzip-compressed, base64-encoded SARIF."""
    path = Path(env("SARIF_FILE"))
    # On a pull request GITHUB_REF is refs/pull/N/merge and GITHUB_SHA its merge commit, as
    # code scanning expects.
    ref = env("GITHUB_REF")
    sha = env("GITHUB_SHA")
    body = {"commit_sha": sha, "ref": ref,
            "sarif": base64.b64encode(gzip.compress(path.read_bytes(), mtime=0)).decode(),
            "tool_name": "phasecert"}
    if env("GITHUB_WORKSPACE"):
        body["checkout_uri"] = Path(env("GITHUB_WORKSPACE")).resolve().as_uri()
    try:
        answer = api("POST", f"/repos/{repository()}/code-scanning/sarifs", body)
    except HTTPError as error:
        raise SystemExit(f"phasecert-action: the SARIF upload was refused: {error}") from None
    note(f"SARIF uploaded: {answer}")
    set_output("sarif-id", str((answer or {}).get("id", "")))


# --- artifact ------------------------------------------------------------------------------

def collect() -> None:
    """Copies the reports folder (its .history included) and phasecert's output into one folder,
    the artifact's root, and lists every file it holds."""
    reports = Path(env("INPUT_REPORTS", "reports"))
    stage = runner_temp() / "artifact"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    if reports.is_dir():
        shutil.copytree(reports, stage / reports.name, symlinks=False)
    log = env("PHASECERT_LOG")
    if log and Path(log).is_file():
        shutil.copy(log, stage / "phasecert-output.txt")
    files = sorted(str(p.relative_to(stage)) for p in stage.rglob("*") if p.is_file())
    (runner_temp() / "artifact-files.txt").write_text("".join(f"{f}\n" for f in files), encoding="utf-8")
    hidden = sum(1 for f in files if "/." in f"/{f}")
    note(f"artifact: {len(files)} files, {hidden} of them hidden (reports/.history), in {stage}")
    set_output("path", str(stage) if files else "")
    set_output("files", str(len(files)))


# --- pull-request comment ------------------------------------------------------------------

def phases_written(reports: Path, started: float) -> list[dict]:
    phases = []
    for path in written_since(reports, "phase-*/phase.json", started):
        with open(path, encoding="utf-8") as handle:
            model = json.load(handle)
        for phase in model.get("phases", []):
            phase = dict(phase)
            phase["_folder"] = str(path.parent)
            phases.append(phase)
    def order(phase: dict) -> tuple:
        key = str(phase.get("id", ""))
        return (0, int(key), "") if key.isdigit() else (1, 0, key)
    return sorted(phases, key=order)


def changes_from_log(log: str) -> dict[str, str]:
    """phasecert's own line per phase comparing it with its previous snapshot ("since …")."""
    changes: dict[str, str] = {}
    current = None
    for line in log.splitlines():
        header = re.match(r"^Phase (\S+) — .*: gate (passed|failed)", line)
        if header:
            current = header.group(1)
            continue
        since = re.match(r"^\s+since (\S+?): (.+)$", line)
        if since and current is not None:
            changes[current] = f"since `{since.group(1)}`: {since.group(2).strip()}"
    return changes


def cell(value: object) -> str:
    text = "—" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def figure(value: object) -> object:
    """A quality as phasecert prints it: one decimal, rounded down, no trailing .0."""
    if isinstance(value, float):
        text = f"{math.floor(value * 10 + 1e-9) / 10:.1f}"
        return text[:-2] if text.endswith(".0") else text
    return value


def condition_text(condition: dict) -> str:
    actual = condition.get("actual")
    actual_text = "no evidence" if actual is None else actual
    return f"{condition.get('id')}: {actual_text} (needs {condition.get('comparison')} {condition.get('threshold')})"


def comment_body() -> str:
    reports = Path(env("INPUT_REPORTS", "reports"))
    code = int(env("PHASECERT_EXIT_CODE", "3") or 3)
    started = float(env("PHASECERT_STARTED", "0"))
    log_path = env("PHASECERT_LOG")
    log = Path(log_path).read_text(encoding="utf-8", errors="replace") if log_path and Path(log_path).is_file() else ""
    phases = phases_written(reports, started)
    verdict = {0: "passed", 1: "failed"}.get(code, "error")
    icon = {"passed": "✅", "failed": "❌"}.get(verdict, "⚠️")
    lines = [MARKER, f"## {icon} phasecert: gate {verdict}", ""]
    if verdict == "error":
        lines += [f"phasecert stopped with exit code {code}; its last lines:", "", "```text"]
        lines += [l for l in log.splitlines()[-15:]] + ["```", ""]
    if phases:
        lines += ["| Phase | Gate | Completion | Quality | Grade | Findings (critical/major/minor/info) | Certification |",
                  "|---|---|---|---|---|---|---|"]
        for phase in phases:
            gate = phase.get("gate", {})
            completion = phase.get("completion", {})
            findings = phase.get("findings", {})
            lines.append("| " + " | ".join(cell(v) for v in [
                f"{phase.get('id')} — {phase.get('name', '')}",
                "passed" if gate.get("passed") else "**failed**",
                f"{completion.get('done')}/{completion.get('total')} ({completion.get('percent')}%)",
                figure(phase.get("quality")), phase.get("grade"),
                "/".join(str(findings.get(k, 0)) for k in ("critical", "major", "minor", "info")),
                f"`{phase.get('certification', {}).get('id', '')}`",
            ]) + " |")
        failing = [(p, c) for p in phases for c in p.get("gate", {}).get("conditions", []) if not c.get("passed")]
        if failing:
            lines += ["", "**Failing gate conditions**", ""]
            lines += [f"- Phase {p.get('id')}: {condition_text(c)}" for p, c in failing]
        changes = changes_from_log(log)
        base = env("GITHUB_BASE_REF") or "the base branch"
        lines += ["", f"**Since `{base}`**" if env("HISTORY_SOURCE") else "**Since the last snapshot**", ""]
        if changes:
            lines += [f"- Phase {pid} — {text}" for pid, text in changes.items()]
        elif env("HISTORY_SOURCE"):
            lines.append(f"- No phase had a snapshot in the history restored from `{env('HISTORY_SOURCE')}`.")
        else:
            lines.append(f"- No earlier snapshot: no reports history was found for `{base}`.")
    elif verdict != "error":
        lines.append("This run wrote no phase reports (the command was not phase-close or report).")
    server = env("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    run_url = f"{server}/{env('GITHUB_REPOSITORY')}/actions/runs/{env('GITHUB_RUN_ID')}"
    version = env("PHASECERT_VERSION") or "phasecert"
    lines += ["", f"<sub>{cell(version)} · [workflow run]({run_url}) · reports and history in the "
              f"`{env('INPUT_ARTIFACT_NAME', 'phasecert-reports')}` artifact</sub>", ""]
    body = "\n".join(lines)
    return body if len(body) < 60000 else body[:60000] + "\n\n(cut at 60000 characters)\n"


def comment() -> None:
    payload = event()
    number = payload.get("pull_request", {}).get("number") or payload.get("number")
    if not number:
        note("not a pull request: no comment")
        return
    repo = repository()
    body = comment_body()
    (runner_temp() / "comment.md").write_text(body, encoding="utf-8")
    try:
        existing = None
        page = 1
        while existing is None:
            comments = api("GET", f"/repos/{repo}/issues/{number}/comments?per_page=100&page={page}")
            if not comments:
                break
            existing = next((c for c in comments if MARKER in (c.get("body") or "")), None)  # type: ignore[union-attr]
            page += 1
        if existing:
            api("PATCH", f"/repos/{repo}/issues/comments/{existing['id']}", {"body": body})
            note(f"updated comment {existing['id']} on pull request #{number}")
            set_output("comment-id", str(existing["id"]))
        else:
            created = api("POST", f"/repos/{repo}/issues/{number}/comments", {"body": body})
            note(f"posted comment {created.get('id')} on pull request #{number}")  # type: ignore[union-attr]
            set_output("comment-id", str(created.get("id")))  # type: ignore[union-attr]
    except (HTTPError, urllib.error.URLError, OSError) as error:
        warning(f"the pull-request comment could not be written (the job needs pull-requests: write): {error}")


COMMANDS = {"install": install, "restore-history": restore_history, "merge-sarif": merge_sarif_command,
            "upload-sarif": upload_sarif, "collect": collect, "comment": comment}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        print(f"usage: action.py {'|'.join(COMMANDS)}", file=sys.stderr)
        sys.exit(2)
    COMMANDS[sys.argv[1]]()
