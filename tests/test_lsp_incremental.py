"""The language server re-checks only edited paragraphs, yet every version gets what ``kanclint.lint`` says."""

from __future__ import annotations

import pytest
from lsprotocol import types as t

import kanclint
from test_lsp import change_doc, offset_of, open_doc, session, wait_publish

P1 = "😀 Ждём всех в МФЦ!!! Следует отметить, что парк открыт до 22:00."
P2 = "Администрацией района проводится работа по благоустройству территории."
P3 = "Многофункциональный центр (МФЦ) работает без выходных. Уважаемые жители, приходите!"
VERSIONS = [
    f"{P1}\n\n{P2}\n",
    f"Новый абзац сверху!!!\n\n{P1}\n\n{P2}\n",          # everything below moves: cached findings shift
    f"Новый абзац сверху!!!\n\n{P1}\n\n{P2} Доводим до вашего сведения.\n",
    f"Новый абзац сверху!!!\n\n{P1}\n\n{P3}\n\n{P2}\n",  # explains МФЦ and addresses readers: whole-post rules
    f"{P3}\n\n  {P1}\n",                                  # indentation and paragraphs gone
]


def found(text: str, diagnostics: list[t.Diagnostic]) -> list[tuple[str, int, int]]:
    return sorted((str(d.code), offset_of(text, d.range.start), offset_of(text, d.range.end)) for d in diagnostics)


def expected(text: str) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.start, d.end) for d in kanclint.lint(text).diagnostics)


@pytest.mark.asyncio
async def test_each_edited_version_equals_a_full_lint(tmp_path) -> None:
    async with session(tmp_path, options={"debounceMs": 0}) as client:
        uri = open_doc(client, tmp_path / "post.txt", VERSIONS[0])
        results = [await wait_publish(client, uri, version=1)]
        for version, text in enumerate(VERSIONS[1:], start=2):
            change_doc(client, uri, text, version)
            results.append(await wait_publish(client, uri, version=version))
    for text, diagnostics in zip(VERSIONS, results):
        assert found(text, diagnostics) == expected(text), text
    codes = [[str(d.code) for d in r] for r in results]
    assert "KC401" in codes[1] and "KC102" in codes[2]
