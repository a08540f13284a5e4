"""Every exercise of every lesson answered through its widget, the quiz, and the progress they keep.

The exercises are discovered from ``ssi_kit/exercises/lessonNN.py``: a new exercise cannot miss
these tests. Each runs with a private ``SSI_KIT_HOME``, so progress starts empty.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit._html import literal
from ssi_kit.exercises import Exercise
from ssi_kit.progress import lesson_progress, progress_path, record_outcome
from ssi_kit.widgets import exercise, exercises, quiz

MODULES = sorted(p.stem for p in (Path(ssi_kit.__file__).parent / "exercises").glob("lesson[0-9][0-9].py"))
LESSONS = [importlib.import_module(f"ssi_kit.exercises.{name}") for name in MODULES]
ALL = [(lesson, ex) for lesson in LESSONS for ex in lesson.EXERCISES]
IDS = [f"{lesson.LESSON}-{ex.key}" for lesson, ex in ALL]


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """Progress goes to a folder of this test only."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))


def right_input(ex: Exercise) -> Any:
    """What a learner types, chooses or ticks to answer ``ex`` right, from its expected answer and judge."""
    expected = ex.expected
    if ex.kind == "text":
        return str(expected[0] if isinstance(expected, list) else expected)
    if ex.kind == "number":
        return str(expected).replace(".", ",")
    if ex.kind == "choice":
        return next(choice.value for choice in ex.options if ex.judge(choice.value) is None)
    return list(expected)


def wrong_input(ex: Exercise) -> Any:
    """Something a learner could give that the judge turns down."""
    if ex.kind == "text":
        return "zzz"
    if ex.kind == "number":
        return "999999"
    if ex.kind == "order":
        return list(reversed(ex.expected))
    for choice in ex.options:
        answer = choice.value if ex.kind == "choice" else [choice.value]
        if ex.evaluate_input(answer).status == "incorrect":
            return answer
    raise AssertionError(f"no wrong option in {ex.key}")


class TestDiscovery:
    @pytest.mark.parametrize("lesson", LESSONS, ids=MODULES)
    def test_every_exercise_is_listed_in_order(self, lesson):
        """EXERCISES holds every exercise of the module, q1, q2… in order, each knowing its lesson and key."""
        declared = [value for name, value in vars(lesson).items() if re.fullmatch(r"q\d+", name)]
        assert list(lesson.EXERCISES) == declared
        assert [ex.key for ex in lesson.EXERCISES] == [f"q{n}" for n in range(1, len(declared) + 1)]
        assert all(ex.lesson == lesson.LESSON for ex in lesson.EXERCISES)
        assert lesson.LESSON == lesson.__name__[-2:]

    def test_the_whole_course(self):
        """Lessons 00 to 06 have their 24 exercises."""
        assert [lesson.LESSON for lesson in LESSONS] == ["00", "01", "02", "03", "04", "05", "06"]
        assert len(ALL) == 24


@pytest.mark.parametrize(("lesson", "ex"), ALL, ids=IDS)
class TestEveryExercise:
    def test_right_answer_is_correct_and_kept(self, lesson, ex):
        """The right answer, typed or chosen in the widget, shows «¡Correcto!» and is kept as correct."""
        w = exercise(ex)
        w.value = right_input(ex)
        w.check_button.click()
        assert "¡Correcto!" in w.verdict.value
        assert lesson_progress(lesson.LESSON) == {ex.key: "correct"}

    def test_wrong_answer_gets_the_judges_message(self, lesson, ex):
        """A wrong answer shows the judge's own message (escaped) and is kept as incorrect."""
        w = exercise(ex)
        w.value = wrong_input(ex)
        w.check_button.click()
        outcome = ex.evaluate_input(wrong_input(ex))
        assert outcome.status == "incorrect" and outcome.message
        assert "Todavía no" in w.verdict.value and literal(outcome.message) in w.verdict.value
        assert lesson_progress(lesson.LESSON) == {ex.key: "incorrect"}

    def test_solution_opens_after_an_attempt(self, lesson, ex):
        """«Solución» is disabled until a first attempt; then it shows the solution and keeps «solution seen»."""
        w = exercise(ex)
        assert w.solution_button.disabled and w.peek_button.layout.display != "none"
        w.value = wrong_input(ex)
        w.check_button.click()
        assert not w.solution_button.disabled and w.peek_button.layout.display == "none"
        w.solution_button.click()
        assert "Solución" in w.solution_area.value
        assert lesson_progress(lesson.LESSON) == {ex.key: "solution"}

    def test_hint_shows_the_hint(self, lesson, ex):
        """«Pista» shows the hint, without counting as an attempt."""
        w = exercise(ex)
        w.hint_button.click()
        assert "Pista" in w.hint_area.value and len(w.hint_area.value) > 60
        assert w.solution_button.disabled and lesson_progress(lesson.LESSON) == {}

    def test_nothing_answered_says_where_to_answer(self, lesson, ex):
        """Pressing «Comprobar» with nothing typed or chosen says where to answer, and keeps nothing."""
        w = exercise(ex)
        w.check_button.click()
        assert any(text in w.verdict.value for text in ("casilla", "Elige", "Marca al menos"))
        assert "____" not in w.verdict.value
        assert w.solution_button.disabled and lesson_progress(lesson.LESSON) == {}

    def test_coming_back_shows_it_solved(self, lesson, ex):
        """A learner who solved it sees «¡Correcto!» and an open «Solución» when the widget is built again."""
        record_outcome(lesson.LESSON, ex.key, "correct")
        w = exercise(ex)
        assert "¡Correcto!" in w.verdict.value and not w.solution_button.disabled


