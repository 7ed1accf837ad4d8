"""The dictionary machinery, on small dictionaries written by the tests themselves."""

import pytest

from kanclint.text.document import Document
from kanclint.dictionaries import DictionaryError, LazyExamples, read_dictionary
from kanclint.rules.phrases import example_problems, load, verified_entries
from kanclint.engine.fixes import apply_fix
from kanclint.rules.phrases import PhraseRule

ENTRIES = '''
[[entry]]
id = "dannyj"
pattern = "{данный:ADJF}"
replacements = ["{этот}"]
safe = true
guards = ["{данные:NOUN}"]
examples = [
  { bad = "В [данной] программе участвуют все школы.", fix = "В этой программе участвуют все школы." },
  { good = "Эти данные обновляются каждый день." },
]

[[entry]]
id = "v-dannom-sluchae"
pattern = "в {данный} {случай}"
replacements = ["в {этот} {случай}"]
safe = true
examples = [
  { bad = "[В данном случае] звоните.", fix = "В этом случае звоните." },
  { good = "В этом случае звоните." },
]

[[entry]]
id = "sleduet-otmetit"
pattern = "следует отметить , что"
replacements = [""]
safe = true
examples = [
  { bad = "[Следует отметить, что] парк открыт до 22:00.", fix = "Парк открыт до 22:00." },
  { good = "Отметить это следует." },
]

[[entry]]
id = "osushchestvlyat-kontrol"
pattern = "{осуществлять|осуществить} контроль за"
replacements = ["{следить} за", "{контролировать}"]
examples = [
  { bad = "Мы [осуществляем контроль за] ходом ремонта.", fix = "Мы следим за ходом ремонта." },
  { good = "Контроль за ремонтом — наша задача." },
]
'''


def rule_for(make_dictionary, entries=ENTRIES):
    d = read_dictionary(make_dictionary(entries))
    return d, PhraseRule(d.spec, d.entries)


def lint_rule(rule, text):
    return list(rule.check(Document(text, skip=())))


def test_examples_of_a_good_dictionary_pass(make_dictionary):
    d, _ = rule_for(make_dictionary)
    assert d.problems == []
    for e in d.entries:
        assert example_problems(d.spec, e) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Данная программа для всех.", "Эта программа для всех."),
        ("ДАННАЯ ПРОГРАММА ДЛЯ ВСЕХ", "ЭТА ПРОГРАММА ДЛЯ ВСЕХ"),
        ("О данной программе расскажем.", "Об этой программе расскажем."),
        ("В ДАННОМ СЛУЧАЕ звоните.", "В ЭТОМ СЛУЧАЕ звоните."),
        ("😀 Данное решение приняли вместе.", "😀 Это решение приняли вместе."),
        ("Сотрудники осуществляли контроль за ходом работ.", "Сотрудники следили за ходом работ."),
        ("Парк, следует отметить, что открыт.", "Парк открыт."),
    ],
)
def test_replacements_agree_and_keep_capitalisation(make_dictionary, text, expected):
    _, rule = rule_for(make_dictionary)
    found = lint_rule(rule, text)
    assert found, text
    assert apply_fix(text, found[0].fix) == expected


def test_longest_match_wins_within_a_rule(make_dictionary):
    _, rule = rule_for(make_dictionary)
    found = lint_rule(rule, "В данном случае звоните.")
    assert [(d.match, d.entry) for d in found] == [("В данном случае", "v-dannom-sluchae")]


def test_guard_suppresses_domain_term(make_dictionary):
    _, rule = rule_for(make_dictionary)
    assert lint_rule(rule, "Данные обновляются ежедневно.") == []


def test_alternatives_become_suggestions_and_message_names_them(make_dictionary):
    _, rule = rule_for(make_dictionary)
    d = lint_rule(rule, "Мы осуществляем контроль за ремонтом.")[0]
    assert d.suggestions == ("контролируем",)
    assert "следим за" in d.message and "контролируем" in d.message
    assert d.fix.applicability.value == "unsafe"  # the entry is not marked safe


def test_ambiguous_agreement_makes_an_unsafe_fix(make_dictionary):
    entries = '''
[[entry]]
id = "sredstva"
pattern = "{денежный} {средство}"
replacements = ["{деньги@2}"]
safe = true
examples = [
  { bad = "Собрали [денежные средства] на ремонт.", fix = "Собрали деньги на ремонт." },
  { good = "Средства защиты выдали." },
]
'''
    d, rule = rule_for(make_dictionary, entries)
    assert example_problems(d.spec, d.entries[0]) == []
    found = lint_rule(rule, "Собрали денежные средства на ремонт.")
    # «средства» may be nominative or accusative: «деньги» is the same in both, so it stays safe
    assert found[0].fix.applicability.value == "safe"
    found = lint_rule(rule, "Не хватает денежных средств.")
    assert apply_fix("Не хватает денежных средств.", found[0].fix) == "Не хватает денег."


