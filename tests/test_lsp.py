"""End-to-end tests of ``kanclint lsp``: a pytest-lsp client drives the real server process.

The texts rely on KC401 («!!!», a code rule) and on one very stable dictionary
phrase, «Следует отметить, что» (KC109), so that dictionary work elsewhere does
not break them.  Columns are checked in UTF-16 with emoji before the findings:
an off-by-surrogate bug shows up as a shifted range.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any, AsyncIterator, Union

import pytest
import pytest_asyncio
from lsprotocol import types as t
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from kanclint.lsp import ALLOW_COMMAND, FIX_ALL, IGNORE_COMMAND, Lines, add_allowed_word
from kanclint.lsp.settings import Settings
from pygls.workspace.position_codec import PositionCodec

SERVER = [sys.executable, "-m", "kanclint", "lsp"]
KANCLINT = Path(sys.executable).with_name("kanclint")
LINE1 = "😀 Ждём всех!!! Следует отметить, что парк открыт до 22:00."
LINE2 = "🎉🎉 И каток тоже работает!!!"
TEXT = f"{LINE1}\n{LINE2}\n"
TIMEOUT = 90  # the first lint loads dictionaries and natasha models


# -- client plumbing ---------------------------------------------------------------------------
def _record_diagnostics(client: LanguageClient, params: t.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)  # type: ignore[attr-defined]


def _register_capability(client: LanguageClient, params: t.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)  # type: ignore[attr-defined]


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    register_lsp_features(client, {
        **DEFAULT_CLIENT_FEATURES,
        t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record_diagnostics,
        t.CLIENT_REGISTER_CAPABILITY: _register_capability,
    })
    # lsprotocol reads any code action with a "command" key as a Command; clients check its type.
    converter = client.protocol._converter

    def code_action(obj: Any, _: type) -> Any:
        kind = t.Command if isinstance(obj.get("command"), str) else t.CodeAction
        return converter.structure(obj, kind)

    converter.register_structure_hook(Union[t.Command, t.CodeAction], code_action)
    return client


def capabilities(*, pull: bool = False, resolve: bool = True,
                 encodings: list[str] | None = None) -> t.ClientCapabilities:
    return t.ClientCapabilities(
        general=t.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        workspace=t.WorkspaceClientCapabilities(
            configuration=True,
            did_change_watched_files=t.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            workspace_edit=t.WorkspaceEditClientCapabilities(document_changes=True),
            diagnostics=t.DiagnosticWorkspaceClientCapabilities(refresh_support=True) if pull else None,
        ),
        text_document=t.TextDocumentClientCapabilities(
            code_action=t.CodeActionClientCapabilities(
                resolve_support=t.ClientCodeActionResolveOptions(properties=["edit"]) if resolve else None),
            hover=t.HoverClientCapabilities(content_format=[t.MarkupKind.Markdown]),
            publish_diagnostics=t.PublishDiagnosticsClientCapabilities(version_support=True),
            diagnostic=t.DiagnosticClientCapabilities() if pull else None,
        ),
    )


@contextlib.asynccontextmanager
async def session(root: Path, *, caps: t.ClientCapabilities | None = None, options: Any = None,
                  configuration: dict[str, Any] | None = None) -> AsyncIterator[LanguageClient]:
    client = await ClientServerConfig(server_command=SERVER, client_factory=make_client).start()
    if configuration is not None:
        client.set_configuration(configuration, section="kanclint")
    try:
        client.init_result = await client.initialize_session(t.InitializeParams(  # type: ignore[attr-defined]
            capabilities=caps or capabilities(), root_uri=root.as_uri(), initialization_options=options,
            workspace_folders=[t.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        ))
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


async def wait_publish(client: LanguageClient, uri: str, *, after: int = 0, version: int | None = None,
                       timeout: float = TIMEOUT) -> list[t.Diagnostic]:
    """The first diagnostics published for ``uri`` from index ``after`` on (with ``version`` if given)."""
    async def poll() -> list[t.Diagnostic]:
        while True:
            for p in client.published[after:]:  # type: ignore[attr-defined]
                if p.uri == uri and (version is None or p.version == version):
                    return list(p.diagnostics)
            await asyncio.sleep(0.01)

    return await asyncio.wait_for(poll(), timeout)


def open_doc(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(t.DidOpenTextDocumentParams(
        text_document=t.TextDocumentItem(uri=uri, language_id="plaintext", version=version, text=text)))
    return uri


def change_doc(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)]))


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def offset_of(text: str, pos: t.Position) -> int:
    """A UTF-16 position in ``text`` (lines split at \\n) as a code-point offset."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: pos.line])
    line = lines[pos.line] if pos.line < len(lines) else ""
    i = units = 0
    while units < pos.character:
        units += u16(line[i])
        i += 1
    return start + i


