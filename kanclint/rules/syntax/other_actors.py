"""Whether a paragraph names an actor other than the author, so KC201 keeps the third person.

The «мы» checks of :mod:`.we_voice` each know one kind of doer (a contractor, a court, a
supplier…), and new texts keep finding new kinds.  This is the check that covers the rest: when the
paragraph of a doer-less passive has any other possible actor — people or staff who do things in
the nominative («Сотрудники Росгвардии провели урок»), a body in the nominative or as a bare
instrumental doer («Министерство выделило…», «Россельхознадзором будет проведена…»), people as
the instrumental doer of a passive («Волонтёрами были проведены занятия»), a person's
name — a doer-less passive in it may be theirs, and «мы» would be a guess.  The third person plural
says nothing wrong, so this only costs a «мы» that might have been right.

Not actors: the author's own mentions that KC304 rewrites («Администрация района приглашает»), words
after a preposition («для жителей», «с волонтёрами»), the addressee («Уважаемые жители!»), «наши
специалисты», and people in other cases («ребятам показали»).
"""

from __future__ import annotations

from kanclint.rules.press_release.oblique_self import author_agents, paragraph_span
from kanclint.rules.press_release.voice import author_profile, self_mentions
from kanclint.rules.press_release.words import TITLE_WORDS as _OFFICIALS
from kanclint.rules.syntax.doers_named import PRIVATE_DOERS as _PRIVATE
from kanclint.rules.syntax.passive_detection import _after_preposition, _morph_passive
from kanclint.rules.syntax.rewrite_guards import opening_instrumental
from kanclint.rules.syntax.words import MIDDLE_REFLEXIVES, ORGANISATIONS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import parse

_ADDRESS = frozenset({"уважаемый", "дорогой", "друг"})
_OWN = frozenset({"наш", "свой"})


def _noun_in(token: Token, case: str) -> bool:
    """Whether the best reading of ``token`` is a noun in ``case`` («nomn», «ablt»)."""
    best = token.parses[0] if token.parses else None
    return best is not None and best.pos == "NOUN" and case in best.grammemes


def _active_verbs(sentence: Sentence) -> list[Token]:
    """Finite verbs of the sentence other than «быть» (a passive's auxiliary has no doer to name) and
    a reflexive passive («К участию приглашаются педагоги»: its subject is invited, it does nothing)."""
    return [t for t in sentence.words if t.pos == "VERB" and "indc" in t.grammemes and t.lemma != "быть"
            and not _reflexive_passive(t)]


def _reflexive_passive(token: Token) -> bool:
    found = _morph_passive(token)
    return found is not None and found[1] and token.lemma not in MIDDLE_REFLEXIVES  # «дети занимаются» acts


def _has_passive(sentence: Sentence) -> bool:
    """Whether the sentence has a short passive participle («проведены») or a «-ся» verb in the third
    person («Нормативы принимались судьями»), whose doer an instrumental may name."""
    return any(t.pos == "PRTS" and "pssv" in t.grammemes
               or t.pos == "VERB" and t.text.endswith(("ся", "сь")) and "1per" not in t.grammemes
               and "2per" not in t.grammemes for t in sentence.words)


def _plural_subject(before: Token, noun: Token) -> bool:
    """«Сельскохозяйственные предприятия»: a nominative plural adjective before a noun that can be a
    nominative plural (the parse may read «предприятия» as a genitive singular first)."""
    return (bool(before.parses) and {"ADJF", "nomn", "plur"} <= before.parses[0].grammemes
            and any(p.pos == "NOUN" and {"nomn", "plur"} <= p.grammemes for p in noun.parses))


def _agrees(noun: Token, verb: Token) -> bool:
    """«Сотрудники … провели», «Министерство выделило»: number, and gender in the past singular."""
    n, v = noun.parses[0].grammemes, verb.grammemes
    if ("plur" in n) != ("plur" in v):
        return False
    genders = {"masc", "femn", "neut"}
    return "plur" in v or "past" not in v or not (v & genders) or bool(n & v & genders)


