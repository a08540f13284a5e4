"""``course_home``: the lessons by title, what each is about, its minutes and your progress, as links.

The links are relative to the lessons folder, so the home opens each lesson in the mode it was
opened in (JupyterLab or Voilà) and under a hub's prefix. Progress comes from
:mod:`ssi_kit.progress` and is read again every time a page shows the home.
"""

from __future__ import annotations

import importlib
import importlib.util

import ipywidgets as widgets

from .._html import NO_MATH, escape
from .._i18n import plural, tr
from ..course import LESSONS, Lesson
from ..errors import SSIInputError, SSITypeError
from ..progress import lesson_progress
from ._feedback import error_html
from ._page import PageShown

__all__ = ["CourseHome", "course_home", "lesson_questions"]


def lesson_questions(key: str) -> tuple[list[str], list[str]]:
    """The keys of a lesson's exercises and of its quiz questions (``["q1", …]``, ``["quiz1", …]``).

    >>> exercises, quiz = lesson_questions("01")
    >>> exercises[0], len(quiz) > 0
    ('q1', True)
    """
    if importlib.util.find_spec(f"ssi_kit.exercises.lesson{key}") is None:
        return [], []  # a lesson without exercises (2b)
    module = importlib.import_module(f"ssi_kit.exercises.lesson{key}")
    listed = getattr(module, "EXERCISES", None)
    if listed is not None:
        exercises = [str(getattr(e, "key", f"q{i}")) for i, e in enumerate(listed, start=1)]
    else:  # the modules name their exercises q1, q2…
        exercises = sorted((n for n in dir(module) if n[:1] == "q" and n[1:].isdigit()), key=lambda n: int(n[1:]))
    quiz = [f"quiz{i}" for i in range(1, len(getattr(module, "QUIZ", ())) + 1)]
    return exercises, quiz


def _progress_text(lesson: Lesson, done: dict[str, str]) -> str:
    exercises, quiz = lesson_questions(lesson.key)
    if not exercises and not quiz:
        return tr("sin ejercicios", "no exercises")
    right = sum(done.get(k) == "correct" for k in exercises)
    text = tr("{r} de {n}", "{r} of {n}", r=right, n=plural(len(exercises), "ejercicio", "ejercicios", "exercise",
                                                               "exercises"))
    if quiz:
        text += tr(" · repaso: {r} de {n}", " · review: {r} of {n}", r=sum(done.get(k) == "correct" for k in quiz),
                   n=len(quiz))
    return text


def _home_html(progress: dict[str, dict[str, str]]) -> str:
    """The home's list: each lesson a link (title), what it is about, minutes and progress."""
    rows = []
    for each in LESSONS:
        note = tr(" (para docentes)", " (for teachers)") if each.for_teachers else ""
        rows.append(
            "<li class='ssi-home-lesson' style='margin:0 0 0.9em 0'>"
            f"<a href='{escape(each.file)}' style='font-size:1.1em;font-weight:bold'>{escape(each.title)}</a>"
            f"{escape(note)}<br>{escape(each.about)}<br>"
            f"<span style='color:#555'>{escape(tr('unos {m} minutos', 'about {m} minutes', m=each.minutes))}"
            f" · <span class='ssi-home-progress' data-lesson='{escape(each.key)}'>"
            f"{escape(_progress_text(each, progress.get(each.key, {})))}</span></span></li>"
        )
    return f"<ol class='{NO_MATH}' style='padding-left:1.4em'>{''.join(rows)}</ol>"


class CourseHome(widgets.VBox):
    """The course home; ``refresh()`` reads the progress again (done each time a page shows it).

    Attributes
    ----------
    lessons : ipywidgets.Output
        The list of lessons, shown as an HTML output: JupyterLab opens its links in JupyterLab (an
        ``ipywidgets.HTML`` link would reload the whole page), Voilà in Voilà.
    html : str
        That list's HTML.
    message : ipywidgets.HTML
        What went wrong reading the progress, if anything.
    """

    def __init__(self) -> None:
        self.lessons = widgets.Output()
        self.html = ""
        self.message = widgets.HTML()
        self.shown = PageShown(self.refresh)
        super().__init__([self.lessons, self.message, self.shown])
        self.add_class("ssi-course-home")
        self.refresh()

    def refresh(self) -> None:
        """Read each lesson's progress and redraw the list."""
        try:
            progress = {each.key: lesson_progress(each.key) for each in LESSONS}
            self.message.value = ""
        except (SSIInputError, SSITypeError) as error:  # a damaged progress file: the links still work
            progress = {}
            self.message.value = error_html(error)
        from IPython.display import HTML

        self.html = _home_html(progress)
        self.lessons.outputs = ()
        self.lessons.append_display_data(HTML(self.html))


def course_home() -> CourseHome:
    """The course home: leave it as a cell's last value.

    Examples
    --------
    >>> home = course_home()
    >>> "01_que_es_el_ssi.ipynb" in home.html
    True
    """
    return CourseHome()

