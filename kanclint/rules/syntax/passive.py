"""KC201 passive-voice: the rule, its plan per sentence and its message."""

from __future__ import annotations

import bisect
from typing import Iterator

from kanclint.model import Applicability, Diagnostic, Edit, Fix, Severity
from kanclint.rules.base import Rule
from kanclint.rules.phrases.cleaning import clean_phrase
from kanclint.rules.syntax.gender_guess import guesses_gender
from kanclint.rules.syntax.stranded import agent_attached_elsewhere
from kanclint.rules.syntax.active_rewrite import PLAIN_PASSIVES, _active_verbs, _plain_pair, _verb_group
from kanclint.rules.syntax.bare_works import made_rewrite
from kanclint.rules.syntax.celebrated import celebrated, holiday_kept
from kanclint.rules.syntax.impersonal_rewrite import doerless_rewrite
from kanclint.rules.syntax.joined import joined_passives
from kanclint.rules.syntax.passive_lists import rewrite_together
from kanclint.rules.syntax.reader_sends import may_tell_reader, reader_or_plain, short_notice_to_reader
from kanclint.rules.syntax.missed_doers import (doer_after_opening, help_given, implied_doer, named_doer_before, relative_doer_before,
                                                set_phrase_passive)
from kanclint.rules.syntax.substantive_doers import substantive_doer_before
from kanclint.rules.syntax.we_voice import is_author, speaks_as_i, speaks_of_itself
from kanclint.text.our_voice import in_we_form
from kanclint.rules.syntax.rewrite_choice import advice_in_we_form, agent_rewrite, clean_rewrite
from kanclint.rules.press_release.speaker import speaker
from kanclint.rules.syntax.morph import _reading, _verb_form, feminine_too
from kanclint.rules.syntax.rewrite_guards import applicant_in_person, doer_shared_after, opening_instrumental, parallel_passive
from kanclint.rules.syntax.doer_phrase import agent_nominative
from kanclint.rules.syntax.doer_inside import doer_inside_subject
from kanclint.rules.syntax.doer_last import doer_closes_clause
from kanclint.rules.syntax.passive_object import object_accusative, object_tokens
from kanclint.rules.syntax.passive_detection import (
    unlike_conjunct, means_not_doer, told_as_report, _after_preposition, _has_passive_kids, _is_agent, _morph_passive,
    future_passive_infinitive, _morph_subject, _Passive, free_agents, morph_passives)
from kanclint.rules.syntax.spans import _adjoin
from kanclint.rules.syntax.words import (
    _AGENT_RELS,
    _PARTICLES_BEFORE_AUX,
    _UNSURE_RELS,
    EMPTY_VERBS,
    MIDDLE_REFLEXIVES,
    PRONOUN_AGENTS,
    ROLE_VERBS,
    ROLES_OF_PEOPLE,
    SELF_ROLES,
    STATE_PARTICIPLES,
)
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise
from kanclint.text.syntax_view import _NO_SYNTAX, _Node, _Syntax, _syntax


def thing_made(found: _Passive) -> bool:
    """«Открытки были сделаны юнармейцами»: with a thing as the subject the instrumental of
    «сделать», «оставить» names who did it, not a role («сделан старостой»)."""
    subject = found.subject
    if found.lemma not in ROLES_OF_PEOPLE or subject is None or subject.text[:1].isupper():
        return False
    nouns = [p for p in subject.parses if p.pos == "NOUN" and "nomn" in p.grammemes]
    return bool(nouns) and all("inan" in p.grammemes for p in nouns)


def _self_form(document: Document, sentence: Sentence, lemma: str, tense: str) -> str | None:
    """«Мы заполнили», or «Я заполнил(а)» in a paragraph written as «я» (a deputy's, a head's): the
    hint speaks as the post does (read per paragraph, as an editor re-lints one paragraph)."""
    if not speaks_as_i(document, sentence):
        return clean_phrase(f"Мы {_verb_form(lemma, tense, '1per', 'plur', None) or ''}".strip())
    gender = speaker(document)[2]
    form = _verb_form(lemma, tense, "1per", "sing", gender or "masc") or ""
    said = clean_phrase(f"Я {form}".strip())
    if said and tense == "past" and gender is None:
        said = feminine_too(said) or said
    return said


