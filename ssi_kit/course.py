"""The course's lessons: their order, titles, what each is about and how long it takes.

One list (:data:`LESSONS`) that the course home, each lesson's links («Siguiente lección →»)
and the tests read, so a lesson is named the same everywhere. Links are relative to the lesson
folder (``01_que_es_el_ssi.ipynb``): the same link opens a lesson in JupyterLab from JupyterLab
and in Voilà from Voilà, also under a hub's ``/user/NAME/`` prefix.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._checks import check_choice
from ._i18n import tr

__all__ = ["HOME", "LESSONS", "Lesson", "lesson", "next_lesson"]

HOME = "00_inicio.ipynb"
"""The course home: the list of lessons with each one's progress."""


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook of the course."""

    key: str  # "01", "02b": how exercises and progress name the lesson
    file: str  # its notebook, in the lessons folder
    title_es: str
    title_en: str
    about_es: str
    about_en: str
    minutes: int  # about how long it takes, reading and doing
    for_teachers: bool = False

    @property
    def title(self) -> str:
        return tr(self.title_es, self.title_en)

    @property
    def about(self) -> str:
        return tr(self.about_es, self.about_en)


LESSONS: tuple[Lesson, ...] = (
    Lesson("00", "00_bienvenida.ipynb", "Bienvenida: cómo usar el curso", "Welcome: how to use the course",
           "Dónde ver tu SSI en LinkedIn, cómo leer esa página y cómo se responden los ejercicios.",
           "Where to see your SSI on LinkedIn, how to read that page and how exercises are answered.", 10),
    Lesson("01", "01_que_es_el_ssi.ipynb", "Qué es el SSI", "What the SSI is",
           "Los cuatro pilares y qué los alimenta; tus barras junto a las de tu sector y tu red.",
           "The four pillars and what feeds them; your bars next to your industry's and network's.", 25),
    Lesson("02", "02_mejora_tu_ssi.ipynb", "Mejora tu SSI", "Improve your SSI",
           "Las acciones del curso y, en un simulador, el mejor plan para el tiempo que tienes.",
           "The course's actions and, in a simulator, the best plan for the time you have.", 30),
    Lesson("02b", "02b_sigue_tu_plan.ipynb", "Sigue tu plan", "Follow your plan",
           "Tu plan guardado frente a tu SSI de cada semana: por encima, dentro o por debajo.",
           "Your saved plan against your weekly SSI: above, inside or below.", 15),
    Lesson("03", "03_piramide_de_relacion.ipynb", "Tu pirámide de relación", "Your relationship pyramid",
           "Tus contactos de primer, segundo y tercer grado, y quién puede presentarte a quien buscas.",
           "Your first, second and third degree connections, and who can introduce you.", 30),
    Lesson("04", "04_hacer_negocios.ipynb", "Hacer negocios en LinkedIn", "Doing business on LinkedIn",
           "LinkedIn para hacer negocios, no como escaparate: cuánto y cuándo respondes.",
           "LinkedIn for doing business, not as a shop window: how much and how fast you answer.", 25),
    Lesson("05", "05_poder_de_las_relaciones.ipynb", "El poder de las relaciones", "The power of relationships",
           "De contacto a confianza: la escalera de la relación y tu seguimiento de contactos.",
           "From connection to trust: the relationship ladder and your contact tracker.", 25),
    Lesson("06", "06_para_docentes.ipynb", "Para docentes: el SSI de una clase", "For teachers: a class's SSI",
           "Recoger los SSI de la clase, leer su panel y probar un plan para todo el grupo.",
           "Collect the class's SSIs, read its dashboard and try a plan for the whole group.", 30,
           for_teachers=True),
)
"""The lessons, in the order the course follows."""


def lesson(key: str) -> Lesson:
    """The lesson with key ``key`` (``"01"``).

    >>> lesson("03").file
    '03_piramide_de_relacion.ipynb'
    """
    found: Lesson = check_choice(key, {each.key: each for each in LESSONS}, name="lesson")
    return found


def next_lesson(key: str) -> Lesson | None:
    """The lesson after ``key``, or None after the last one.

    >>> next_lesson("01").key, next_lesson("06")
    ('02', None)
    """
    position = LESSONS.index(lesson(key))
    return LESSONS[position + 1] if position + 1 < len(LESSONS) else None
