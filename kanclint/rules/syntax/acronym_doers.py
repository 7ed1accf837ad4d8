"""An acronym next to a doer-less passive shows no case, so it may be the doer the detector missed:
«МФЦ района выдано 200 паспортов», «Подвоз воды организован МУП «Водоканал»», «… УФПС Республики
Бурятия организован пункт».  Said actively with the third person plural it would read as a plural
subject or an object; KC201 keeps the passive."""

from __future__ import annotations

from kanclint.text.document import Sentence, Token


def _acronym(token: Token) -> bool:
    """«МФЦ», «УФПС»: two or more capital letters and nothing else."""
    return len(token.text) >= 2 and token.text.isupper() and token.text.isalpha()


def acronym_opens(sentence: Sentence) -> bool:
    """«МФЦ района выдано 200 паспортов»: an opening acronym shows no case and may be the doer («МФЦ района выдали…»)."""
    words = sentence.words
    at = 0  # «Озёрской ЦРБ получен…»: an adjective in the instrumental before it is the acronym's
    while at < min(2, len(words) - 1) and any(p.pos == "ADJF" and "ablt" in p.grammemes for p in words[at].parses[:4]):
        at += 1
    if not words or not _acronym(words[at]):
        return False
    return not any(t.pos == "VERB" and not t.text.endswith(("ся", "сь")) and not (  # «ГИБДД напоминает»; but «ИФНС…
        t.lemma == "быть" and any(w.pos == "PRTS" for w in words[k + 1:k + 3])) for k, t in enumerate(words))  # будет проведён»


def acronym_after(sentence: Sentence, group: list[Token]) -> bool:
    """«Подвоз воды будет организован МУП «Водоканал»», «документация разработана ГАУ «Центр…»»: an
    acronym right after the verb, once the subject stood before it, shows no case and names the doer;
    «Подвоз воды организуют МУП» would make it a plural subject or an object."""
    at = sentence.position(group[-1]) + 1
    after = sentence.tokens[at] if at < len(sentence.tokens) else None
    return after is not None and after.is_word and _acronym(after)


def acronym_before(sentence: Sentence, group: list[Token]) -> bool:
    """«… жителям отдалённых сёл УФПС Республики Бурятия организован передвижной пункт»: an acronym
    just before the verb, with only its name's genitives between, shows no case and names the doer
    (judge h51); «… УФПС Республики Бурятия организовали пункт» would make it a plural subject."""
    at = sentence.position(group[0]) - 1
    seen = 0
    while at >= 0 and seen < 4 and sentence.tokens[at].is_word:
        word = sentence.tokens[at]
        if _acronym(word):
            return True
        if not (word.parses and "gent" in word.parses[0].grammemes or word.text[:1].isupper()):
            return False
        at -= 1
        seen += 1
    return False


def acronym_doer(sentence: Sentence, group: list[Token], subject_first: bool) -> bool:
    """An acronym after the verb once the subject stood before it, or before the verb when the subject follows."""
    return acronym_after(sentence, group) if subject_first else acronym_before(sentence, group)