def test_failing_entry_is_reported_with_file_and_line_and_left_out(make_dictionary, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    entries = ENTRIES + '''
[[entry]]
id = "broken"
pattern = "{вышеуказанный}"
replacements = ["этот"]
examples = [
  { bad = "Обратитесь по [вышеуказанному адресу].", fix = "Обратитесь по этому адресу." },
  { good = "Адрес выше." },
]
'''
    path = make_dictionary(entries)
    d = read_dictionary(path)
    entries_ok, problems = verified_entries(d)
    assert [e.id for e in entries_ok] == ["dannyj", "v-dannom-sluchae", "sleduet-otmetit", "osushchestvlyat-kontrol"]
    assert len(problems) == 1 and "broken" in problems[0]
    line = path.read_text(encoding="utf-8").splitlines().index('id = "broken"') + 1
    assert f"{path}:{line}" in problems[0]
    # load() compiles, verifies and caches the file; a new process reads the verdict from the cache
    loaded, loaded_problems = load(str(path))
    assert [e.id for e in loaded.entries] == [e.id for e in entries_ok] and list(loaded_problems) == problems
    assert list((tmp_path / "cache" / "kanclint").glob("dictionary-*.json"))
    load.cache_clear()
    again, problems_again = load(str(path))
    assert again.entries == loaded.entries and problems_again == loaded_problems


@pytest.mark.parametrize(
    "entry, message",
    [
        ('[[entry]]\nid = "x"\npattern = "{слово:BAD}"\nexamples=[{bad="[слово]"},{good="нет"}]', "неизвестная граммема"),
        ('[[entry]]\nid = "x"\npattern = "слово"\nexamples=[{bad="[слово]"}]', "хотя бы один пример `bad` и один `good`"),
        ('[[entry]]\nid = "x"\npattern = "слово"\ncolour = 1\nexamples=[{bad="[слово]"},{good="нет"}]', "неизвестный ключ colour"),
        ('[[entry]]\nid = "x"\npattern = "слово"\nreplacements=["{a@3}"]\nexamples=[{bad="[слово]"},{good="нет"}]', "slot 3"),
        ('[[entry]]\nid = "X y"\npattern = "слово"\nexamples=[{bad="[слово]"},{good="нет"}]', "строчными"),
        ('[[entry]]\nid = "x"\npattern = "слово"\nexamples=[{bad="слово"},{good="нет"}]', "ровно одну фразу"),
    ],
)
def test_entry_errors_name_the_entry(make_dictionary, entry, message):
    d = read_dictionary(make_dictionary(entry))
    assert d.entries == []
    assert len(d.problems) == 1 and message in d.problems[0] and "запись `" in d.problems[0]


def test_file_level_errors(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[rule\ncode=1", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.toml: ошибка TOML: ошибка в строке"):
        read_dictionary(bad)
    bad.write_text('[rule]\ncode = "KC1"\n', encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"в \[rule\] не хватает ключей"):
        read_dictionary(bad)


def test_load_is_cached_per_process(make_dictionary):
    path = str(make_dictionary(ENTRIES))
    assert load(path) is load(path)


def test_dependent_moves_to_the_case_the_new_verb_governs(make_dictionary):
    entries = '''
[[entry]]
id = "proizvesti-zamenu"
pattern = "{произвести} замену <NOUN,gent>"
replacements = ["{заменить} <1:accs>"]
examples = [
  { bad = "Рабочие [произвели замену труб] в подвале.", fix = "Рабочие заменили трубы в подвале." },
  { good = "Замена труб прошла быстро." },
]
'''
    d, rule = rule_for(make_dictionary, entries)
    assert d.problems == [] and example_problems(d.spec, d.entries[0]) == []
    text = "Бригада произвела замену окна."
    found = lint_rule(rule, text)
    assert apply_fix(text, found[0].fix) == "Бригада заменила окно."


def test_angle_reference_beyond_the_pattern_is_an_error(make_dictionary):
    entries = '''
[[entry]]
id = "x"
pattern = "{произвести} замену"
replacements = ["{заменить} <1:accs>"]
examples = [{ bad = "[произвели замену]" }, { good = "нет" }]
'''
    d = read_dictionary(make_dictionary(entries))
    assert d.entries == [] and "<1>" in d.problems[0]


def test_carried_adjective_agrees_with_its_noun(make_dictionary):
    entries = '''
[[entry]]
id = "yavlyaetsya"
pattern = "{являться:VERB,pres} <ADJF,ablt> <NOUN,ablt>"
replacements = ["— <1:nomn> <2:nomn>"]
examples = [
  { bad = "Парк [является любимым местом] горожан.", fix = "Парк — любимое место горожан." },
  { good = "Парк — любимое место горожан." },
]

[[entry]]
id = "oznakomitsya"
pattern = "{ознакомиться:INFN} с <ADJF,ablt> <NOUN,ablt>"
replacements = ["посмотреть <1:accs> <2:accs>"]
examples = [
  { bad = "Предлагаем [ознакомиться с новыми правилами].", fix = "Предлагаем посмотреть новые правила." },
  { good = "Посмотрите новые правила." },
]
'''
    d, _ = rule_for(make_dictionary, entries)
    for e in d.entries:
        assert example_problems(d.spec, e) == []


def test_one_letter_prepositions_are_not_nouns():
    from kanclint.text.document import Document

    doc = Document("В лесу запрещается разводить костры.")
    assert "NOUN" not in {p.pos for p in doc.words[0].parses}


def test_second_locative_comma_replacement_and_suggestion_only(make_dictionary):
    entries = '''
[[entry]]
id = "tekushchij-god"
pattern = "в {текущий} {год}"
replacements = ["в {этот} {год}"]
examples = [
  { bad = "[В текущем году] откроем каток.", fix = "В этом году откроем каток." },
  { good = "В этом году откроем каток." },
]

[[entry]]
id = "pri-uslovii"
pattern = "при условии , что"
replacements = [", если"]
examples = [
  { bad = "Скидку дадут [при условии, что] вы придёте заранее.", fix = "Скидку дадут, если вы придёте заранее." },
  { good = "Скидку дадут, если вы придёте заранее." },
]

[[entry]]
id = "v-svyazi-s"
pattern = "в связи с"
replacements = ["из-за"]
autofix = false
examples = [
  { bad = "[В связи с] 8 Марта магазин закрыт." },
  { good = "Из-за праздника магазин закрыт." },
]
'''
    d, rule = rule_for(make_dictionary, entries)
    for e in d.entries:
        assert example_problems(d.spec, e) == []
    found = lint_rule(rule, "В связи с 8 Марта магазин закрыт.")
    assert found[0].fix is None and found[0].suggestions == ("Из-за",)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Мы открыли окно, тем самым очередь стала короче.", "Мы открыли окно, очередь стала короче."),
        ("Тем самым «зелёный коридор» работает до 10 утра.", "«Зелёный коридор» работает до 10 утра."),
        ("Парк, тем самым, открыт.", "Парк открыт."),
    ],
)
def test_deletion_keeps_punctuation_and_capitals(make_dictionary, text, expected):
    entries = '''
[[entry]]
id = "tem-samym"
pattern = "тем самым"
replacements = [""]
examples = [
  { bad = "[Тем самым] мы помогли.", fix = "Мы помогли." },
  { good = "Самым тёплым днём." },
]
'''
    _, rule = rule_for(make_dictionary, entries)
    found = lint_rule(rule, text)
    assert apply_fix(text, found[0].fix) == expected