class TestSolutionWithoutTrying:
    def test_peek_asks_first(self):
        """«¿Ver la solución sin intentarlo?» asks; «No» shows and keeps nothing, «Sí» shows the solution."""
        ex = LESSONS[1].q1
        w = exercise(ex)
        w.peek_button.click()
        assert w.confirm.asking
        w.confirm.no_button.click()
        assert not w.confirm.asking and w.solution_area.value == "" and lesson_progress("01") == {}
        w.peek_button.click()
        w.confirm.yes_button.click()
        assert "Solución" in w.solution_area.value and not w.solution_button.disabled
        assert lesson_progress("01") == {"q1": "solution"}

    def test_solution_after_a_right_answer_keeps_it_right(self):
        """Looking at the solution after solving it does not turn «correct» into «solution»."""
        ex = LESSONS[1].q1
        w = exercise(ex)
        w.value = right_input(ex)
        w.check_button.click()
        w.solution_button.click()
        assert lesson_progress("01") == {"q1": "correct"}

    def test_seen_solution_shows_again(self):
        """A solution seen before is shown again when the lesson is opened again."""
        record_outcome("03", "q2", "solution")
        w = exercise(LESSONS[3].q2)
        assert "Solución" in w.solution_area.value and not w.solution_button.disabled


class TestLesson:
    @pytest.mark.parametrize("lesson", LESSONS, ids=MODULES)
    def test_all_right_then_reset(self, lesson):
        """The lesson box lists its exercises in order, counts the solved ones, and resets after a confirmation."""
        w = exercises(lesson)
        n = len(lesson.EXERCISES)
        assert [item.exercise for item in w.items] == list(lesson.EXERCISES)
        assert f"0 de {n}" in w.summary.value
        for item in w.items:
            item.value = right_input(item.exercise)
            item.check_button.click()
        assert f"{n} de {n}" in w.summary.value and w.solved == n
        w.reset_button.click()
        assert w.confirm.asking and len(lesson_progress(lesson.LESSON)) == n  # nothing forgotten yet
        w.confirm.yes_button.click()
        assert lesson_progress(lesson.LESSON) == {} and f"0 de {n}" in w.summary.value
        assert all(item.verdict.value == "" and item.solution_button.disabled for item in w.items)

    def test_reset_can_be_cancelled(self):
        """«Cancelar» keeps everything."""
        w = exercises(LESSONS[1])
        w.items[0].value = "información"
        w.items[0].check_button.click()
        w.reset_button.click()
        w.confirm.no_button.click()
        assert lesson_progress("01") == {"q1": "correct"} and "1 de 4" in w.summary.value

    def test_reset_clears_the_lessons_other_widgets(self):
        """Resetting a lesson clears its quiz and its exercises shown on their own; other lessons keep theirs."""
        record_outcome("02", "q1", "correct")
        single = exercise(LESSONS[1].q2)
        single.value = "42,895"
        single.check_button.click()
        questions = quiz(LESSONS[1])
        questions.choices[0].index = LESSONS[1].QUIZ[0].answer
        questions.check()
        box = exercises(LESSONS[1])
        assert "1 de 4" in box.summary.value
        box.reset()
        assert lesson_progress("01") == {} and lesson_progress("02") == {"q1": "correct"}
        assert single.verdict.value == "" and single.text.value == "" and single.solution_button.disabled
        assert questions.choices[0].index is None and questions.verdicts[0].value == "" and questions.score.value == ""

    def test_not_a_lesson(self):
        """Something that is not a lesson's module is an SSITypeError that says what to pass."""
        with pytest.raises(ssi_kit.SSITypeError, match="módulo de ejercicios"):
            exercises([LESSONS[1].q1])
        with pytest.raises(ssi_kit.SSITypeError, match="ejercicio"):
            exercise("q1")


