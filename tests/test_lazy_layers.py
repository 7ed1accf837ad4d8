"""The costly layers run only where a cheap test says they can matter, and give the same answers.

The natasha parser and NER tagger cost more per word than every other part of a
lint (issue #3: «the syntax parser runs only on sentences where a cheap
morphological filter finds a candidate»).  These tests spy on ``kanclint.text.nlp``
to check *which* sentences reach them, and check that the shared dictionary
scan finds exactly what each dictionary finds alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kanclint
from kanclint.text import nlp
from kanclint.text.document import Document
from kanclint.engine.config import Config
from kanclint.dictionaries import builtin_files
from kanclint.rules.phrases import PhraseFamily, PhraseRule, builtin_rules, load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def spy(monkeypatch):
    """Records the sentences sent to the parser and to NER; caches start empty."""
    nlp.clear_caches()
    seen: dict[str, list[str]] = {"parse": [], "ner": []}
    parser, _ = nlp._models()
    parse_map, entities = parser.map, nlp.sentence_entities

    def parse_spy(items):  # what the slovnet parser itself receives, after every cache
        items = list(items)
        seen["parse"].extend(" ".join(words) for words in items)
        return parse_map(items)

    def ner_spy(text, start, end):
        seen["ner"].append(text[start:end])
        return entities(text, start, end)

    monkeypatch.setattr(parser, "map", parse_spy)
    monkeypatch.setattr(nlp, "sentence_entities", ner_spy)
    yield seen
    nlp.clear_caches()


def lint(text: str, *codes: str):
    return kanclint.lint(text, config=Config(select=codes or ("ALL",), use_ignore_file=False))


# -- the parser ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Друзья, в субботу ждём вас в парке! Будут концерт, ярмарка и мастер-классы для детей 😀",
        "Мы открыли новый спорткомплекс. Записаться в секции можно уже сейчас — звоните!",
        "Кстати, а вы знали, что в библиотеке теперь можно взять настольные игры?",
    ],
)
def test_conversational_posts_never_reach_the_parser_or_ner(spy, text):
    lint(text)
    assert spy["parse"] == [] and spy["ner"] == []


def test_only_the_sentence_with_a_possible_doer_is_parsed(spy):
    text = (
        "Во дворах на улице Мира уже заменили старые лавочки и урны. "
        "Ремонт дороги осуществляется подрядной организацией. "
        "Приходите на открытие в субботу!"
    )
    report = lint(text, "KC201")
    assert spy["parse"] == ["Ремонт дороги осуществляется подрядной организацией ."]
    assert [d.match for d in report.diagnostics] == ["осуществляется"]


def test_a_passive_without_a_doer_is_found_without_the_parse(spy):
    text = "В связи с плановыми работами на сетях подача горячей воды будет временно приостановлена."
    report = lint(text, "KC201")
    assert spy["parse"] == []
    assert [d.match for d in report.diagnostics] == ["будет временно приостановлена"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an inanimate subject agreeing with an imperfective «-ся» verb: a passive
        ("Запись детей в кружки и спортивные секции на новый учебный год ведётся по телефону.", ["ведётся"]),
        # an animate subject: the verb is reflexive, the man rides himself
        ("Председатель районной думы каждое утро катается на велосипеде по набережной.", []),
        # a perfective «-ся» form is never a passive
        ("Глава района на этой неделе отказался от участия в заседании комиссии.", []),
        # the noun after a preposition is not the subject
        ("На заседании в администрации района в четверг обсуждается бюджет.", ["обсуждается"]),
        # a verb of relation, not an action someone performs
        ("Кроме того, эти требования относятся к руководителям органов и учреждений.", []),
        # «-ся» with an infinitive is an impersonal formula, not a passive with a subject
        ("В то же время не рекомендуется размещать информацию в формате пресс-релизов.", []),
    ],
)
def test_reflexive_passive_by_morphology(spy, text, expected):
    assert [d.match for d in lint(text, "KC201").diagnostics] == expected
    assert spy["parse"] == []


def test_stacked_participles_need_no_parse(spy):
    text = "Мероприятия, направленные на обеспечение безопасности, проводимые администрацией района, завершены."
    report = lint(text, "KC204")
    assert spy["parse"] == []
    assert [d.match for d in report.diagnostics] == [
        "направленные на обеспечение безопасности, проводимые администрацией района"
    ]


def test_a_clause_ends_at_punctuation_or_the_next_verb():
    text = "Утвердили меры, направленные на обеспечение безопасности детей во дворах, и начали работы."
    report = lint(text, "KC204")
    assert [d.match for d in report.diagnostics] == ["направленные на обеспечение безопасности детей во дворах"]


def test_parses_are_cached_per_sentence(spy):
    text = "Ремонт дороги осуществляется подрядной организацией."
    lint(text, "KC201")
    lint(text + " Приходите на открытие!", "KC201")
    assert spy["parse"] == ["Ремонт дороги осуществляется подрядной организацией ."]


def test_syntax_of_joins_the_parse_to_document_tokens():
    document = Document("😀Ремонт дороги осуществляется подрядной организацией.")
    sentence = document.sentences[0]
    parsed = document.syntax_of([sentence])[sentence.index]
    assert [(t.start, t.end) for t in parsed] == [(t.start, t.end) for t in sentence.tokens]
    heads = {t.text: t.head_id for t in parsed}
    ids = {t.text: t.id for t in parsed}
    assert heads["организацией"] == ids["осуществляется"]


# -- NER -----------------------------------------------------------------------------------

def test_ner_runs_only_on_sentences_with_name_like_words(spy):
    text = (
        "Во вторник в администрации района состоялось совещание. "
        "Глава района рассказал о ремонте дорог. "
        "Ранее Иванов сообщил, что подрядчика уже выбрали."
    )
    lint(text)
    assert spy["ner"] == ["Ранее Иванов сообщил, что подрядчика уже выбрали."]


def test_a_single_capital_letter_is_not_an_initial_without_its_dot(spy):
    text = "В Твери и в Торжке в субботу отметят День города. В программе концерт, ярмарка и салют."
    lint(text)
    assert spy["ner"] == []


def test_attendee_list_still_found_through_ner(spy):
    text = (
        "В совещании приняли участие глава района Иван Петров, депутат Анна Смирнова, "
        "директор школы Ольга Кузнецова и начальник управления Сергей Васильев."
    )
    report = lint(text, "KC303")
    assert len(spy["ner"]) == 1
    assert any("Список из" in d.message for d in report.diagnostics)


# -- shared layers ---------------------------------------------------------------------------

def test_shared_layer_is_computed_once_per_document():
    calls = []

    def layer(document):
        calls.append(document)
        return len(document.words)

    document = Document("Мы открыли парк.")
    assert document.shared(layer) == document.shared(layer) == 3
    assert calls == [document]
    assert Document("Мы открыли парк.").shared(layer) == 3 and len(calls) == 2


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]
    return texts


def test_the_shared_phrase_scan_finds_what_each_dictionary_finds_alone():
    family = builtin_rules()
    alone = [PhraseRule(d.spec, d.entries) for d in (load(str(p))[0] for p in builtin_files())]
    assert len({id(r.family) for r in family}) == 1  # one combined scan for all the files
    compared = 0
    for text in _texts():
        document = Document(text)
        for together, single in zip(family, alone):
            a = [(d.start, d.end, d.entry, d.message) for d in together.check(document)]
            b = [(d.start, d.end, d.entry, d.message) for d in single.check(Document(text))]
            assert a == b, (together.code, text[:60])
            compared += len(a)
    assert compared > 20  # the texts do contain dictionary findings (the examples alone give 30+)
    assert all(r.family is not None and r.family is not family[0].family for r in alone)  # scanned alone
    # a family is a value built from codes and entries: making another one changes no rule
    before = [r.family for r in family]
    PhraseFamily([(r.code, r.entries) for r in family])
    assert [r.family for r in family] == before
