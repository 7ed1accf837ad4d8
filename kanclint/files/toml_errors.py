"""Where a TOML file is broken, in Russian.

tomllib explains a broken file in English («Invalid value (at line 2, column 5)»); a user who
edits kanclint.toml or a dictionary needs the place, said in Russian, more than tomllib's words.
"""

from __future__ import annotations

import re
import tomllib

_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml_error_place(exc: tomllib.TOMLDecodeError) -> str:
    """«ошибка в строке 2, столбце 5», «ошибка в конце файла» or «ошибка в синтаксисе»."""
    at = _PLACE.search(str(exc))
    if at:
        return f"ошибка в строке {at.group(1)}, столбце {at.group(2)}"
    return "ошибка в конце файла" if "end of document" in str(exc) else "ошибка в синтаксисе"
