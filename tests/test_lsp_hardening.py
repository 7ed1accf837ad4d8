"""``kanclint lsp`` against broken, hostile and huge input (issue #9).

Every test drives the real server process over stdio with hand-written
``Content-Length`` frames, so that wrong headers can be sent on purpose.  Every
wait has a timeout: a server that hangs or stops answering fails the test
instead of blocking the suite.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pytest

SERVER = [sys.executable, "-m", "kanclint", "lsp"]
ANSWER = 30  # seconds for an answer that needs no lint
LINT = 90  # the first lint loads dictionaries and natasha models
POST = "Ждём всех!!! Следует отметить, что парк открыт.\n"


class Raw:
    """A stdio client that can also send bytes no correct client would."""

    def __init__(self, root: Path) -> None:
        self.stderr_path = root.parent / f"{root.name}-stderr.log"
        self.stderr = self.stderr_path.open("wb")
        self.proc = subprocess.Popen(SERVER, cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr)
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.next_id = 0
        self.exited_at: float | None = None
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while (line := out.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line or length is None:
                self.exited_at = time.monotonic()
                return
            self.inbox.put(json.loads(out.read(length)))

    def raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    @staticmethod
    def frame(message: dict[str, Any], length: int | None = None) -> bytes:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body

    def send(self, message: dict[str, Any]) -> None:
        self.raw(self.frame(message))

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def request(self, method: str, params: Any) -> int:
        msg_id = self.new_id()
        self.send({"id": msg_id, "method": method, "params": params})
        return msg_id

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def until(self, accept: Callable[[dict[str, Any]], bool], timeout: float = ANSWER) -> dict[str, Any]:
        """The first message (seen before or arriving within ``timeout``) that ``accept`` takes."""
        for message in self.seen:
            if accept(message):
                self.seen.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            try:
                message = self.inbox.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                raise AssertionError(f"no such message within {timeout} s; stderr:\n{self.log()[-3000:]}") from None
            if "method" in message and "id" in message:  # a request from the server: answer it
                self.send({"id": message["id"], "result": None})
            if accept(message):
                return message
            self.seen.append(message)

    def response(self, msg_id: int, timeout: float = ANSWER) -> dict[str, Any]:
        return self.until(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def call(self, method: str, params: Any, timeout: float = ANSWER) -> dict[str, Any]:
        return self.response(self.request(method, params), timeout)

    def messages(self, timeout: float = ANSWER) -> str:
        """The next window/showMessage text."""
        return self.until(lambda m: m.get("method") == "window/showMessage", timeout)["params"]["message"]

    def published(self, uri: str, timeout: float = LINT) -> dict[str, Any]:
        return self.until(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri, timeout)["params"]

    def initialize(self, root: Path, capabilities: dict[str, Any] | None = None) -> None:
        answer = self.call("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": capabilities or {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}})
        assert "result" in answer, answer
        self.notify("initialized", {})

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
        return uri

    def wait(self, timeout: float) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the server still runs {timeout} s after exit") from None

    def log(self) -> str:
        self.stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.stderr.close()


@pytest.fixture
def rpc(tmp_path: Path):
    root = tmp_path / "workspace"
    root.mkdir()
    client = Raw(root)
    client.root = root  # type: ignore[attr-defined]
    try:
        yield client
    finally:
        client.close()


def hover(uri: str, line: int, character: int) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}


# -- framing ----------------------------------------------------------------------------------
def test_wrong_content_length_does_not_desynchronise_the_stream(rpc: Raw) -> None:
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    uri = (rpc.root / "post.txt").as_uri()  # type: ignore[attr-defined]

    # Too long: the declared length swallows the head of the next frame.
    first, second = rpc.new_id(), rpc.new_id()
    rpc.raw(rpc.frame({"id": first, "method": "textDocument/hover", "params": hover(uri, 0, 0)}, length=500))
    rpc.raw(rpc.frame({"id": second, "method": "textDocument/hover", "params": hover(uri, 0, 1)}))
    assert rpc.response(second) == {"jsonrpc": "2.0", "id": second, "result": None}

    # Too short: the rest of the body is garbage before the next header.
    third, fourth = rpc.new_id(), rpc.new_id()
    rpc.raw(rpc.frame({"id": third, "method": "textDocument/hover", "params": hover(uri, 0, 0)}, length=20))
    rpc.raw(rpc.frame({"id": fourth, "method": "textDocument/hover", "params": hover(uri, 0, 1)}))
    assert rpc.response(fourth)["result"] is None

    # Garbage between frames, a header in lower case, bare \n line ends.
    fifth = rpc.new_id()
    body = json.dumps({"jsonrpc": "2.0", "id": fifth, "method": "textDocument/hover", "params": hover(uri, 0, 2)})
    rpc.raw(b"\x00 not a header\r\n\r\ncontent-length:%d\n\n%s" % (len(body), body.encode()))
    assert rpc.response(fifth)["result"] is None
    assert rpc.call("shutdown", None)["result"] is None
    rpc.notify("exit", None)
    assert rpc.wait(ANSWER) == 0


def test_huge_content_length_is_skipped_and_the_server_keeps_running(rpc: Raw) -> None:
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    uri = (rpc.root / "post.txt").as_uri()  # type: ignore[attr-defined]
    huge = rpc.new_id()
    rpc.raw(b"Content-Length: 99999999999999\r\n\r\n")
    rpc.raw(json.dumps({"jsonrpc": "2.0", "id": huge, "method": "textDocument/hover",
                        "params": hover(uri, 0, 0)}).encode())
    after = rpc.request("textDocument/hover", hover(uri, 0, 1))
    assert rpc.response(after)["result"] is None
    # The skipped request still gets an answer (its id comes before its params), and the user a message.
    refused = rpc.response(huge)
    assert refused["error"]["code"] == -32600 and "8 МБ" in refused["error"]["message"]
    assert "больше 8 МБ" in rpc.messages()
    assert rpc.proc.poll() is None
    assert "skipped a message of 99999999999999 bytes" in rpc.log()

    # A frame a little over the cap with an honest length is read past, and the stream goes on.
    big = rpc.new_id()
    rpc.send({"id": big, "method": "kanclint/unknown", "params": {"pad": "ж" * (4 * 1024 * 1024 + 10)}})
    assert rpc.response(big)["error"]["code"] == -32600
    assert rpc.call("textDocument/hover", hover(uri, 0, 0))["result"] is None
    assert rpc.proc.poll() is None


# -- every request gets an answer ------------------------------------------------------------------
INVALID_HOVER_PARAMS = [
    None,
    {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": -1, "character": 0}},
    {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 2 ** 40}},
    {"textDocument": {"uri": "file:///x.txt"}},
    {"textDocument": "x", "position": []},
]


def test_invalid_params_get_an_invalid_params_error(rpc: Raw) -> None:
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    for params in INVALID_HOVER_PARAMS:
        answer = rpc.call("textDocument/hover", params)
        assert answer["error"]["code"] == -32602, (params, answer)
        assert "textDocument/hover" in answer["error"]["message"]
    assert rpc.call("textDocument/hover", hover("file:///x.txt", 0, 0))["result"] is None


def test_positions_past_the_text_get_a_sane_empty_answer(rpc: Raw) -> None:
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    uri = rpc.open(rpc.root / "post.txt", POST)  # type: ignore[attr-defined]
    assert [d["code"] for d in rpc.published(uri)["diagnostics"]] == ["KC401", "KC109"]
    doc = {"uri": uri}
    for line, character in ((0, 2 ** 31 - 1), (2 ** 31 - 1, 0), (10 ** 6, 10 ** 6)):
        assert rpc.call("textDocument/hover", hover(uri, line, character))["result"] is None
        far = {"line": line, "character": character}
        actions = rpc.call("textDocument/codeAction", {"textDocument": doc, "range": {"start": far, "end": far},
                                                       "context": {"diagnostics": []}})
        assert "result" in actions, actions
    # Not JSON at all, and JSON that is no JSON-RPC message: answered with id null.
    rpc.raw(b"Content-Length: 5\r\n\r\n{nope")
    assert rpc.until(lambda m: m.get("id") is None and "error" in m)["error"]["code"] == -32700
    rpc.raw(rpc.frame({"id": 5, "method": 7}))
    assert rpc.until(lambda m: m.get("id") == 5)["error"]["code"] == -32600


def test_requests_after_shutdown_get_invalid_request_and_exit_code_0(rpc: Raw) -> None:
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    assert rpc.call("shutdown", None) == {"jsonrpc": "2.0", "id": rpc.next_id, "result": None}
    late = rpc.call("textDocument/hover", hover("file:///x.txt", 0, 0))
    assert late["error"]["code"] == -32600
    assert rpc.call("shutdown", None)["error"]["code"] == -32600
    rpc.notify("exit", None)
    assert rpc.wait(ANSWER) == 0


def test_exit_without_shutdown_is_exit_code_1(rpc: Raw) -> None:
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    rpc.notify("exit", None)
    assert rpc.wait(ANSWER) == 1


# -- documents too large to lint -------------------------------------------------------------------
def test_a_document_over_1_mb_gets_one_notice_instead_of_findings(rpc: Raw) -> None:
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    big = "Ждём всех!!! " * 60_000  # 1.26 MB in UTF-8, under the 8 MiB frame cap
    uri = rpc.open(rpc.root / "big.txt", big)  # type: ignore[attr-defined]
    [notice] = rpc.published(uri, timeout=ANSWER)["diagnostics"]
    assert notice["severity"] == 3 and notice["source"] == "kanclint"
    assert notice["message"].startswith("Документ слишком большой для проверки (1,3 МБ, предел — 1 МБ)")
    assert notice["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    # Cut down below the limit, it is linted as usual.
    rpc.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                          "contentChanges": [{"text": POST}]})
    assert [d["code"] for d in rpc.published(uri)["diagnostics"]] == ["KC401", "KC109"]


def test_a_10_mb_document_gets_the_notice_too_and_pull_clients_see_it(rpc: Raw) -> None:
    rpc.initialize(rpc.root, {"textDocument": {"diagnostic": {}}})  # type: ignore[attr-defined]
    uri = rpc.open(rpc.root / "huge.txt", "Ждём всех!!! " * 450_000)  # type: ignore[attr-defined]
    report = rpc.call("textDocument/diagnostic", {"textDocument": {"uri": uri}})["result"]
    [notice] = report["items"]
    assert notice["message"].startswith("Документ слишком большой для проверки (")
    assert rpc.call("textDocument/hover", hover(uri, 0, 0))["result"] is None
    # A full text small enough re-creates the document, even though its open never arrived.
    rpc.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                          "contentChanges": [{"text": POST}]})
    report = rpc.call("textDocument/diagnostic", {"textDocument": {"uri": uri}}, timeout=LINT)["result"]
    assert [d["code"] for d in report["items"]] == ["KC401", "KC109"]
    assert "Error in server" not in rpc.log()


def test_exit_is_prompt_while_a_long_lint_runs(rpc: Raw) -> None:
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    warm = rpc.open(rpc.root / "warm.txt", POST)  # type: ignore[attr-defined]
    rpc.published(warm)  # dictionaries and models are loaded
    text = "Следует отметить, что в рамках мероприятия парк открыт до 22:00! " * 7_000  # ~0.9 MB: linted
    rpc.open(rpc.root / "long.txt", text)  # type: ignore[attr-defined]
    time.sleep(1.0)  # the lint is running now (it takes many seconds)
    assert rpc.call("shutdown", None)["result"] is None
    rpc.notify("exit", None)
    assert rpc.wait(10) == 0


# -- commands that write files ----------------------------------------------------------------------
ALLOW = "kanclint.allowWord"
IGNORE = "kanclint.ignoreFinding"


def execute(rpc: Raw, command: str, argument: dict[str, Any]) -> Any:
    answer = rpc.call("workspace/executeCommand", {"command": command, "arguments": [argument]})
    assert "result" in answer, answer
    return answer["result"]


def test_commands_never_write_through_a_dangling_symlink(rpc: Raw, tmp_path: Path) -> None:
    root: Path = rpc.root  # type: ignore[attr-defined]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "kanclint.toml").symlink_to(elsewhere / "kanclint.toml")
    (root / ".kanclint-ignore.toml").symlink_to(elsewhere / "ignore.toml")
    rpc.initialize(root)
    uri = rpc.open(root / "post.txt", POST)
    diagnostics = rpc.published(uri)["diagnostics"]

    assert execute(rpc, ALLOW, {"uri": uri, "word": "Следует отметить, что"}) is None
    assert "символическая ссылка" in rpc.messages()
    bang = next(d for d in diagnostics if d["code"] == "KC401")
    finding = {"uri": uri, "version": 1, "code": "KC401", "start": bang["data"]["start"], "end": bang["data"]["end"]}
    assert execute(rpc, IGNORE, finding) is None
    assert "символическая ссылка" in rpc.messages()

    assert list(elsewhere.iterdir()) == []
    assert (root / "kanclint.toml").is_symlink() and (root / ".kanclint-ignore.toml").is_symlink()


def test_allow_word_for_a_document_outside_the_workspace_is_refused(rpc: Raw, tmp_path: Path) -> None:
    root: Path = rpc.root  # type: ignore[attr-defined]
    outside = tmp_path / "outside"
    outside.mkdir()
    rpc.initialize(root)
    uri = rpc.open(outside / "post.txt", POST)
    assert execute(rpc, ALLOW, {"uri": uri, "word": "Следует отметить, что"}) is None
    assert "вне папки проекта" in rpc.messages()
    assert list(outside.iterdir()) == [] and not (root / "kanclint.toml").exists()


def test_allow_word_replaces_the_config_atomically_keeping_mode_and_line_ends(rpc: Raw) -> None:
    root: Path = rpc.root  # type: ignore[attr-defined]
    config = root / "kanclint.toml"
    config.write_bytes('# наша команда\r\nplatform = "vk"\r\n'.encode("utf-8"))
    config.chmod(0o640)
    before = config.stat().st_ino
    rpc.initialize(root)
    uri = rpc.open(root / "post.txt", POST)
    assert execute(rpc, ALLOW, {"uri": uri, "word": "Следует отметить, что"}) == str(config)
    assert config.read_bytes().decode("utf-8") == (
        '# наша команда\r\nplatform = "vk"\r\nallow = ["Следует отметить, что"]\r\n')
    # A new file took the old one's place in one step: a reader never sees half a config.
    assert config.stat().st_ino != before
    assert config.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in root.iterdir()) == ["kanclint.toml"]


# -- without pygls ------------------------------------------------------------------------------------
def test_without_pygls_the_hint_installs_from_the_checkout(tmp_path: Path) -> None:
    shadow = tmp_path / "shadow" / "pygls"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text('raise ImportError("No module named \'pygls\'")\n', encoding="utf-8")
    run = subprocess.run(SERVER, cwd=tmp_path, capture_output=True, text=True, timeout=ANSWER, stdin=subprocess.DEVNULL,
                         env={**os.environ, "PYTHONPATH": str(shadow.parent)})
    assert run.returncode == 2
    assert 'pip install -e ".[lsp]"' in run.stderr and "pygls" in run.stderr
    assert "pip install 'kanclint[lsp]'" not in run.stderr  # kanclint is on no package index


def test_requests_before_initialize_get_server_not_initialized(rpc: Raw) -> None:
    rpc.notify("textDocument/didOpen", {"textDocument": {
        "uri": "file:///x.txt", "languageId": "plaintext", "version": 1, "text": POST}})
    early = rpc.call("textDocument/hover", hover("file:///x.txt", 0, 0))
    assert early["error"]["code"] == -32002
    rpc.initialize(rpc.root)  # type: ignore[attr-defined]
    assert rpc.call("textDocument/hover", hover("file:///x.txt", 0, 0))["result"] is None
    assert not [m for m in rpc.seen if m.get("method") == "window/showMessage"]


# -- the frame reader alone, for reads split anywhere ---------------------------------------------------
@pytest.mark.parametrize("step", [1, 3, 64, 1 << 16])
def test_frame_reader_survives_any_split_of_the_stream(step: int) -> None:
    from kanclint.lsp.guard import FrameReader, Skipped

    def frame(body: bytes, length: int | None = None) -> bytes:
        return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body

    a, b, c, d = b'{"a":1}', b'{"b":"\\u0436"}', b'{"c":[1,2,3]}', b'{"d":null}'
    stream = (b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + frame(a) + frame(b, 150) + frame(c)
              + b"noise" + frame(a, 3) + frame(d) + frame(b"x" * 300) + frame(b) + frame(c, 10 ** 40) + frame(d))
    chunks = [stream[i:i + step] for i in range(0, len(stream), step)]
    reader = FrameReader(lambda n: chunks.pop(0) if chunks else b"", max_frame=200)
    got = []
    while (item := reader.next()) is not None:
        got.append(item)
    assert got == [a, b, c, b'{"a', d, Skipped(300, b"x" * 300), b, d]
