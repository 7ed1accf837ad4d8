from kanclint.text.document import Document


def test_tokens_are_code_point_slices_of_the_original_text():
    text = "😀👍🏽 Ёлка во дворе!\r\nПриходите 🎄 в субботу."
    doc = Document(text)
    assert doc.tokens
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
    assert [t.text for t in doc.words][:2] == ["Ёлка", "во"]


def test_lemmas_fold_yo_but_text_keeps_it():
    doc = Document("Ёлку привезли за счёт спонсора.")
    yolka = doc.words[0]
    assert yolka.text == "Ёлку"
    assert "елка" in yolka.lemmas
    assert any(t.key == "счет" for t in doc.words)


def test_sentences_split_at_list_lines_and_keep_wrapped_lines():
    text = "Что будет:\n- концерт\n- ярмарка\nАдминистрации поселений и\nподведомственные учреждения обеспечивают."
    doc = Document(text)
    got = [text[s.start:s.end] for s in doc.sentences]
    assert "- концерт" in got and "- ярмарка" in got
    assert "Администрации поселений и\nподведомственные учреждения обеспечивают." in got


def test_paragraphs_are_blank_line_blocks():
    text = "Первый абзац.\nЕщё строка.\n\n\nВторой абзац."
    doc = Document(text)
    assert [text[p.start:p.end] for p in doc.paragraphs] == ["Первый абзац.\nЕщё строка.", "Второй абзац."]


def test_protected_kinds():
    text = (
        "Пишите на info@school.ru или в @school_news, сайт https://school.ru/page и tal-alt.ru. "
        "#ДеньЗнаний 😀\n"
        "Глава сказал: «Данный объект важен».\n"
        "— Данный вопрос решим, — ответил директор.\n"
        "«Это подтверждение того, что аккаунт официальный», — рассказала руководитель."
    )
    doc = Document(text)
    kinds = {k for _, _, k in doc.protected_spans}
    assert kinds == {"emails", "mentions", "urls", "hashtags", "emoji", "quotes"}
    for word in ("Данный объект", "Данный вопрос", "Это подтверждение"):
        i = text.index(word)
        assert doc.is_protected(i, i + len(word)), word
    i = text.index("Пишите")
    assert not doc.is_protected(i, i + 6)


def test_skip_can_be_narrowed():
    text = "Глава сказал: «Данный объект важен»."
    doc = Document(text, skip=("urls",))
    i = text.index("Данный")
    assert not doc.is_protected(i, i + 6)


def test_empty_and_whitespace_documents_have_no_tokens():
    for text in ("", "   \n\n  "):
        doc = Document(text)
        assert doc.tokens == () and doc.paragraphs == ()


def test_emoji_glued_to_a_word_is_split_off():
    text = "😀Данная акция ❗️В целях безопасности"
    doc = Document(text)
    assert [t.text for t in doc.tokens][:2] == ["😀", "Данная"]
    assert "В" in [t.text for t in doc.words]
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