def apply_edit(text: str, uri: str, edit: t.WorkspaceEdit) -> str:
    if edit.document_changes:
        edits = [e for change in edit.document_changes if change.text_document.uri == uri for e in change.edits]
    else:
        edits = list((edit.changes or {}).get(uri, []))
    spans = sorted(((offset_of(text, e.range.start), offset_of(text, e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def codes(diagnostics: list[t.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


async def code_actions(client: LanguageClient, uri: str, diagnostics: list[t.Diagnostic],
                       only: list[str] | None = None) -> list[t.CodeAction]:
    rng = diagnostics[0].range if diagnostics else t.Range(t.Position(0, 0), t.Position(0, 0))
    result = await client.text_document_code_action_async(t.CodeActionParams(
        text_document=t.TextDocumentIdentifier(uri=uri), range=rng,
        context=t.CodeActionContext(diagnostics=diagnostics, only=only)))
    assert all(isinstance(a, t.CodeAction) for a in result or [])
    return list(result or [])


# -- one server shared by the tests that need no special settings ---------------------------------------
@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[LanguageClient, Path]]:
    root = tmp_path_factory.mktemp("workspace")
    async with session(root) as client:
        yield client, root


@pytest.mark.asyncio(loop_scope="module")
async def test_diagnostics_on_open_in_utf16_after_emoji_hover_and_close(shared) -> None:
    client, root = shared
    result = client.init_result  # type: ignore[attr-defined]
    assert result.capabilities.position_encoding == t.PositionEncodingKind.Utf16
    assert result.server_info.name == "kanclint"
    uri = open_doc(client, root / "пост с эмодзи.txt", TEXT)
    diagnostics = await wait_publish(client, uri, version=1)

    assert codes(diagnostics) == ["KC401", "KC109", "KC401"]
    first, filler, second = diagnostics
    # 😀 is one code point but two UTF-16 units: the range must follow the client's units.
    bang = LINE1.index("!!!")
    assert (first.range.start.line, first.range.start.character) == (0, u16(LINE1[:bang]))
    assert first.range.start.character == bang + 1
    assert (first.range.end.line, first.range.end.character) == (0, u16(LINE1[:bang]) + 3)
    bang2 = LINE2.index("!!!")
    assert (second.range.start.line, second.range.start.character) == (1, bang2 + 2)
    phrase = LINE1.index("Следует")
    assert filler.range.start.character == phrase + 1
    assert filler.range.end.character == phrase + 1 + len("Следует отметить, что")

    assert first.source == "kanclint"
    assert first.severity == t.DiagnosticSeverity.Warning
    assert first.code_description is not None
    assert first.code_description.href.endswith("KC401-repeated-exclamation.md")
    assert "!" in first.message
    # data carries the fix in code points of version 1, for code actions.
    assert first.data["version"] == 1
    assert (first.data["start"], first.data["end"]) == (bang, bang + 3)
    assert first.data["fix"]["applicability"] == "safe"
    assert first.data["fix"]["edits"] == [{"start": bang, "end": bang + 3, "replacement": "!"}]
    assert first.data["suggestions"] == []

    # Hover over the finding: the rule's explanation with its example, in Markdown.
    doc = t.TextDocumentIdentifier(uri)
    hover = await client.text_document_hover_async(t.HoverParams(doc, t.Position(0, first.range.start.character + 1)))
    assert hover is not None and hover.contents.kind == t.MarkupKind.Markdown
    value = hover.contents.value
    assert "KC401" in value and "## Пример" in value and "## Как лучше" in value
    assert hover.range == first.range
    elsewhere = t.Position(line=0, character=u16(LINE1[: LINE1.index("парк")]) + 1)
    assert await client.text_document_hover_async(t.HoverParams(doc, elsewhere)) is None

    # Closing the document clears its diagnostics.
    mark = len(client.published)  # type: ignore[attr-defined]
    client.text_document_did_close(t.DidCloseTextDocumentParams(text_document=doc))
    assert await wait_publish(client, uri, after=mark) == []


@pytest.mark.asyncio(loop_scope="module")
async def test_quick_fix_applied_and_the_change_clears_the_finding(shared) -> None:
    client, root = shared
    uri = open_doc(client, root / "quick-fix.txt", TEXT)
    diagnostics = await wait_publish(client, uri, version=1)
    bang_diag, filler_diag = diagnostics[0], diagnostics[1]

    actions = await code_actions(client, uri, [bang_diag])
    titles = [a.title for a in actions]
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1 and preferred[0].kind == t.CodeActionKind.QuickFix
    assert preferred[0].title == "Заменить на «!» (KC401)"
    assert preferred[0].diagnostics and preferred[0].diagnostics[0].code == "KC401"
    ignore = [a for a in actions if a.command and a.command.command == IGNORE_COMMAND]
    assert len(ignore) == 1
    # KC401 is structural: allowing «!!!» as a word makes no sense, so it is not offered.
    assert not any(a.command and a.command.command == ALLOW_COMMAND for a in actions), titles

    filler_actions = await code_actions(client, uri, [filler_diag])
    allow = [a for a in filler_actions if a.command and a.command.command == ALLOW_COMMAND]
    assert allow and list(allow[0].command.arguments) == [{"uri": uri, "word": "Следует отметить, что"}]

    new_text = apply_edit(TEXT, uri, preferred[0].edit)
    assert new_text == TEXT.replace("всех!!!", "всех!", 1)
    change_doc(client, uri, new_text, 2)
    after = await wait_publish(client, uri, version=2)
    assert codes(after) == ["KC109", "KC401"]
    assert after[1].range.start.line == 1  # only the second line still shouts

    # A code action for a diagnostic of an older version finds nothing to fix.
    assert await code_actions(client, uri, [bang_diag], only=[t.CodeActionKind.QuickFix]) == []


async def _fix_all(client: LanguageClient, uri: str, resolve: bool) -> tuple[str, list[t.Diagnostic]]:
    await wait_publish(client, uri, version=1)
    actions = await code_actions(client, uri, [], only=[t.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == [FIX_ALL]
    action = actions[0]
    if resolve:
        assert action.edit is None  # computed lazily, only when chosen
        action = await client.code_action_resolve_async(action)
    assert action.edit is not None
    fixed = apply_edit(TEXT, uri, action.edit)
    change_doc(client, uri, fixed, 2)
    return fixed, await wait_publish(client, uri, version=2)


@pytest.mark.asyncio(loop_scope="module")
async def test_fix_all_safe_findings_resolved_lazily(shared) -> None:
    client, root = shared
    fixed, after = await _fix_all(client, open_doc(client, root / "fix-all.txt", TEXT), resolve=True)
    assert "!!!" not in fixed and "Следует отметить" not in fixed
    assert fixed.startswith("😀 Ждём всех! Парк открыт")
    assert "KC401" not in codes(after) and "KC109" not in codes(after)


@pytest.mark.asyncio
async def test_fix_all_for_a_client_without_resolve(tmp_path: Path) -> None:
    async with session(tmp_path, caps=capabilities(resolve=False)) as client:
        fixed, after = await _fix_all(client, open_doc(client, tmp_path / "post.txt", TEXT), resolve=False)
    assert fixed.startswith("😀 Ждём всех! Парк открыт") and "!!!" not in fixed
    assert "KC401" not in codes(after) and "KC109" not in codes(after)


@pytest.mark.asyncio
async def test_utf8_position_encoding_when_the_client_prefers_it(tmp_path: Path) -> None:
    async with session(tmp_path, caps=capabilities(encodings=["utf-8", "utf-16"])) as client:
        encoding = client.init_result.capabilities.position_encoding  # type: ignore[attr-defined]
        assert encoding == t.PositionEncodingKind.Utf8
        uri = open_doc(client, tmp_path / "post.txt", TEXT)
        diagnostics = await wait_publish(client, uri, version=1)
    first = diagnostics[0]
    bang = LINE1.index("!!!")
    assert first.code == "KC401"
    assert first.range.start.character == len(LINE1[:bang].encode("utf-8"))


# -- configuration -----------------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_author_setting_is_the_config_key(tmp_path: Path) -> None:
    """``author`` in the editor settings works as in kanclint.toml: KC304 then knows the page is the
    administration's own and says so, instead of «если речь о другой организации, всё верно»."""
    text = "Администрация района провела субботник в парке.\n"
    for options, own in ((None, False), ({"author": "Администрация района"}, True)):
        async with session(tmp_path, options=options) as client:
            uri = open_doc(client, tmp_path / "post.txt", text)
            found = [d for d in await wait_publish(client, uri, version=1) if d.code == "KC304"]
            assert len(found) == 1
            assert ("организация говорит о себе в третьем лице" in found[0].message) is own
            assert ("Если речь о другой организации" in found[0].message) is not own


def test_bad_voice_settings_are_reported_and_skipped() -> None:
    said: list[str] = []
    settings = Settings.parse({"author": 5, "we": "yes"}, said.append)
    assert settings.author is None and settings.we is None
    assert any("kanclint.author" in m for m in said) and any("kanclint.we" in m for m in said)
    assert Settings.parse({"author": " Школа № 5 ", "we": True}, said.append).author == "Школа № 5"


@pytest.mark.asyncio
async def test_settings_layer_over_the_config_file_and_reload(tmp_path: Path) -> None:
    config = tmp_path / "kanclint.toml"
    config.write_text('[severity]\nKC401 = "info"\n', encoding="utf-8")
    async with session(tmp_path, options={"select": ["KC4"]}) as client:
        uri = open_doc(client, tmp_path / "post.txt", TEXT)
        first = await wait_publish(client, uri, version=1)
        assert codes(first) == ["KC401", "KC401"]  # select from the editor, severity from the file
        assert all(d.severity == t.DiagnosticSeverity.Information for d in first)
        registered = [r.method for r in client.registrations]  # type: ignore[attr-defined]
        assert t.WORKSPACE_DID_CHANGE_WATCHED_FILES in registered

        # minSeverity from workspace/configuration drops the (now info) KC401.
        client.set_configuration({"minSeverity": "warning"}, section="kanclint")
        mark = len(client.published)  # type: ignore[attr-defined]
        client.workspace_did_change_configuration(t.DidChangeConfigurationParams(settings=None))
        assert await wait_publish(client, uri, after=mark) == []

        # ignore adds to the file's config; select ALL brings KC109 back.
        client.set_configuration({"select": ["ALL"], "ignore": ["KC401"]}, section="kanclint")
        mark = len(client.published)  # type: ignore[attr-defined]
        client.workspace_did_change_configuration(t.DidChangeConfigurationParams(settings=None))
        assert codes(await wait_publish(client, uri, after=mark)) == ["KC109"]

        # The config file changes on disk: the watcher notification reloads it.
        config.write_text('ignore = ["KC109"]\n', encoding="utf-8")
        mark = len(client.published)  # type: ignore[attr-defined]
        client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(
            changes=[t.FileEvent(uri=config.as_uri(), type=t.FileChangeType.Changed)]))
        assert await wait_publish(client, uri, after=mark) == []


@pytest.mark.asyncio
async def test_bad_setting_is_reported_and_linting_goes_on(tmp_path: Path) -> None:
    async with session(tmp_path, configuration={"select": ["NOPE9"], "run": "sometimes"}) as client:
        uri = open_doc(client, tmp_path / "post.txt", TEXT)
        diagnostics = await wait_publish(client, uri, version=1)
        messages = [m.message for m in client.messages]
    assert "KC401" in codes(diagnostics)
    assert any("NOPE9" in m for m in messages), messages
    assert any("kanclint.run" in m for m in messages), messages


@pytest.mark.asyncio
async def test_run_on_save_lints_the_buffer_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text("Всё спокойно.\n", encoding="utf-8")  # the disk copy has nothing to report
    async with session(tmp_path, options={"run": "onSave"}) as client:
        uri = open_doc(client, path, "Привет.\n")
        assert await wait_publish(client, uri, version=1) == []
        change_doc(client, uri, TEXT, 2)
        await asyncio.sleep(0.6)
        assert not any(p.version == 2 for p in client.published)  # type: ignore[attr-defined]
        client.text_document_did_save(t.DidSaveTextDocumentParams(text_document=t.TextDocumentIdentifier(uri)))
        saved = await wait_publish(client, uri, version=2)
    assert codes(saved) == ["KC401", "KC109", "KC401"]


# -- commands executed by the server -------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_ignore_and_allow_commands_persist_for_the_cli_too(tmp_path: Path) -> None:
    config = tmp_path / "kanclint.toml"
    config.write_text('# team settings\nplatform = "vk"\n\n[severity]\nKC404 = "info"\n', encoding="utf-8")
    posts = tmp_path / "posts"
    posts.mkdir()
    post = posts / "post.txt"
    post.write_text(TEXT, encoding="utf-8")
    async with session(tmp_path) as client:
        uri = open_doc(client, post, TEXT)
        diagnostics = await wait_publish(client, uri, version=1)
        actions = await code_actions(client, uri, [diagnostics[0]])
        ignore = next(a.command for a in actions if a.command and a.command.command == IGNORE_COMMAND)
        mark = len(client.published)  # type: ignore[attr-defined]
        written = await client.workspace_execute_command_async(t.ExecuteCommandParams(
            command=ignore.command, arguments=ignore.arguments))
        after_ignore = await wait_publish(client, uri, after=mark)

        actions = await code_actions(client, uri, [d for d in after_ignore if d.code == "KC109"])
        allow = next(a.command for a in actions if a.command and a.command.command == ALLOW_COMMAND)
        mark = len(client.published)  # type: ignore[attr-defined]
        allowed_in = await client.workspace_execute_command_async(t.ExecuteCommandParams(
            command=allow.command, arguments=allow.arguments))
        after_allow = await wait_publish(client, uri, after=mark)

    ignore_file = tmp_path / ".kanclint-ignore.toml"
    assert written == str(ignore_file)
    entries = tomllib.loads(ignore_file.read_text(encoding="utf-8"))["ignore"]
    assert [(e["path"], e["code"], e["match"]) for e in entries] == [("posts/post.txt", "KC401", "!!!")]
    # Only the accepted «!!!» went away: the one in the other sentence is still reported.
    assert codes(after_ignore) == ["KC109", "KC401"] and after_ignore[1].range.start.line == 1

    assert allowed_in == str(config)
    saved = config.read_text(encoding="utf-8")
    assert saved.startswith("# team settings\n")
    data = tomllib.loads(saved)
    assert data == {"platform": "vk", "severity": {"KC404": "info"}, "allow": ["Следует отметить, что"]}
    assert codes(after_allow) == ["KC401"]

    # kanclint check reads the same files and agrees.
    run = subprocess.run([str(KANCLINT), "check", "--output-format", "json", "posts/post.txt"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    found = json.loads(run.stdout)["files"][0]["diagnostics"]
    assert [d["code"] for d in found] == ["KC401"] and found[0]["line"] == 2


# -- lifecycle -------------------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_latest_version_wins_while_typing(tmp_path: Path) -> None:
    # A long debounce keeps the test independent of how busy the machine is.
    async with session(tmp_path, options={"debounceMs": 1000}) as client:
        uri = open_doc(client, tmp_path / "post.txt", "Привет.\n")
        await wait_publish(client, uri, version=1)
        drafts = ["Ждём!!!", "Ждём всех!!!", "Ждём всех!", "Ждём всех!! Правда!!!", "Ждём всех. Правда!!!"]
        for version, draft in enumerate(drafts, start=2):
            change_doc(client, uri, draft + "\n", version)
        last = await wait_publish(client, uri, version=len(drafts) + 1)
        versions = [p.version for p in client.published if p.uri == uri]  # type: ignore[attr-defined]
    assert versions == [1, len(drafts) + 1]  # the drafts in between were never linted for nothing
    assert codes(last) == ["KC401"] and last[0].range.start.character == len("Ждём всех. Правда")


@pytest.mark.asyncio
async def test_pull_diagnostics_when_the_client_asks_for_them(tmp_path: Path) -> None:
    async with session(tmp_path, caps=capabilities(pull=True)) as client:
        assert client.init_result.capabilities.diagnostic_provider is not None  # type: ignore[attr-defined]
        uri = open_doc(client, tmp_path / "post.txt", TEXT)
        doc = t.TextDocumentIdentifier(uri=uri)
        report = await asyncio.wait_for(client.text_document_diagnostic_async(
            t.DocumentDiagnosticParams(text_document=doc)), TIMEOUT)
        assert report.kind == "full" and codes(list(report.items)) == ["KC401", "KC109", "KC401"]
        assert report.items[0].range.start.character == LINE1.index("!!!") + 1

        same = await client.text_document_diagnostic_async(
            t.DocumentDiagnosticParams(text_document=doc, previous_result_id=report.result_id))
        assert same.kind == "unchanged"

        change_doc(client, uri, TEXT.replace("всех!!!", "всех!"), 2)
        fresh = await client.text_document_diagnostic_async(
            t.DocumentDiagnosticParams(text_document=doc, previous_result_id=report.result_id))
        assert fresh.kind == "full" and codes(list(fresh.items)) == ["KC109", "KC401"]

        client.set_configuration({"ignore": ["KC401"]}, section="kanclint")
        client.workspace_did_change_configuration(t.DidChangeConfigurationParams(settings=None))
        await asyncio.wait_for(_until(lambda: client.diagnostic_refresh_count > 0), 10)
        refreshed = await client.text_document_diagnostic_async(t.DocumentDiagnosticParams(text_document=doc))
        assert codes(list(refreshed.items)) == ["KC109"]
        await asyncio.sleep(0.3)
        assert client.published == []  # type: ignore[attr-defined]  # pull clients are never pushed to


async def _until(condition: Any) -> None:
    while not condition():
        await asyncio.sleep(0.01)


# -- pieces that need no server ---------------------------------------------------------------------------------
def test_lines_convert_code_points_to_utf16_and_back() -> None:
    text = "😀 а!!!\r\nб\u2028в!!!\n"  # U+2028 is not a line break for LSP
    lines = Lines(text, PositionCodec(t.PositionEncodingKind.Utf16))
    assert len(lines.lines) == 2
    first = text.index("!!!")
    assert lines.position(first) == t.Position(0, 4)
    second = text.index("!!!", first + 3)
    assert lines.position(second) == t.Position(1, 3)
    assert lines.position(len(text)) == t.Position(2, 0)
    assert lines.position(text.index("\r")) == t.Position(0, 7)  # end of the line, before the break
    for offset in (0, first, second, len(text)):
        assert lines.offset(lines.position(offset)) == offset


def test_add_allowed_word_creates_the_file(tmp_path: Path) -> None:
    target = tmp_path / "kanclint.toml"
    assert add_allowed_word(target, "В данном случае")
    assert tomllib.loads(target.read_text(encoding="utf-8")) == {"allow": ["В данном случае"]}
    assert not add_allowed_word(target, "в данном случае")  # the same after folding


def test_add_allowed_word_keeps_comments_and_a_multiline_list(tmp_path: Path) -> None:
    target = tmp_path / "kanclint.toml"
    original = ('# наш словарь\nselect = ["ALL"]\nallow = [\n  "осуществлять",  # так принято\n  "ё\\"мкий",\n]\n'
                'fail-on = "error"\n\n[severity]\nKC401 = "info"\n')
    target.write_text(original, encoding="utf-8")
    assert add_allowed_word(target, "в рамках")
    text = target.read_text(encoding="utf-8")
    assert text.startswith('# наш словарь\nselect = ["ALL"]\nallow = [')
    assert text.endswith('fail-on = "error"\n\n[severity]\nKC401 = "info"\n')
    assert tomllib.loads(text) == {"select": ["ALL"], "allow": ["осуществлять", 'ё"мкий', "в рамках"],
                                   "fail-on": "error", "severity": {"KC401": "info"}}


def test_add_allowed_word_in_pyproject_touches_only_its_table(tmp_path: Path) -> None:
    target = tmp_path / "pyproject.toml"
    target.write_text('[project]\nname = "posts"\n\n[tool.kanclint]\nplatform = "ok"\n\n[tool.other]\nallow = 1\n',
                      encoding="utf-8")
    assert add_allowed_word(target, "данный")
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data == {"project": {"name": "posts"}, "tool": {"kanclint": {"platform": "ok", "allow": ["данный"]},
                                                           "other": {"allow": 1}}}
    bare = tmp_path / "sub" / "pyproject.toml"
    bare.parent.mkdir()
    bare.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert add_allowed_word(bare, "данный")
    assert tomllib.loads(bare.read_text(encoding="utf-8"))["tool"]["kanclint"]["allow"] == ["данный"]
