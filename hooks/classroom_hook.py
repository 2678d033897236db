"""MkDocs hook: the thin glue between MkDocs and the plain-Python `classroom` package."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(_ROOT))  # the hook runs from mkdocs.yml's folder, the package sits beside it

from classroom.accessibility import first_tooltips_only, name_search_dialog  # noqa: E402
from classroom.editions import (EDITION_VARIABLE, for_students, is_teachers_page,  # noqa: E402
                                nav_without_teachers)
from classroom.errors import AuthoringError, AuthoringErrors  # noqa: E402
from classroom.minify import minify_assets  # noqa: E402
from classroom.project import Module  # noqa: E402
from classroom.scripts import (PROJECTOR_PATH, SCRIPT_PATH, page_script,  # noqa: E402
                               projector_script, scripts_needed, theme_bundle)
from classroom.classmode.page import SCRIPT_PATH as CLASS_PAGE_SCRIPT, class_page_script  # noqa: E402
from classroom.classmode.page import class_also_script  # noqa: E402
from classroom.scripts import CLASS_ALSO_PATH  # noqa: E402
from classroom.words import use_language  # noqa: E402
from classroom.textfile import misnamed_files  # noqa: E402

_module: Module | None = None
_serving = False  # under `mkdocs serve`, own assets stay readable
_for_students = os.environ.get(EDITION_VARIABLE) == "student"  # no teachers' pages


def _authoring_errors_stop_the_build(function):
    """Show an author's mistakes as one clear message (every problem found listed in it),
    never as a traceback. MkDocs prints it after 'ERROR -' and stops with exit code 1."""
    def wrapped(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except AuthoringError as error:
            raise PluginError(str(error)) from None
    return wrapped


# Load and check all data before any page is built.
@_authoring_errors_stop_the_build
def on_config(config):
    global _module
    misnamed = misnamed_files(_ROOT)  # key.yaml for key.yml: explain it before "missing"
    if misnamed:
        raise AuthoringErrors(misnamed) if len(misnamed) > 1 else misnamed[0]
    use_language(config.theme["language"])
    _module = Module.load(_ROOT)
    if _for_students:
        config.nav = nav_without_teachers(config.nav)
    return config


# The page script, joined from classroom/scripts/ and each kind's kind.js.
@_authoring_errors_stop_the_build
def on_files(files, config):
    from mkdocs.structure.files import File
    if _for_students:
        for file in [f for f in files if is_teachers_page(f.src_uri)]:  # their images too
            files.remove(file)
    files.append(File.generated(config, PROJECTOR_PATH, content=projector_script()))
    files.append(File.generated(config, SCRIPT_PATH,
                                content=page_script(config.theme["language"])))
    files.append(File.generated(config, CLASS_PAGE_SCRIPT,  # loaded by the class page only
                                content=class_page_script(config.theme["language"])))
    files.append(File.generated(config, CLASS_ALSO_PATH,  # the answer key's, in class mode
                                content=class_also_script(config.theme["language"])))
    return files


# The theme's bundle, for overrides/main.html to load deferred.
def on_env(env, config, files):
    env.globals["theme_bundle"] = theme_bundle(config.theme.dirs)
    return env


# Replace the author's markers with case texts, exercises and lists.
@_authoring_errors_stop_the_build
def on_page_markdown(markdown, page, config, files):
    if _for_students:
        markdown = for_students(markdown)
    return _module.expand(markdown, page.file.src_uri)


# Finished HTML in; a glossary tooltip on the first use of each term on a page. The scripts the
# page needs go to overrides/main.html, which adds them.
def on_page_content(html, page, config, files):
    html = _module.insert_html(first_tooltips_only(html))
    page.meta["page_scripts"] = scripts_needed(html)
    return html


# Give the theme's search dialog an accessible name.
def on_post_page(output, page, config):
    return name_search_dialog(output)


# Serve the module's own JS and CSS minified (not under `mkdocs serve`, to keep them debuggable).
def on_post_build(config):
    if not _serving:
        minify_assets(Path(config.site_dir))


# Remember whether this is `mkdocs serve`.
def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