def test_suppletive_superlative_is_not_invented():
    from kanclint.text.inflection import inflect_word
    from kanclint.text.morphology import parse

    target = next(p for p in parse("прекрасную") if p.pos == "ADJF")
    assert inflect_word("лучший", target) in (None, "лучшую")


def test_prepositions_follow_the_new_word_and_comma_led_replacement_at_sentence_start(make_dictionary):
    entries = '''
[[entry]]
id = "meropriyatie"
pattern = "{мероприятие:plur}"
replacements = ["{встреча}"]
examples = [
  { bad = "Приходите на [мероприятия] в библиотеку.", fix = "Приходите на встречи в библиотеку." },
  { good = "Приходите на встречи." },
]

[[entry]]
id = "v-sluchae-esli"
pattern = "в случае , если"
replacements = [", если"]
examples = [
  { bad = "Позвоните нам [в случае, если] вопрос не решён.", fix = "Позвоните нам, если вопрос не решён." },
  { good = "Позвоните, если вопрос не решён." },
]
'''
    _, rule = rule_for(make_dictionary, entries)
    for text, expected in [
        ("Все участвуют в мероприятиях.", "Все участвуют во встречах."),
        ("Мы знакомимся с мероприятиями.", "Мы знакомимся со встречами."),
        ("В случае, если вопрос не решён, позвоните.", "Если вопрос не решён, позвоните."),
    ]:
        found = lint_rule(rule, text)
        assert apply_fix(text, found[0].fix) == expected


def test_cached_entries_read_their_examples_from_the_file_only_when_asked(make_dictionary, tmp_path, monkeypatch):
    """The compiled cache holds no examples (a third of its size); the tests and docs still see them all."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = make_dictionary(ENTRIES)
    parsed = {e.id: tuple(e.examples) for e in read_dictionary(path).entries}
    load(str(path))
    cache_files = list((tmp_path / "cache" / "kanclint").glob("dictionary-*.json"))
    assert cache_files
    first_example = next(iter(parsed.values()))[0].text
    assert all(first_example not in f.read_text(encoding="utf-8") for f in cache_files)
    load.cache_clear()
    cached, _ = load(str(path))
    assert all(isinstance(e.examples, LazyExamples) for e in cached.entries)
    assert {e.id: tuple(e.examples) for e in cached.entries} == parsed
    assert all(example_problems(cached.spec, e) == [] for e in cached.entries)