class PassiveVoice(Rule):
    """KC201: the passive hides who acted, and a post is about who acts for the reader.

    A doer in the instrumental («решение принимается комиссией») means the
    active sentence is right there: that is a warning.  Without a doer the
    passive may be fine, so it is only a hint, and short notices («магазин
    закрыт», «приём продлён») and state participles are not flagged at all.
    """

    code = "KC201"
    fix_safety = (
        "Исправление всегда требует проверки (`--fix --unsafe-fixes`): пассив переписывается в актив "
        "(«решение принято комиссией» → «комиссия приняла решение») или в неопределённо-личную форму "
        "(«жителям будет оказана помощь» → «жителям помогут», «старые трубы заменены» → «старые трубы заменили», "
        "«работы проведены» → «провели работы», «праздник отмечается» → «праздник отмечают»); если "
        "в настройках сказано, что пост пишет сама организация (`we = true` или `author = \"…\"`) и пост "
        "уже говорит «мы» («мы», «наш», «приглашаем» или название организации-автора), — от первого лица: "
        "«мы провели работы» (иначе пассив мог описывать дела партнёров, и остаётся «провели»). «Была "
        "произведена замена труб» → «заменили трубы». Разбор может ошибиться в исполнителе или дополнении. Где "
        "переписать нельзя (имя, список, цитата, состояние: «музей основан в 1921 году»), правило только подсказывает."
    )
    name = "passive-voice"
    category = "passive"
    severity = Severity.WARNING
    title = "Страдательный залог"
    what = (
        "Страдательный залог: «было проведено», «будут увеличены», «ремонт осуществляется "
        "подрядной организацией», «заявки будут приниматься», «нами была проведена проверка»."
    )
    why = (
        "Пассив прячет того, кто действует, и делает текст похожим на протокол. Читателю важно, "
        "кто и что сделал для него. Если исполнитель назван («комиссией», «нами»), действительный "
        "залог короче и честнее."
    )
    example = "Нами была проведена проверка. Ремонт осуществляется подрядной организацией."
    instead = "Мы провели проверку. Дорогу ремонтирует подрядчик."
    needs = frozenset({"syntax"})
    short_sentence = 6  # a doer-less passive in a sentence this short is a notice, not a report

    def check(self, document: Document) -> Iterator[Diagnostic]:
        passives = {s.index: morph_passives(s) for s in document.sentences}  # what morphology reads as passive
        plans = [(s, plan) for s in document.sentences
                 if passives[s.index] and (plan := self._plan(s, passives[s.index])) is not None]
        if not plans:
            return
        syntax = _syntax(document, [s for s, plan in plans if plan == "parse"])
        for sentence, plan in plans:
            view = syntax if plan == "parse" else _NO_SYNTAX
            n_words = len(sentence.words)
            joined: set[int] = set()  # «поставлена и наряжена»: one finding for the pair
            for token, _ in passives[sentence.index]:  # _candidate accepts nothing else
                if token.start in joined:
                    continue
                if (day := celebrated(self, document, sentence, token)) is not None:
                    yield day  # «этот день отмечается как…» → «отмечают»
                    continue
                found = self._candidate(view, sentence, token)
                if found is None:
                    continue
                if found.aux is not None and found.aux.pos == "INFN":
                    continue  # «может быть принято», «должно быть подано»: a rule or a chance, no act to name
                found.conj = joined_passives(sentence, found)
                joined.update(t.start for t in found.conj)
                if found.agent is None and _plain_pair(view, found) is None:
                    if found.lemma in STATE_PARTICIPLES:
                        continue
                    # «Занятия будут проводиться по субботам» is as short as «…проводятся по субботам»
                    shown = n_words - (found.reading.pos == "INFN")
                    if shown <= self.short_sentence and not told_as_report(found.lemma, found.reflexive, found.aux) \
                            and not short_notice_to_reader(sentence, found, self._tense(found)):
                        continue
                    if found.reflexive and (found.lemma + "ся") in MIDDLE_REFLEXIVES:
                        continue
                yield self._report(document, view, sentence, found)

    # -- detection ----------------------------------------------------------------------
    def _plan(self, sentence: Sentence, passives: list[tuple[Token, tuple[str, bool]]]) -> str | None:
        """``None`` when morphology rules a finding out, ``"parse"`` when only the parse can tell.

        The parse is the costliest step of a lint, so it runs where it changes
        the answer: a possible doer in the instrumental, a :data:`PLAIN_PASSIVES`
        subject, or a «мы» verb that pymorphy3 also reads as a participle
        («доводим»).  A passive with none of these («работы завершены», «запись
        ведётся») is read from morphology alone (``"morph"``): there is no doer to
        name and no rewrite to build, and :func:`_morph_subject` finds the subject
        of a «-ся» passive.
        """
        words = sentence.words
        tokens = sentence.tokens
        plan, agents = None, {}  # type: ignore[var-annotated]
        for token, (lemma, reflexive) in passives:  # ``passives``: :func:`morph_passives` of ``sentence``
            role_verb = lemma in ROLE_VERBS and lemma not in ROLES_OF_PEOPLE  # the parse tells the subject
            if any(t is not token for t in free_agents(tokens, role_verb, agents)):  # «с участниками» is not a doer
                return "parse"
            if any((lemma, t.lemma) in PLAIN_PASSIVES for t in words):
                return "parse"
            if lemma in STATE_PARTICIPLES:
                continue
            if len(words) - (token.pos == "INFN") <= self.short_sentence and not told_as_report(
                lemma, reflexive, None if reflexive else self._aux(_NO_SYNTAX, sentence, token, None)
            ) and not may_tell_reader(sentence, lemma, reflexive):
                continue
            if reflexive and (lemma + "ся") in MIDDLE_REFLEXIVES and not holiday_kept(sentence, token):
                continue
            if (
                not reflexive and token is not words[0]
                and any(p.pos == "VERB" and "1per" in p.grammemes for p in token.parses)
            ):  # «доводим» opening a sentence is the «мы» verb: no passive starts a sentence bare
                return "parse"
            plan = "morph"  # a «-ся» verb without a doer: its subject is found by morphology
        return plan

    def _candidate(self, syntax: _Syntax, sentence: Sentence, token: Token) -> _Passive | None:
        if not token.parses:
            return None
        best = token.parses[0]
        node = syntax.node(token)
        prts = _reading(token, "PRTS", "pssv")
        first_person = any(p.pos == "VERB" and "1per" in p.grammemes for p in token.parses)
        if first_person and (node is None or node.tok.rel not in ("root", "conj") or not _has_passive_kids(syntax, node)):
            prts = None  # «Доводим до сведения», «ценим»: a «мы» verb, not «доводим» the participle
        if prts is not None and prts.score >= best.score * 0.9:
            found = _Passive(token, prts, False, prts.lemma)
        elif (reflexive := _morph_passive(token) or future_passive_infinitive(sentence, token)) is not None and reflexive[1]:
            found = _Passive(token, best, True, reflexive[0])
        else:
            return None
        found.subject = self._subject(syntax, node)
        found.agent = self._agent(syntax, sentence, token, node, found)
        if found.reflexive and found.subject is None and node is not None:
            for kid in syntax.children(node):  # «пострадавшим оказывается помощь», «депутатом осуществляется приём»
                t = syntax.token(kid)  # parsed as nsubj: with a doer, any inanimate nominative noun
                if kid.tok.rel in ("nsubj", "obj") and t is not None and ((found.lemma, t.lemma) in PLAIN_PASSIVES if found.agent
                                                                 is None else _reading(t, "NOUN", "nomn", "inan")):
                    found.subject = t
        if found.reflexive and found.agent is None and node is None:
            found.subject = _morph_subject(sentence, token)
        if found.reflexive and found.agent is None and found.subject is None:
            return None  # «-ся» without a passive subject or a doer is not shown to be passive
        found.aux = self._aux(syntax, sentence, token, node)
        return found

    def _agent(
        self, syntax: _Syntax, sentence: Sentence, verb: Token, node: _Node | None, found: _Passive
    ) -> Token | None:
        role_verb = found.lemma in ROLE_VERBS and not thing_made(found) or found.reflexive and found.lemma + "ся" in SELF_ROLES \
            and not help_given(sentence)  # «оказывается помощь специалистами»: «оказывать», not «оказаться»
        if node is not None:
            for kid in syntax.children(node):
                candidate = syntax.token(kid)
                if kid.tok.rel not in _AGENT_RELS and not (  # «Фельдшерами … было принято»: parsed as the subject
                        kid.tok.rel == "nsubj:pass" and candidate is not None and _reading(candidate, "nomn") is None):
                    continue
                if any(k.tok.rel == "case" for k in syntax.children(kid)):
                    continue
                if candidate is not None and _is_agent(candidate, role_verb) and not means_not_doer(sentence, candidate):
                    return candidate
        # fallback: pymorphy, only where the parse did not attach the word anywhere sensible
        words = sentence.tokens
        i = verb.index - words[0].index  # a sentence's tokens are consecutive in the document
        for step in (1, -1):
            j = i + step
            seen = 0
            # «Врачами выездной бригады в отдалённых сёлах осмотрено…»: a doer opening the clause may stand further back
            while 0 <= j < len(words) and seen < (5 if step == 1 else 8):
                t = words[j]
                if not t.is_word:
                    break  # punctuation closes the clause
                seen += 1
                if t.parses and t.parses[0].pos in ("PREP", "CONJ"):
                    if step == 1:
                        break
                if _is_agent(t, role_verb) and not _after_preposition(words, j) and not means_not_doer(sentence, t):
                    kid = syntax.node(t)
                    if node is None or kid is None or kid.tok.rel in _UNSURE_RELS or (
                            kid.tok.rel == "nsubj:pass" and _reading(t, "nomn") is None  # «Юнармейцами» as a subject
                            or kid.tok.rel == "amod" and t.pos == "NOUN"  # «Медсёстрами» as an adjective
                            or kid.tok.rel == "nmod" and (h := syntax.head(kid)) is not None
                            and doer_after_opening(sentence, t, verb, syntax.token(h))
                            or kid.tok.rel in ("nmod", "amod") and doer_closes_clause(sentence, t, verb)
                            or kid.tok.rel == "conj" and unlike_conjunct(syntax, kid)  # «мероприятий…, отделом»
                            or doer_inside_subject(sentence, t, found)):  # «Приём граждан главой района осуществляется»
                        return t
                j += step
        return None

    @staticmethod
    def _subject(syntax: _Syntax, node: _Node | None) -> Token | None:
        if node is None:
            return None
        subjects = [t for kid in syntax.children(node) if kid.tok.rel == "nsubj:pass" and (t := syntax.token(kid)) is not None]
        # «Юнармейцами … были сделаны открытки»: the parse may call the instrumental a subject too
        return next((t for t in subjects if _reading(t, "nomn") is not None), subjects[0] if subjects else None)

    @staticmethod
    def _aux(syntax: _Syntax, sentence: Sentence, verb: Token, node: _Node | None) -> Token | None:
        if node is not None:
            for kid in syntax.children(node):
                if kid.tok.rel in ("aux:pass", "aux", "cop"):
                    t = syntax.token(kid)
                    if t is not None and t.lemma == "быть":
                        return t
        words = sentence.words
        i = bisect.bisect_left(words, verb.index, key=lambda t: t.index)  # not a scan per verb
        j = i - 1
        while j >= 0 and i - j <= 3 and (words[j].key in _PARTICLES_BEFORE_AUX or words[j].pos == "ADVB"):
            j -= 1  # «будет временно приостановлена», «было уже сделано»
        if j >= 0 and words[j].lemma == "быть" and words[j].pos in ("VERB", "INFN"):
            return words[j]  # «могут быть оформлены»: the infinitive too, so the modal passive is kept whole
        return None

    # -- report -------------------------------------------------------------------------
    def _report(self, document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive) -> Diagnostic:
        start, end = self._span(sentence, f)
        pronoun = PRONOUN_AGENTS.get(f.agent.key) if f.agent is not None else None
        tense = self._tense(f)
        if pronoun is not None:
            return self._report_pronoun(document, syntax, sentence, f, pronoun, tense, (start, end))
        question = _verb_form(f.lemma, tense, "3per", "sing", "masc") or f.lemma
        if f.agent is not None:
            return self._report_agent(document, syntax, sentence, f, tense, question, (start, end))
        fix = None
        suggestions: list[str] = []
        # «Жителям помогут» is the table's plain rewrite, «Мы поможем…» an author's
        hanging, listed = self._hanging(document, sentence, f, tense)
        plain = None if document.speaks_as_we or hanging else clean_rewrite(
            document, sentence, reader_or_plain(document, syntax, sentence, f, tense))
        if plain is not None:
            suggestions.append(plain.replacement)
            fix = Fix(f"Заменить на «{plain.replacement}»", (plain,), Applicability.UNSAFE)
            message = (
                f"Пассив «{document.text[start:end]}»: непонятно, кто {question}. Если исполнитель "
                f"неважен, скажите, как в разговоре: «{plain.replacement}»."
            )
            return self.diagnostic(
                document, start, end, message, fix=fix, suggestions=suggestions, severity=Severity.INFO
            )
        active = None if hanging else clean_rewrite(document, sentence, doerless_rewrite(
            document, sentence, f, tense) or made_rewrite(document, sentence, f, tense))  # «Перерасчёт сделают»
        if listed:
            active = clean_rewrite(document, sentence, rewrite_together(
                document, sentence, f, lambda t: self._candidate(syntax, sentence, t), self._tense))
        if active is not None and (guesses_gender(document, active.replacement) or document.speaks_as_we and not in_we_form(
                active.replacement) and implied_doer(document, sentence, f, tense, as_we=False)):
            active = None  # the page's «мы» went to others: «Проект реализуют» hides the doer as before
        if active is not None:
            suggestions.append(active.replacement)
            fix = Fix(f"Заменить на «{active.replacement}»", (active,), Applicability.UNSAFE)
        if active is not None and document.speaks_as_we:
            message = (
                f"Пассив «{document.text[start:end]}»: непонятно, кто {question}. Пост говорит от имени "
                f"организации — скажите прямо: «{active.replacement}»."
            )
        elif f.lemma in EMPTY_VERBS:
            message = (
                f"Пассив «{document.text[start:end]}»: непонятно, кто {question}, а сам глагол «{f.lemma}» "
                f"почти ничего не значит. Назовите действие одним глаголом и того, кто его сделал: "
                f"«Мы заменили трубы» вместо «была произведена замена труб»."
            )
        else:
            we = _self_form(document, sentence, f.lemma, tense)
            did = {"past": "сделали", "pres": "делаете", "futr": "сделаете"}[tense]
            hint = f" Если это {did} вы, напишите: «{we}…»." if we and we not in ("Мы", "Я") else ""
            # no sample doer: «Администрация района проведёт…» is itself KC304's third person
            others = f" Если другие — назовите, кто именно {question}."
            message = f"Пассив «{document.text[start:end]}»: непонятно, кто {question}.{hint}{others}"
        if active is not None and not document.speaks_as_we:
            message += f" Без исполнителя: «{active.replacement}»."
        return self.diagnostic(
            document, start, end, message, fix=fix, suggestions=suggestions, severity=Severity.INFO
        )

    @staticmethod
    def _hanging(document: Document, sentence: Sentence, f: _Passive, tense: str) -> tuple[bool, bool]:
        """Whether a doer-less rewrite would leave a doer hanging («Отделением фонда проведена…») or mix
        voices, and whether only because the passive is one of a list (rewritten whole, or not at all)."""
        group = _verb_group(sentence, f)
        hanging = opening_instrumental(sentence) or applicant_in_person(sentence, f) or set_phrase_passive(sentence, f) or implied_doer(
            document, sentence, f, tense) or (
            group is not None and (relative_doer_before(sentence, group)
                                  or substantive_doer_before(sentence, group, f) or named_doer_before(sentence, group)))
        listed = not hanging and group is not None and parallel_passive(sentence, group, f)
        return hanging or listed, listed

    @staticmethod
    def _span(sentence: Sentence, f: _Passive) -> tuple[int, int]:
        """The passive's words: auxiliary and verb (with adverbs only between them), and the last conjunct."""
        group = sorted([t for t in (f.aux, f.verb) if t is not None], key=lambda t: t.start)
        if len(group) == 2:
            between = sentence.tokens[sentence.position(group[0]) + 1 : sentence.position(group[1])]
            if not all(t.is_word and t.pos in ("ADVB", "PRCL") for t in between):
                group = [f.verb]  # «будет временно приостановлена» keeps its adverb, nothing more
        if f.conj:
            group.append(f.conj[-1])
        return group[0].start, group[-1].end

    def _report_pronoun(
        self, document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, pronoun: str, tense: str,
        span: tuple[int, int],
    ) -> Diagnostic:
        """«нами была проведена проверка» → «мы провели проверку»: the doer is a pronoun."""
        start, end = span
        fix = None
        suggestions: list[str] = []
        assert f.agent is not None
        start, end = _adjoin(document, start, end, [f.agent])
        message, rewrite, obj_tokens = self._pronoun_message(document, f, pronoun, tense, syntax)
        shared = bool(obj_tokens) and doer_shared_after(sentence, max(t.end for t in obj_tokens))  # «…, построены»
        if rewrite and obj_tokens and start <= f.agent.start and f.agent.end <= end and not shared:
            whole_start, whole_end = _adjoin(document, start, end, obj_tokens)
            if (whole_start, whole_end) != (start, end):
                start, end = whole_start, whole_end
                first = next(t for t in sentence.tokens if t.is_word)
                capital = first.start == start and document.text[start].isupper()
                replacement = capitalise(rewrite) if capital else rewrite
                # «провели проверку» → «проверили»; «я принял(а)» is cleaned as «я принял» and gets its «(а)» back
                cleaned = clean_rewrite(document, sentence, Edit(start, end, replacement.replace("(а)", "")))
                if cleaned is not None and "(а)" in replacement:  # «я встретился» cannot say «(а)»: no rewrite
                    cleaned = (None if (said := feminine_too(cleaned.replacement)) is None else Edit(cleaned.start, cleaned.end, said))
                if cleaned is not None:
                    message = message.replace(capitalise(rewrite), capitalise(cleaned.replacement))
                    start, end, replacement = cleaned.start, cleaned.end, cleaned.replacement
                    suggestions.append(replacement)
                if cleaned is not None and "(" not in replacement:  # «я принял(а)» needs the author to choose
                    fix = Fix(
                        f"Заменить на «{replacement}»", (Edit(start, end, replacement),), Applicability.UNSAFE
                    )
        return self.diagnostic(
            document, start, end, message, fix=fix, suggestions=suggestions, severity=Severity.WARNING
        )

    def _report_agent(
        self, document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, tense: str, question: str,
        span: tuple[int, int],
    ) -> Diagnostic:
        """A doer in the instrumental: name it as the subject, with an active rewrite when one can be built."""
        start, end = span
        fix = None
        suggestions: list[str] = []
        agent_text, number, gender = agent_nominative(syntax, f.agent)
        verb = _active_verbs(f, tense, "3per", number, gender)
        obj = object_accusative(syntax, f.subject)
        if obj and f.agent in object_tokens(syntax, f.subject):
            obj = None  # «подарки волонтёрами отряда»: the parse hung the doer on the subject
        we_verb = _active_verbs(f, tense, "1per", "plur", None)
        we_said = advice_in_we_form(f, we_verb, obj) if we_verb else None
        if verb and agent_text and we_verb and speaks_of_itself(f"{agent_text} {verb}") and not (
                document.author and not is_author(document.author, agent_text)):  # another body's act
            if we_said is not None:
                message = (  # «Министерство поддержало…» is what KC304 flags: «мы», or the doer as it is
                    f"Пассив «{document.text[start:end]}»: исполнитель спрятан в творительном падеже. "
                    f"Если пост пишет сама организация («{agent_text}»), напишите: «{we_said}»."
                )
            else:  # «Мы осуществили…» would be канцелярит again: ask for the one verb instead
                message = (
                    f"Пассив «{document.text[start:end]}»: исполнитель спрятан в творительном падеже. Если "
                    f"пост пишет сама организация («{agent_text}»), скажите от себя и назовите действие одним глаголом: "
                    f"«Мы заменили трубы» вместо «произведена замена труб»."
                )
        elif verb and agent_text:
            tail = f" {obj}" if obj else "…"
            message = (
                f"Пассив «{document.text[start:end]}»: исполнитель спрятан в творительном падеже. "
                f"Кто {question}? Напишите прямо: «{capitalise(agent_text)} {verb}{tail}»."
            )
        else:
            message = (
                f"Пассив «{document.text[start:end]}»: исполнитель спрятан в творительном падеже "
                f"(«{f.agent.text}»). Сделайте его подлежащим: кто {question}?"
            )
        raw, edit = agent_rewrite(document, syntax, sentence, f, tense, agent_text)
        if edit is not None and (guesses_gender(document, edit.replacement) or agent_attached_elsewhere(sentence, f.agent)):
            edit = None  # «Инспектор поговорил» of «Анна Петровна»; «после работ специалистами» (the works' doers)
        if edit is not None:
            suggestions.append(edit.replacement)
            fix = Fix(f"Заменить на «{edit.replacement}»", (edit,), Applicability.UNSAFE)
        if edit is not None and raw is not None and edit.replacement != raw.replacement:
            message = (  # the advice quotes what the fix writes, after the dictionaries and «мы»
                f"Пассив «{document.text[start:end]}»: исполнитель спрятан в творительном падеже. "
                f"Кто {question}? Напишите прямо: «{capitalise(edit.replacement)}»."
            )
        elif edit is None and raw is not None:  # the rewrite is itself канцелярит: ask, do not quote it
            message = (
                f"Пассив «{document.text[start:end]}»: исполнитель спрятан в творительном падеже "
                f"(«{f.agent.text}»). Сделайте его подлежащим: кто {question}?"
            )
        return self.diagnostic(
            document, start, end, message, fix=fix, suggestions=suggestions, severity=Severity.WARNING
        )

    @staticmethod
    def _tense(f: _Passive) -> str:
        if f.reflexive:
            g = f.reading.grammemes
            return "past" if "past" in g else "futr" if "futr" in g or f.reading.pos == "INFN" else "pres"
        if f.aux is not None and "futr" in f.aux.grammemes:
            return "futr"
        return "past"  # «работы завершены»: a result, told in the past tense

    def _pronoun_message(
        self, document: Document, f: _Passive, pronoun: str, tense: str, syntax: _Syntax
    ) -> tuple[str, str | None, list[Token]]:
        person, number = {"мы": ("1per", "plur"), "я": ("1per", "sing"), "вы": ("2per", "plur"),
                          "они": ("3per", "plur"), "она": ("3per", "sing")}[pronoun]
        gender = "femn" if pronoun == "она" else speaker(document)[2] if pronoun == "я" else None  # «Елена …»: «я провела»
        verb = _active_verbs(f, tense, person, number, gender)
        if verb and pronoun == "я" and tense == "past" and gender is None:
            verb = verb.replace(" и ", "(а) и ") + "(а)"
        obj_tokens = object_tokens(syntax, f.subject)
        obj = object_accusative(syntax, f.subject)
        said = f.agent.text if f.agent else pronoun
        yourself = " — исполнитель вы сами" if pronoun in ("мы", "я") else ""
        if verb is None:
            return (
                f"«{said}» с пассивом звучит как протокол{yourself}. Напишите, кто действует: "
                f"«{capitalise(pronoun)} …».", None, []
            )
        rewrite = f"{pronoun} {verb}" + (f" {obj}" if obj else "")
        shown = capitalise(rewrite) + ("" if obj else "…")
        message = f"«{said}» с пассивом звучит как протокол{yourself}. Напишите прямо: «{shown}»."
        return message, (rewrite if obj else None), obj_tokens