class TestQuiz:
    def test_a_lessons_quiz_keeps_each_question(self):
        """quiz(module) keeps quiz1, quiz2… of its lesson; a question already right shows so when built again."""
        lesson = LESSONS[2]
        w = quiz(lesson)
        first, second = lesson.QUIZ[0], lesson.QUIZ[1]
        w.choices[0].index = first.answer
        w.choices[1].index = (second.answer + 1) % len(second.options)
        w.check_button.click()
        assert lesson_progress("02") == {"quiz1": "correct", "quiz2": "incorrect"}
        again = quiz(lesson)
        assert again.choices[0].index == first.answer and "¡Correcto!" in again.verdicts[0].value
        assert again.choices[1].index is None and again.verdicts[1].value == ""
        assert f"1 de {len(lesson.QUIZ)}" in again.score.value

    def test_explanation_once_right(self):
        """A right choice shows why it is right."""
        question = LESSONS[0].QUIZ[0]
        w = quiz(LESSONS[0])
        w.choices[0].index = question.answer
        w.check()
        assert literal(question.why_es) in w.verdicts[0].value

    def test_questions_without_a_lesson_keep_nothing(self):
        """A list of questions alone keeps nothing; with lesson= it keeps under that lesson."""
        w = quiz(LESSONS[1].QUIZ)
        w.choices[0].index = 0
        w.check()
        assert not progress_path().exists()
        w = quiz(LESSONS[1].QUIZ, lesson="01")
        w.choices[0].index = LESSONS[1].QUIZ[0].answer
        w.check()
        assert lesson_progress("01") == {"quiz1": "correct"}

    @pytest.mark.parametrize("bad", [3, "preguntas", [1, 2], [], {"a": 1}])
    def test_not_questions(self, bad):
        """Anything but questions or a lesson's module is an SSITypeError."""
        with pytest.raises(ssi_kit.SSITypeError):
            quiz(bad)


class TestStoreProblems:
    def test_an_unreadable_progress_file_is_shown_not_raised(self):
        """A progress file that is not ours: the widgets say so and still judge answers."""
        where = progress_path()
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_text("esto no es una base de datos", encoding="utf-8")
        w = exercise(LESSONS[1].q2)
        assert "No pude leer tu progreso" in w.message.value
        w.value = "42,895"
        w.check_button.click()
        assert "¡Correcto!" in w.verdict.value and "No pude guardar tu progreso" in w.message.value
        box = exercises(LESSONS[1])
        assert "No pude leer tu progreso" in box.message.value
        box.reset()
        assert "No pude guardar tu progreso" in box.message.value
        questions = quiz(LESSONS[1])
        questions.choices[0].index = 0
        questions.check()
        assert "No pude guardar tu progreso" in questions.message.value


