"""Small facts of Russian that messages need."""


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 слово», «3 слова», «11 слов»: the number with the noun in the form Russian requires."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {one}"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} {few}"
    return f"{n} {many}"


_CONSONANTS = "бвгджзйклмнпрстфхцчшщ"
_ALL_FORMS = frozenset({"всех", "всём", "всем", "всё", "мне"})


def preposition_form(preposition: str, following: str) -> str | None:
    """The form of «о / в / с / к» that sounds right before ``following`` («об акции», «обо всех»,
    «во второй», «со сцены», «ко всем»), lower case; None for any other preposition.

    Every rewrite that puts a new word after one of these asks here, so the rule is one.
    """
    low, nxt = preposition.lower(), following.lower()
    if low in ("о", "об", "обо"):
        return "обо" if nxt in _ALL_FORMS else "об" if nxt[:1] in "аоуэиы" else "о"
    if low in ("в", "во"):
        return "во" if nxt[:1] in "вф" and nxt[1:2] in _CONSONANTS else "в"
    if low in ("с", "со"):
        return "со" if nxt[:1] in "сзшжв" and nxt[1:2] in _CONSONANTS or nxt == "мной" else "с"
    if low in ("к", "ко"):
        return "ко" if nxt.startswith(("вс", "мн", "вт")) else "к"
    return None

