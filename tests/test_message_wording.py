"""What kanclint says reads as correct Russian whatever words it quotes from the post.

Messages insert the post's own words into templates; these tests run the linter over posts of
every kind (press releases, chatty posts, notices, caps, lists, English) and check the wording
properties an editor checks by eye: no doubled punctuation around quotations, no second «Проще:»
after a note that already says «проще», no example of other words passed off as a quotation of
the post, a phrase not called «слово», and «оценки нет» rather than «оценка нет из 10».
"""

import errno
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kanclint import lint
from kanclint.dictionaries import Entry
from kanclint.files.inputs import os_reason
from kanclint.rules.phrases.message import note_head, phrase_message

POSTS = [
    "В целях реализации национального проекта в школе № 3 состоялось торжественное открытие центра «Точка роста». "
    "В мероприятии приняли участие глава администрации района И.В. Смирнов и начальник управления образования "
    "О.А. Кузнецова.\n\nВ ходе торжественной церемонии Игорь Викторович отметил, что данный центр является "
    "важным шагом. Было осуществлено оснащение кабинетов.",
    "🎉 Друзья, привет!\n\nВ субботу в парке пройдёт фестиваль уличной еды 🍔.\n\nЧто будет:\n— мастер-классы;\n"
    "— конкурсы для детей;\n— живая музыка 🎸.\n\nВход свободный! Ждём всех!!!",
    "Уважаемые жители! Доводим до вашего сведения, что в связи с проведением аварийно-восстановительных работ "
    "14 марта будет осуществлено отключение холодного водоснабжения. Приносим извинения за временные неудобства.",
    "ВНИМАНИЕ!!! ЗАВТРА ОТКЛЮЧЕНИЕ ЭЛЕКТРОЭНЕРГИИ НА УЛИЦЕ МИРА. ПРОСИМ ОТНЕСТИСЬ С ПОНИМАНИЕМ.",
    "The city administration announces the annual spring cleanup on Saturday.",
    "Состоялось.",
    "— паспорт;\n— СНИЛС;\n— полис ОМС.",
    "Это было поистине уникальное событие! Огромное количество жителей пришли. Абсолютно все остались "
    "в восторге. Это невероятно значимое достижение!",
    "Возможно, в ближайшее время будет рассмотрена возможность нового рейса. По всей видимости, решение "
    "может быть принято до конца месяца. Как представляется, это поможет.",
    "Главная цель — совместно сотрудничать с вузами. Мы вернулись обратно к старой практике. "
    "Свободная вакансия инженера открыта.",
    "ОМСУ совместно с ГИБДД провели рейд. В ходе рейда выявлено 15 нарушений. Информация направлена в КДН.",
    "В связи с понижением температуры наружного воздуха с 20 сентября начинается отопительный сезон. "
    "Подача тепла будет производиться поэтапно.",
    "Напоминаем о необходимости прохождения вакцинации против гриппа. При себе необходимо иметь паспорт.",
    "На сегодняшний день в районе функционирует 12 школ. В текущем году планируется завершить стройку.",
    "Хотелось бы отметить, что следует подчеркнуть важность данного вопроса. Как известно, работа ведётся.",
    "Мероприятие прошло в тёплой, дружественной атмосфере. Участники получили заряд положительных эмоций.",
    "# Приём граждан\n\n**Внимание!** Изменился график приёма.\n\n* Понедельник: 9:00–13:00\n* Среда: 14:00–18:00",
    "Администрация города поздравляет жителей с Днём города! Администрация желает всем здоровья.",
    "В целях улучшения обслуживания по причине нарушения сроков будут приняты меры. В рамках работы "
    "по линии соцзащиты помощь оказана 40 семьям.",
    "Привет! Мы открыли площадку во дворе. Приходите гулять! Если что-то сломается, пишите нам.",
]