class TestWhatTheLessonsWidgetsShow:
    """The exercises that used to need code are answered by reading the lesson's widgets and charts."""

    def _answer(self, ex: Exercise, value: Any) -> str:
        w = exercise(ex)
        w.value = value
        return w.check().status

    def test_l01_total_from_the_bars(self):
        """Lesson 01 q2: «personas» at 15 in the bars' widget; the exact total it shows is right."""
        from ssi_kit.widgets import ssi_input

        bars = ssi_input(ssi_kit.load_dataset("ssi_ejemplo").member)
        bars.texts["people"].value = "15"
        shown = re.search(r"\(([\d,]+)\)", bars.total.value).group(1)
        assert self._answer(LESSONS[1].q2, shown) == "correct"

    def test_l02_projection_from_the_simulator(self):
        """Lesson 02 q2: the simulator's summary, with only the two actions ticked, gives the total (one decimal)."""
        from ssi_kit.widgets import simulator

        lesson = LESSONS[2]
        sim = simulator(ssi_kit.load_dataset("ssi_ejemplo").member, weeks=lesson.WEEKS, actions=["publicar"])
        sim.clear_button.click()
        for action in lesson.Q2_ACTIONS:
            sim.checkboxes[action].value = True
        end = re.search(r"→ ([\d,]+)", sim.summary.value).group(1)
        assert "," in end and len(end.split(",")[1]) == 1  # as shown: one decimal
        assert self._answer(lesson.q2, end) == "correct"

    def test_l02_best_plan_from_the_simulator(self):
        """Lesson 02 q3: «Mejor plan para mi tiempo» with 90 minutes ticks the right actions."""
        from ssi_kit.widgets import simulator

        lesson = LESSONS[2]
        sim = simulator(ssi_kit.load_dataset("ssi_ejemplo").member, weeks=lesson.WEEKS)
        sim.budget.value = lesson.Q3_MINUTES
        sim.best_button.click()
        assert self._answer(lesson.q3, list(sim.value)) == "correct"

    def test_l03_second_degree_from_the_explorer(self):
        """Lesson 03 q2: 800 typed in the pyramid explorer; the 2nd-degree band's number is right."""
        from ssi_kit.widgets import pyramid_explorer

        explorer = pyramid_explorer(500)
        explorer.texts["first"].value = "800"
        band = explorer.figure.layout.yaxis.ticktext[1]
        shown = re.search(r"([\d.]+) personas", band).group(1)
        assert self._answer(LESSONS[3].q2, shown) == "correct"

    def test_l03_share_from_the_sentence(self):
        """Lesson 03 q1: the sentence that sums up the course's search gives the percentage."""
        lesson = LESSONS[3]
        sentence = ssi_kit.describe_pyramid(ssi_kit.degree_shares(lesson.COURSE_SEARCH))
        shown = re.search(r"el ([\d,]+) %", sentence).group(1)
        assert self._answer(lesson.q1, shown) == "correct"

    def test_l04_rate_from_the_ring(self):
        """Lesson 04 q2: the ring's percentage is right."""
        fig = ssi_kit.plots.plot_responsiveness(ssi_kit.responsiveness(ssi_kit.load_dataset("mensajes_ejemplo")))
        shown = re.search(r"([\d,]+) %", fig.layout.annotations[0].text).group(1)
        assert self._answer(LESSONS[4].q2, shown) == "correct"

    def test_l05_share_from_the_chart(self):
        """Lesson 05 q2: the bar of 2025 (two decimals) is right, and so is it rounded to one."""
        from ssi_kit import relationships

        lesson = LESSONS[5]
        shares = relationships.never_contacted(ssi_kit.load_dataset("conexiones_ejemplo"),
                                               relationships.example_messages())
        fig = ssi_kit.plots.plot_never_contacted(shares)
        shown = fig.data[0].text[list(shares["year"]).index(lesson.YEAR)].rstrip(" %")
        assert self._answer(lesson.q2, shown) == "correct"
        value = float(shown.replace(",", "."))
        for rounded in (f"{value:.1f}", f"{value - 0.05:.1f}"):  # either way of rounding 68,75
            assert self._answer(lesson.q2, rounded.replace(".", ",")) == "correct"

    def test_l06_from_the_dashboard(self):
        """Lesson 06 q1 and q2: the dashboard's «Qué enseñar ahora» and progress charts give the answers."""
        lesson = LESSONS[6]
        panel = ssi_kit.plots.class_dashboard(ssi_kit.load_dataset("clase_ejemplo"))
        weakest = re.search(r"«(\w+)»", panel["weakest"].layout.title.text).group(1)
        assert self._answer(lesson.q1, weakest) == "correct"
        before, after = (next(t for t in panel["progress"].data if t.name == name).x for name in ("Antes", "Después"))
        assert self._answer(lesson.q2, str(sum(a > b for a, b in zip(after, before)))) == "correct"


class TestLanguageAndEscaping:
    def test_english(self):
        """Buttons and prompts follow the language."""
        ssi_kit.set_language("en")
        w = exercise(LESSONS[1].q1)
        assert [b.description for b in (w.check_button, w.hint_button, w.solution_button)] == \
            ["Check", "Hint", "Solution"]
        assert "weakest pillar" in w.prompt.value

    def test_prompt_and_labels_are_text(self):
        """A prompt or an option with markup or maths shows as text."""
        from ssi_kit.exercises import Choice

        hostile = "<img src=x onerror=alert(1)> $x$"
        ex = Exercise(lambda a: None, "", "", "", "", kind="choices", prompt_es=hostile,
                      choices=(Choice("a", hostile), Choice("b", "b")))
        w = exercise(ex)
        assert "<img" not in w.prompt.value and "&lt;img" in w.prompt.value
        box = w.checkboxes["a"]
        assert "<img" not in box.description and box.description_allow_html

    def test_exercise_without_a_lesson_keeps_nothing(self):
        """An exercise made outside the lessons (no lesson or key) is judged and keeps nothing."""
        ex = Exercise(lambda a: None if a == "sí" else "no", "", "", "", "", prompt_es="¿Sí?")
        w = exercise(ex)
        w.value = "sí"
        assert w.check().correct and not progress_path().exists()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=12), st.sampled_from(["", " ", "\"\"", "«»", "1,2,3", "1e400", "nan",
                                                             "<b>x</b>", "$x$", "٣", "-0", "10**400"])))
def test_anything_typed_gets_a_verdict(text):
    """Whatever is typed in any exercise's box, «Comprobar» shows a verdict: nothing escapes into the page."""
    for _lesson, ex in ALL:
        if ex.kind in ("text", "number"):
            outcome = ex.evaluate_input(text)
            assert outcome.status in ("correct", "incorrect", "not_attempted") and outcome.message
