"""The learner- and teacher-facing words, one table per language (classroom/words/<code>.yml).

Templates call say(key, **values); the page script gets the same table as `WORDS` and its own
say(). English is the first table; another language is another file, not a code change.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel import Locale

from ..errors import AuthoringError
from ..yamlfile import Fields, read_yaml

FOLDER = Path(__file__).resolve().parent
FIRST_LANGUAGE = "en"
_site_language = FIRST_LANGUAGE  # the language of the site being built (theme.language)


def use_language(language: str) -> None:
    """Build the site in `language`: say() then reads that table (checked here, once)."""
    global _site_language
    table(language)
    _site_language = language


@lru_cache(maxsize=None)
def table(language: str = FIRST_LANGUAGE) -> dict:
    """The words of `language`, every key of the English table present."""
    english = _read(FIRST_LANGUAGE)
    if language == FIRST_LANGUAGE:
        return english
    words = _read(language)
    missing = sorted(set(english) - set(words))
    if missing:
        raise AuthoringError(f"classroom/words/{language}.yml", "some words are not translated: "
                             + ", ".join(missing), "add them, translated, under 'words:'")
    return words


def _read(language: str) -> dict:
    path = FOLDER / f"{language}.yml"
    if not path.exists():
        raise AuthoringError(f"classroom/words/{language}.yml", f"there is no table of words "
                             f"for the language '{language}'", "copy en.yml to that name and "
                             "translate it, or set theme.language to 'en' in mkdocs.yml")
    fields = Fields(read_yaml(path, f"classroom/words/{language}.yml"), str(path.name),
                    what="the table of words")
    fields.only(["language", "words"])
    return dict(fields.mapping("words"))


def say(key: str, language: str | None = None, **values: object) -> str:
    """The words for `key`, with {name} filled in; a plural entry is chosen by `count`."""
    language = language or _site_language
    if key not in table(language):
        raise AuthoringError(f"classroom/words/{language}.yml", f"there are no words for "
                             f"'{key}'", f"add a line '{key}: ...' under 'words:'")
    entry = table(language)[key]
    if isinstance(entry, dict):
        category = Locale.parse(language).plural_form(values.get("count", 0))
        entry = entry.get(category, entry["other"])
    return str(entry).format(**values)
