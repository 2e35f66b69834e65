#!/usr/bin/env python3
"""A local stand-in for the parts of GitHub the action talks to, on 127.0.0.1 only.

    fake_github.py STATE_DIR

Listens on a free port of 127.0.0.1, writes it to STATE_DIR/port, and logs every request
(method, path, headers that matter, JSON body) as one JSON line to STATE_DIR/requests.jsonl.
It serves, as GITHUB_API_URL and as GITHUB_SERVER_URL at once:

- GET  /repos/O/R/releases/latest                 {"tag_name": <STATE_DIR/latest-tag>}
- GET  /O/R/releases/download/TAG/FILE            STATE_DIR/releases/FILE
- GET  /repos/O/R/actions/artifacts?name=N        STATE_DIR/artifacts.json
- GET  /repos/O/R/actions/artifacts/ID/zip        302 to /storage/ID.zip, as GitHub redirects to
                                                  blob storage
- GET  /storage/ID.zip                            STATE_DIR/artifact-ID.zip; 403 when the request
                                                  carries an Authorization header (storage refuses
                                                  a foreign token)
- POST /repos/O/R/code-scanning/sarifs            202 {"id": "sarif-1", ...}
- GET  /repos/O/R/issues/N/comments               the comments held, 100 per page
- POST /repos/O/R/issues/N/comments               201, the new comment
- PATCH /repos/O/R/issues/comments/ID             200, the updated comment

Every API route but storage wants `Authorization: Bearer <token>` (401 otherwise). It stops by
itself after 600 seconds, or when STATE_DIR/stop appears.
"""

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

STATE = Path(sys.argv[1])
LOCK = threading.Lock()
COMMENTS: list[dict] = [
    {"id": 900, "body": "Looks good to me.", "user": {"login": "a-reviewer", "type": "User"}},
]
NEXT_ID = [1000]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def record(self, body):
        entry = {
            "method": self.command,
            "path": self.path,
            "authorization": self.headers.get("Authorization"),
            "accept": self.headers.get("Accept"),
            "body": body,
        }
        with LOCK, open(STATE / "requests.jsonl", "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")

    def send(self, status, payload=None, raw=None, headers=None):
        data = raw if raw is not None else (json.dumps(payload).encode() if payload is not None else b"")
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Type", "application/octet-stream" if raw is not None else "application/json")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if not length:
            return None
        text = self.rfile.read(length)
        try:
            return json.loads(text)
        except ValueError:
            return {"unparsed": text.decode("utf-8", "replace")}

    def handle_any(self):
        body = self.body()
        self.record(body)
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        token = (STATE / "token").read_text().strip() if (STATE / "token").exists() else "fake-token"
        if parts[:1] == ["storage"]:
            if self.headers.get("Authorization"):
                return self.send(403, {"message": "storage refuses a foreign Authorization header"})
            archive = STATE / f"artifact-{parts[1].removesuffix('.zip')}.zip"
            return self.send(200, raw=archive.read_bytes()) if archive.exists() else self.send(404, {"message": "no blob"})
        if len(parts) >= 4 and parts[2:4] == ["releases", "download"]:
            asset = STATE / "releases" / parts[-1]
            return self.send(200, raw=asset.read_bytes()) if asset.exists() else self.send(404, {"message": "Not Found"})
        if self.headers.get("Authorization") != f"Bearer {token}":
            return self.send(401, {"message": "Bad credentials"})
        if parts[:1] != ["repos"] or len(parts) < 4:
            return self.send(404, {"message": "Not Found"})
        rest = parts[3:]
        method = self.command
        if method == "GET" and rest == ["releases", "latest"]:
            return self.send(200, {"tag_name": (STATE / "latest-tag").read_text().strip()})
        if method == "GET" and rest == ["actions", "artifacts"]:
            listing = json.loads((STATE / "artifacts.json").read_text())
            name = parse_qs(url.query).get("name", [None])[0]
            artifacts = [a for a in listing if name is None or a["name"] == name]
            return self.send(200, {"total_count": len(artifacts), "artifacts": artifacts})
        if method == "GET" and len(rest) == 4 and rest[:2] == ["actions", "artifacts"] and rest[3] == "zip":
            return self.send(302, headers={"Location": f"/storage/{rest[2]}.zip"})
        if method == "POST" and rest == ["code-scanning", "sarifs"]:
            if not isinstance(body, dict) or not {"commit_sha", "ref", "sarif"} <= body.keys():
                return self.send(422, {"message": "commit_sha, ref and sarif are required"})
            return self.send(202, {"id": "sarif-1", "url": "/repos/x/y/code-scanning/sarifs/sarif-1"})
        if len(rest) == 3 and rest[0] == "issues" and rest[2] == "comments":
            if method == "GET":
                page = int(parse_qs(url.query).get("page", ["1"])[0])
                per = int(parse_qs(url.query).get("per_page", ["30"])[0])
                with LOCK:
                    return self.send(200, COMMENTS[(page - 1) * per: page * per])
            if method == "POST":
                with LOCK:
                    comment = {"id": NEXT_ID[0], "body": body["body"],
                               "user": {"login": "github-actions[bot]", "type": "Bot"}}
                    NEXT_ID[0] += 1
                    COMMENTS.append(comment)
                return self.send(201, comment)
        if method == "PATCH" and len(rest) == 3 and rest[:2] == ["issues", "comments"]:
            with LOCK:
                for comment in COMMENTS:
                    if str(comment["id"]) == rest[2]:
                        comment["body"] = body["body"]
                        return self.send(200, comment)
            return self.send(404, {"message": "Not Found"})
        return self.send(404, {"message": f"not served: {method} {url.path}"})

    do_GET = do_POST = do_PATCH = handle_any


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    (STATE / "port").write_text(str(server.server_address[1]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and not (STATE / "stop").exists():
        time.sleep(0.2)
    server.shutdown()


if __name__ == "__main__":
    main()
