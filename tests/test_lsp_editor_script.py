"""docs/editors.md is followed literally: the Helix and Neovim setups start the server as the editor would.

The command and arguments are read from the snippets in the page, resolved on a
PATH where the project's virtualenv comes first (as for a user who activated it),
and started exactly.  Helix is driven by a hand-written JSON-RPC client over
stdio with the configuration from the snippet; Neovim by pytest-lsp with the
capabilities of Neovim 0.11 (pull diagnostics, UTF-8 positions).
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import tomllib
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, client_capabilities

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "editors.md"
VENV_BIN = Path(sys.executable).parent
PATH = os.pathsep.join([str(VENV_BIN), os.environ.get("PATH", "")])
TEXT = "🙂 Ждём всех!!!\n"
TIMEOUT = 90


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def helix_config() -> dict[str, Any]:
    blocks = [b for b in code_blocks("toml") if "[language-server.kanclint]" in b]
    assert len(blocks) == 1, "docs/editors.md: one Helix languages.toml block expected"
    return tomllib.loads(blocks[0])


def neovim_command() -> list[str]:
    blocks = [b for b in code_blocks("lua") if "vim.lsp.config" in b]
    assert len(blocks) == 1, "docs/editors.md: one Neovim vim.lsp.config block expected"
    assert 'vim.lsp.enable("kanclint")' in blocks[0]
    cmd = re.search(r"cmd\s*=\s*\{([^}]*)\}", blocks[0])
    assert cmd is not None
    return re.findall(r'"([^"]*)"', cmd.group(1))


def resolve(command: str) -> str:
    found = shutil.which(command, path=PATH)
    assert found is not None and Path(found).parent == VENV_BIN, found
    return found


class JsonRpc:
    """The smallest stdio JSON-RPC client: Content-Length frames, a reader thread, a message queue."""

    def __init__(self, argv: list[str], cwd: Path) -> None:
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env={**os.environ, "PATH": PATH})
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
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
                return
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params: Any) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def until(self, accept: Any, answer: Any) -> dict[str, Any]:
        """Read messages until ``accept(message)``; requests from the server get ``answer(message)``."""
        while True:
            message = self.inbox.get(timeout=TIMEOUT)
            if "method" in message and "id" in message:
                self.send({"id": message["id"], "result": answer(message)})
            if accept(message):
                return message


def test_helix_languages_toml_starts_a_working_server(tmp_path: Path) -> None:
    config = helix_config()
    server = config["language-server"]["kanclint"]
    assert any("kanclint" in lang.get("language-servers", []) for lang in config["language"])
    settings = server.get("config", {})
    rpc = JsonRpc([resolve(server["command"]), *server.get("args", [])], cwd=tmp_path)

    def answer(message: dict[str, Any]) -> Any:  # Helix answers workspace/configuration from `config`
        if message["method"] == "workspace/configuration":
            return [settings.get(item.get("section", ""), None) for item in message["params"]["items"]]
        return None

    try:
        init = rpc.request("initialize", {
            "processId": os.getpid(), "rootUri": tmp_path.as_uri(), "initializationOptions": settings,
            "capabilities": {
                "general": {"positionEncodings": ["utf-8", "utf-32", "utf-16"]},
                "workspace": {"configuration": True},
                "textDocument": {"publishDiagnostics": {"versionSupport": True}},
            },
        })
        result = rpc.until(lambda m: m.get("id") == init, answer)["result"]
        assert result["capabilities"]["positionEncoding"] == "utf-8"
        rpc.notify("initialized", {})
        uri = (tmp_path / "пост.txt").as_uri()
        rpc.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "post", "version": 1, "text": TEXT}})
        published = rpc.until(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                              and m["params"]["uri"] == uri, answer)["params"]
        shutdown = rpc.request("shutdown", None)
        rpc.until(lambda m: m.get("id") == shutdown, answer)
        rpc.notify("exit", None)
        assert rpc.proc.wait(timeout=30) == 0
    finally:
        if rpc.proc.poll() is None:
            rpc.proc.kill()

    assert published["version"] == 1
    [finding] = [d for d in published["diagnostics"] if d["code"] == "KC401"]
    assert finding["range"]["start"] == {"line": 0, "character": len("🙂 Ждём всех".encode("utf-8"))}
    assert finding["source"] == "kanclint"


@pytest.mark.asyncio
async def test_neovim_cmd_with_neovim_0_11_capabilities(tmp_path: Path) -> None:
    argv = neovim_command()
    client = await ClientServerConfig(server_command=[resolve(argv[0]), *argv[1:]],
                                      server_env={**os.environ, "PATH": PATH}).start()
    try:
        result = await client.initialize_session(t.InitializeParams(
            capabilities=client_capabilities("neovim@v0.11.0"), root_uri=tmp_path.as_uri()))
        assert result.capabilities.position_encoding == t.PositionEncodingKind.Utf8
        assert result.capabilities.diagnostic_provider is not None
        uri = (tmp_path / "post.txt").as_uri()
        client.text_document_did_open(t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri=uri, language_id="text", version=1, text=TEXT)))
        report = await asyncio.wait_for(client.text_document_diagnostic_async(
            t.DocumentDiagnosticParams(text_document=t.TextDocumentIdentifier(uri))), TIMEOUT)
    finally:
        await client.shutdown_session()
        await client.stop()
    [finding] = [d for d in report.items if d.code == "KC401"]
    assert finding.range.start == t.Position(0, len("🙂 Ждём всех".encode("utf-8")))
    assert client.diagnostics == {}  # Neovim 0.11 pulls, so nothing was pushed