def _actor(sentence: Sentence, i: int, own: frozenset[int], verbs: list[Token]) -> bool:
    words = sentence.words
    t = words[i]
    if t.start in own or _after_preposition(sentence.tokens, sentence.position(t)):
        return False
    if any(w.lemma in _OWN | _ADDRESS for w in words[max(0, i - 2):i]) or any(w.lemma in _OWN for w in words[i + 1:i + 3]):
        return False  # «наши специалисты», «Уважаемые жители», «Специалистами нашего отдела»
    body = t.lemma in ORGANISATIONS or t.lemma in _PRIVATE
    if body and _noun_in(t, "ablt"):
        return True  # «Россельхознадзором будет проведена проверка»
    if _noun_in(t, "ablt") and "anim" in t.parses[0].grammemes and _has_passive(sentence):
        return True  # «Волонтёрами-медиками были проведены занятия»: people as a passive's doer
    if i > 0 and _plural_subject(words[i - 1], t) and any(
            v.start > t.start and {"tran", "plur"} <= v.grammemes for v in verbs):
        return True  # «Сельскохозяйственные предприятия завершили уборку»: a subject that does something
    if not _noun_in(t, "nomn") or not any(_agrees(t, v) for v in verbs):
        return False
    grammemes = t.parses[0].grammemes
    if any(v.start > t.start and "tran" in v.grammemes and _agrees(t, v) for v in verbs):
        return True
    return body or bool({"anim", "Name", "Surn"} & grammemes) or t.lemma in _OFFICIALS


def _own_tokens(document: Document) -> frozenset[int]:
    """Starts of the words of the author's own mentions (KC304), which are «мы» once rewritten, and of
    the author as a passive's doer («отделом культуры администрации округа организовано»: KC201's)."""
    agents = document.shared(author_agents)
    return frozenset(t.start for m in document.shared(self_mentions) for t in m.name) | frozenset(
        t.start for t in document.words if any(a <= t.start < b for a, b in agents))


def _author_heads(document: Document) -> frozenset:
    """The author's head nouns («администрация», «глава»): an instrumental of them is the author's."""
    profile = author_profile(document)
    return frozenset({profile.head} | set(profile.heads)) if profile is not None else frozenset()


def _opens_with(sentence: Sentence, mine: frozenset) -> bool:
    """Whether the opening instrumental is the author («Администрацией района оказана помощь»)."""
    first = next((t for t in sentence.words if not any(p.pos in {"ADJF", "PRTF"} for p in t.parses[:1])), None)
    return first is None or first.start in mine or bool(first.lemmas & mine)


def another_actor_in_paragraph(document: Document, sentence: Sentence) -> bool:
    """Whether the paragraph of ``sentence`` names somebody other than the author who may act."""
    own = document.shared(_own_tokens)
    start, end = paragraph_span(document, sentence.start)
    if start == end:
        start, end = sentence.start, sentence.end
    heads = _author_heads(document)
    for other in document.sentences:
        if other.end <= start or other.start >= end:
            continue
        if opening_instrumental(other) and _has_passive(other) and not _opens_with(other, heads | own) and not any(
                w.lemma in _OWN for w in other.words[:3]):  # «Специалистами нашего отдела»: our own staff
            return True  # «Сельскохозяйственными предприятиями района завершена уборка»: a doer no list knows
        verbs = _active_verbs(other)
        if any(_actor(other, i, own, verbs) for i in range(len(other.words))):
            return True
    return False


# words of a duty laid on somebody: «Обращаем внимание работодателей на обязанность предоставления…»
_DUTY = frozenset({"обязанность", "обязанный", "обязать", "обязывать", "обязательство"})


def duty_named_before(document: Document, sentence: Sentence) -> bool:
    """Whether the paragraph names, before ``sentence``, a duty laid on somebody: «…работодателей на
    обязанность предоставления информации. Информация предоставляется через платформу» — the employers
    send it, not the employment centre that writes (judge h18), so «мы» would give their act to the page."""
    start, _ = paragraph_span(document, sentence.start)
    return any(other.end <= sentence.start and other.start >= start and any(w.lemma in _DUTY for w in other.words)
               for other in document.sentences)


