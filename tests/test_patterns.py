import pytest

from kanclint.text.document import Document
from kanclint.patterns import Matcher, PatternError, compile_pattern


def find(pattern: str, text: str) -> list[str]:
    m: Matcher[str] = Matcher()
    m.add(compile_pattern(pattern), pattern)
    doc = Document(text, skip=())
    return [text[x.start:x.end] for s in doc.sentences for x in m.find(s)]


def test_whole_words_only():
    assert find("тот факт", "Этот факт радует.") == []
    assert find("тот факт", "Тот факт, что все пришли, радует.") == ["Тот факт"]


def test_yo_and_ye_match_both_ways():
    assert find("за счёт", "Оплатили за счет бюджета.") == ["за счет"]
    assert find("за счет", "Оплатили за счёт бюджета.") == ["за счёт"]
    assert find("{ёлка}", "Елку поставили.") == ["Елку"]


def test_lemma_slot_matches_every_inflection_and_fixed_words_stay_fixed():
    assert find("{иметь} место", "Нарушения имели место.") == ["имели место"]
    assert find("{иметь} место", "Мы имеем места для всех.") == []


def test_grammemes_restrict_readings():
    assert find("{данный:ADJF}", "Данная программа.") == ["Данная"]
    assert find("{данный:ADJF} {программа:plur}", "Данная программа.") == []


def test_any_word_and_gaps():
    assert find("<NOUN,gent> <NOUN,gent>", "Для обеспечения безопасности.") == ["обеспечения безопасности"]
    assert find("{оказать} *2 {помощь}", "Мы оказали большую срочную помощь.") == ["оказали большую срочную помощь"]
    assert find("{оказать} *1 {помощь}", "Мы оказали большую срочную помощь.") == []


def test_alternatives():
    assert find("в мае|июне месяце", "Ремонт закончим в июне месяце.") == ["в июне месяце"]


def test_never_crosses_a_sentence_or_a_bracket():
    assert find("в связи", "Мы будем в. Связи нет.") == []
    assert find("в связи", "Мы будем в (связи нет).") == []


def test_abbreviation_with_dots():
    assert find("и т.д.", "Книги, журналы и т. д. ждут вас.") == ["и т. д"]


@pytest.mark.parametrize("bad", ["{данный:XYZ}", "*9 слово", "слово *2", "{}", "{a@b}"])
def test_bad_patterns_are_rejected(bad):
    with pytest.raises(PatternError):
        compile_pattern(bad)


def test_the_plain_walk_of_a_gapless_pattern_answers_as_the_backtracking_one():
    from kanclint.patterns import _match_at, match_at
    from kanclint.rules.phrases.loading import shipped_rules

    doc = Document("Данная программа, по сути, была реализована в целях обеспечения безопасности "
                   "населения; в рамках реализации проекта — в том числе — оказали помощь.", skip=())
    patterns = [p for rule in shipped_rules() for e in rule.entries for p in (*e.patterns, *e.guards)]
    gapless = [p for p in patterns if p.gapless]
    assert len(gapless) > 100 and len(gapless) < len(patterns)  # both kinds exist
    found = 0
    for sentence in doc.sentences:
        words, links = sentence.linked_words
        for p in gapless:
            for i in range(len(words) + 1):
                plain = match_at(p, words, links, i)
                assert plain == _match_at(p.items, 0, words, links, i, [], {})
                found += plain is not None
    assert found >= 3


def test_numb_matches_a_number_in_digits_only():
    assert find("<NUMB> {наименование}", "Закупили 40 наименований лекарств.") == ["40 наименований"]
    assert "3 500 наименований" in find("<NUMB> *1 {наименование}", "Перевели 3 500 наименований.")
    assert find("<NUMB> {наименование}", "Закупили сорок наименований.") == []
    assert find("<NOUN> {наименование}", "Закупили 40 наименований.") == []  # digits are no noun