_DOUBLED = [
    (r"\.»\.", "full stop inside and after the quotation"),
    (r"(?<![.!?])[!?]\.(?!\.)", "«!.» or «?.»"),
    (r"(?<![.…])\.\.(?!\.)", "two full stops"),
    (r",\.|;\.|:\.", "a comma or colon before a full stop"),
    (r" [.,;:!?]", "a space before punctuation"),
    (r"«»", "an empty quotation"),
    (r"  ", "a double space"),
]


def _messages():
    for post in POSTS:
        report = lint(post)
        for d in report.diagnostics:
            yield post, d.code, d.message


@pytest.mark.parametrize("pattern, what", _DOUBLED, ids=[w for _, w in _DOUBLED])
def test_no_doubled_punctuation(pattern, what):
    bad = [(code, m) for _, code, m in _messages() if re.search(pattern, m)]
    assert bad == [], what


SENTENCES = [s for post in POSTS for s in re.split(r"(?<=[.!?])\s+", post) if s.strip()]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.sampled_from([" ", "\n\n", "\n"]))
def test_any_mix_of_sentences_keeps_the_wording_clean(sentences, joint):
    """Whatever the neighbours of a phrase, its message keeps clean punctuation and one «Проще:»."""
    for d in lint(joint.join(sentences)).diagnostics:
        for pattern, what in _DOUBLED:
            assert not re.search(pattern, d.message), (what, d.message)
        assert not re.search(r"проще.*Проще:|Проще:.*Проще:", d.message, re.S | re.I), d.message


def test_one_proshche_per_message():
    """A note that says «проще» is followed by «Здесь:», never by a second «Проще:»."""
    bad = [m for _, _, m in _messages() if re.search(r"проще.*Проще:|Проще:.*Проще:", m, re.S | re.I)]
    assert bad == []


def test_no_english_in_messages():
    allowed = {"kanclint", "we", "true", "author"}
    bad = [m for _, _, m in _messages() if set(re.findall(r"[A-Za-z][A-Za-z-]+", m)) - allowed]
    assert bad == []


def test_an_example_in_a_note_is_said_to_be_one():
    """«В ходе встречи» — это … is not a quotation of «В ходе рейда»."""
    post = "ОМСУ провели рейд. В ходе рейда выявлено 15 нарушений."
    d = next(d for d in lint(post).diagnostics if d.code == "KC104")
    assert d.message.startswith("Громоздкий составной предлог: «В ходе». Например, «в ходе встречи» — ")


def test_a_note_about_the_found_words_is_kept():
    assert note_head("Канцелярское слово", "«Данный» звучит как в приказе.", "данной") == "«Данный» звучит как в приказе."
    assert note_head("Оценка без фактов", "«Уникальный» — оценка без доказательства.", "уникальное событие") == (
        "«Уникальный» — оценка без доказательства.")


def test_a_note_that_never_names_the_words_gets_them_named():
    head = note_head("Оценка без фактов", "Лучше скажите, что изменится для людей.", "значимое")
    assert head == "Оценка без фактов: «значимое». Лучше скажите, что изменится для людей."


def test_several_words_are_a_phrase_not_a_word():
    head = note_head("Канцелярское слово", None, "твёрдых коммунальных отходов")
    assert head == "Канцелярский оборот: «твёрдых коммунальных отходов»."
    assert note_head("Канцелярское слово", None, "имеются") == "Канцелярское слово: «имеются»."


def test_no_second_proshche_after_a_note_that_says_it():
    entry = Entry(id="x", patterns=(), replacements=(), note="«В связи с» проще сказать «из-за».")
    message = phrase_message("Громоздкий составной предлог", entry, "в связи с", [("из-за морозов", True)], [])
    assert message.endswith("Здесь: «из-за морозов».")


def test_an_example_keeps_a_names_capital():
    head = note_head("Газетный штамп", "«Москва встречает гостей» — штамп.", "город гостеприимно встречает")
    assert "Например, «Москва встречает гостей»" in head


