"""Small facts of Russian that messages need."""


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 слово», «3 слова», «11 слов»: the number with the noun in the form Russian requires."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {one}"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} {few}"
    return f"{n} {many}"