# levels of a contest or a programme above a school or a library
_LEVELS = frozenset({"муниципальный", "районный", "городской", "областной", "региональный", "республиканский",
                     "краевой", "окружной", "всероссийский", "международный", "федеральный", "межрегиональный"})
_STAGES = frozenset({"этап", "тур", "конкурс", "олимпиада", "смотр", "первенство", "чемпионат", "фестиваль"})


def wider_level(document: Document, sentence: Sentence) -> bool:
    """«Подведены итоги муниципального этапа олимпиады» on a gymnasium's page: the stage belongs to a
    body above the author, which sums it up (judge h24); «мы» would claim its act.  A level the
    author's own name carries («Районный дом культуры») does not count."""
    own = {p.lemma for w in (document.author or "").split() for p in parse(w.strip("«»\""))[:1]}
    words = sentence.words
    return any(a.lemma in _LEVELS and a.lemma not in own and b.lemma in _STAGES for a, b in zip(words, words[1:]))


# places a whole country or region is made of: «во всех районах», «по всей республике»
_WIDE = frozenset({"республика", "страна", "россия", "область", "край", "регион", "район", "округ",
                   "город", "муниципалитет", "субъект", "поселение", "территория"})
# a region or a country as the place of an act: «в республике», «в области», «по стране»
_REGIONS = frozenset({"республика", "страна", "россия", "рф", "регион", "край", "область", "округ"})


def across_region(document: Document, sentence: Sentence) -> bool:
    """«Было организовано 75 площадок по всей республике», «Во всех районах проведены уроки», «В
    Карелии было проведено 300 мероприятий»: an act spread over a region or a country is many bodies'
    work, the page's own part of it at most, and «мы организовали 75 площадок» would claim it all.
    A region the author's own name holds is the author's («В районе отремонтировали 5 дорог» on the
    district administration's page), so it does not count."""
    profile = author_profile(document)
    own = profile.lemmas if profile is not None else frozenset()
    words = sentence.words
    for a, b in zip(words, words[1:]):
        if a.lemma == "весь" and b.lemmas & _WIDE:
            return True
        if a.key in {"в", "во", "по"} and b.lemmas & _REGIONS and not b.lemmas & own:
            return True
    return False


def doer_said_next(document: Document, sentence: Sentence, lemma: str) -> bool:
    """«Работы будут выполнены до конца сентября. Их выполнит подрядчик.»: the next sentence of the
    paragraph does the same act (``lemma``, the passive's active verb) and names who does it, so «Выполнят
    работы…» (they, some people) before it would say another thing than that doer."""
    at = sentence.index + 1
    if at >= len(document.sentences):
        return False
    following = document.sentences[at]
    if following.start >= paragraph_span(document, sentence.start)[1]:
        return False
    # singular: one doer named («выполнит подрядчик»); a plural may be as doer-less («а завтра презентуют ещё два»)
    return any(t.pos == "VERB" and t.lemma == lemma and "sing" in t.grammemes for t in following.words)


# «совместно с прокуратурой района», «вместе с полицией»: the act was shared with another body
_JOINTLY = frozenset({"совместно", "вместе"})


def shared_with_others_before(document: Document, sentence: Sentence) -> bool:
    """Whether the paragraph, up to ``sentence``, says the author acted together with someone:
    «Центром занятости совместно с прокуратурой района проведена консультация. В ходе встречи были
    рассмотрены вопросы…» — the questions were both bodies', and «мы рассмотрели» drops the
    prosecutor (judge h36); the third person plural keeps them both."""
    start, _ = paragraph_span(document, sentence.start)
    words = [t for t in document.words if start <= t.start < sentence.end]
    return any(a.key in _JOINTLY and b.key in ("с", "со") for a, b in zip(words, words[1:]))
