"""A cold run imports only what it uses: the natasha models load when a rule needs a parse (issue #13).

Each check runs a new ``kanclint`` process (a warm interpreter would have the
modules already) with ``-X importtime``, which lists every module the process
imported, or asks the process itself for ``sys.modules``.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from kanclint.text import nlp

HEAVY = ("natasha", "slovnet", "navec", "numpy", "yargy")

# «В связи с» and a long sentence, but no passive, no chain: no sentence for the parser
PLAIN_POST = (
    "Друзья, в связи с ремонтом бассейн закрыт до 10 июня!\n\n"
    "Абонементы продлим. Записаться можно по телефону или в сообщениях группы.\n"
)


def imported_modules(args: list[str], cwd, stdin: str | None = None) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kanclint", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, encoding="utf-8",
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    modules = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    assert "kanclint.cli" in modules  # the listing really is there
    return modules


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


@pytest.mark.parametrize("args", [["--help"], ["rules"], ["--version"]], ids=lambda a: a[0])
def test_commands_without_text_import_no_model(tmp_path, args):
    assert heavy(imported_modules(args, tmp_path)) == []


def test_a_post_without_a_syntax_candidate_imports_no_model(tmp_path):
    post = tmp_path / "post.txt"
    post.write_text(PLAIN_POST, encoding="utf-8")
    modules = imported_modules(["--isolated", str(post)], tmp_path)
    assert "pymorphy3" in modules  # it was really linted
    assert heavy(modules) == []


def test_one_file_on_a_pipe_imports_neither_the_worker_pool_nor_the_bar_nor_xml(tmp_path):
    """They cost a tenth of a cold start; only several files, a terminal or JUnit output need them."""
    post = tmp_path / "post.txt"
    post.write_text(PLAIN_POST, encoding="utf-8")
    modules = imported_modules(["--isolated", str(post)], tmp_path)
    assert "pymorphy3" in modules
    unused = ("concurrent.futures.process", "multiprocessing", "tqdm", "xml.sax", "ssl")
    assert sorted(m for m in unused if m in modules) == []
    junit = imported_modules(["--isolated", "--output-format", "junit", str(post)], tmp_path)
    assert "xml.sax.saxutils" in junit  # the lazy import really runs where it is needed


def test_lint_from_python_leaves_the_models_alone_and_a_parse_loads_only_the_parser(tmp_path):
    code = (
        "import sys, kanclint\n"
        "from kanclint.text import nlp\n"
        f"report = kanclint.lint({PLAIN_POST!r})\n"
        "assert report.diagnostics, 'the post must be linted'\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
        "nlp.parse_sentences([('Работы', 'производятся', 'подрядчиком', '.')])\n"
        "print('natasha' in sys.modules, nlp._parser.cache_info().currsize, nlp._ner.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = done.stdout.splitlines()
    assert before == "[]"
    assert after == "False 1 0"  # slovnet's parser only: no natasha package, no NER tagger


SENTENCES = [
    "Работы по ремонту дорожного покрытия производятся администрацией района.",
    "Глава района И. П. Смирнов открыл новый спорткомплекс в Заречном.",
    "Доводим до вашего сведения, что запись осуществляется по телефону.",
    "Министерство просвещения Российской Федерации утвердило новый порядок.",
]


def test_the_lean_models_parse_and_tag_exactly_as_natashas_own_classes():
    from natasha import NewsEmbedding, NewsNERTagger, NewsSyntaxParser
    from razdel import tokenize

    emb = NewsEmbedding()
    parser, ner = NewsSyntaxParser(emb), NewsNERTagger(emb)
    words = [tuple(t.text for t in tokenize(s)) for s in SENTENCES]
    theirs = [tuple((int(t.id), int(t.head_id), t.rel or "") for t in m.tokens)
              for m in parser.map([list(w) for w in words])]
    nlp.clear_caches()
    assert nlp.parse_sentences(words) == theirs
    for s in SENTENCES:
        assert nlp.sentence_entities(s, 0, len(s)) == tuple((x.start, x.stop, x.type) for x in ner(s).spans)
    assert any(nlp.sentence_entities(s, 0, len(s)) for s in SENTENCES)  # NER did find names