def test_no_score_says_so_in_russian(tmp_path):
    post = tmp_path / "english.txt"
    post.write_text("The city administration announces the annual spring cleanup.\n", encoding="utf-8")
    for fmt in ("full", "concise"):
        out = subprocess.run([sys.executable, "-m", "kanclint", "--output-format", fmt, "--color", "never", str(post)],
                             capture_output=True, text=True)
        assert "оценки нет" in out.stdout and "оценка нет" not in out.stdout
    rewrite = subprocess.run([sys.executable, "-m", "kanclint", "rewrite", str(post)], capture_output=True, text=True)
    assert "— оценки нет" in rewrite.stdout and "нет → нет" not in rewrite.stdout


def test_gate_lists_the_lost_points_inside_one_sentence():
    """«…потеряно здесь: пресс-релиз (2 находки, −1.5); …», never «здесь: Пресс-релиз: 2 находки»."""
    from kanclint import gate

    verdict = gate(POSTS[0], min_score=9.0)
    tail = verdict.explanation.split("потеряно здесь: ", 1)[1].split(". Начните", 1)[0]
    assert ": " not in tail and tail[:1].islower()
    assert re.fullmatch(r"[^;]+ \([^()]+\)(; [^;]+ \([^()]+\))*", tail), tail


@pytest.mark.parametrize("args, said", [
    (["--fail-under", "11"], "kanclint: неверное значение --fail-under: 11.0 — нужно от 0 до 10."),
    (["--fail-under", "abc"], "kanclint: неверное значение --fail-under: «abc» — нужно число."),
    (["--output-format", "xml"], "kanclint: неверное значение --output-format: «xml» — можно: full, concise,"),
    (["--colr", "never"], "kanclint: нет параметра --colr. Может быть, --color?"),
    (["rule"], "kanclint: не хватает аргумента КОД."),
    (["dictionaries", "nope"], "kanclint: нет команды «nope»."),
])
def test_usage_errors_are_russian(tmp_path, args, said):
    """click's own «Error: Invalid value for …» and «Try … for help» never reach the user."""
    post = tmp_path / "post.txt"
    post.write_text("Мы открыли каток.\n", encoding="utf-8")
    if args[0] not in ("rule", "dictionaries"):
        args = [*args, str(post)]
    out = subprocess.run([sys.executable, "-m", "kanclint", *args], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith(said), out.stderr
    assert "kanclint check --help" in out.stderr or "kanclint rule --help" in out.stderr or "dictionaries --help" in out.stderr
    assert not re.search(r"Error|Try |Invalid|Usage|No such|Missing", out.stderr), out.stderr


@pytest.mark.parametrize("toml, said", [
    ("[tool.kanclint]\nselect = [\n", "не удалось прочитать TOML: ошибка в конце файла"),
    ('select = "KC1\n', "не удалось прочитать TOML: ошибка в строке 1, столбце 14"),
])
def test_broken_config_is_explained_in_russian(tmp_path, toml, said):
    """tomllib's «Invalid value (at end of document)» is said as the place of the error."""
    (tmp_path / "kanclint.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "post.txt").write_text("Мы открыли каток.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kanclint", "post.txt"], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 2 and said in out.stderr, out.stderr
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", out.stderr.replace(str(tmp_path), "")), out.stderr


def test_dictionary_check_speaks_russian(tmp_path):
    broken = tmp_path / "mine.toml"
    broken.write_text('[rule]\ncode = "KC901"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kanclint", "dictionaries", "check", str(broken)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 1
    assert "в [rule] не хватает ключей: category" in out.stdout + out.stderr


def test_common_system_errors_are_said_in_russian():
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "нет прав"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "на диске нет места"
    assert os_reason(OSError(errno.EROFS, "Read-only file system")) == "файловая система только для чтения"
    assert os_reason(OSError(errno.EMLINK, "Too many links")) == "Too many links"  # rare: the system's words
