"""The exercise machinery and lesson 01's judges."""

from __future__ import annotations

import html

import pytest

import ssi_kit
from ssi_kit.exercises import NOT_ANSWERED, Exercise, lesson01


def _exercise():
    return Exercise(lambda a: None if a == 3 else "no es 3", "pista", "hint", "sol", "sol-en", "bien", "good")


def test_outcomes():
    """Unanswered, wrong and right answers get their own status and message."""
    ex = _exercise()
    assert ex.check(NOT_ANSWERED).status == "not_attempted"
    wrong = ex.check(2)
    assert wrong.status == "incorrect" and wrong.message == "no es 3" and not wrong
    right = ex.check(3)
    assert right.correct and right.message == "bien"
    assert len(ex.attempts) == 3


def test_markdown_is_coloured():
    """A verdict renders coloured in a notebook."""
    assert "color:#009E73" in _exercise().check(3)._repr_markdown_()


def test_judge_crash_becomes_a_message():
    """A judge that trips on an odd answer type tells the learner instead of raising."""
    ex = Exercise(lambda a: None if a + 1 == 4 else "no", "", "", "", "")
    outcome = ex.check("tres")
    assert outcome.status == "incorrect" and "No pude revisar" in outcome.message


def test_hint_and_solution_in_language():
    """hint() and solution() follow the current language."""
    ex = _exercise()
    assert ex.hint_outcome().message == "pista"
    ssi_kit.set_language("en")
    assert ex.hint_outcome().message == "hint" and ex.solution_outcome().message == "sol-en"


class TestLesson01:
    @pytest.mark.parametrize("answer", ["información", "informacion", "insights", " INFORMACIÓN "])
    def test_q1_accepts_the_weakest_pillar(self, answer):
        """q1: the example's weakest pillar, by key or Spanish label, case and accents ignored."""
        assert lesson01.q1.check(answer).correct

    def test_q1_expected_is_the_library_weakest(self):
        """q1: expected is the label of the example's weakest pillar."""
        example = ssi_kit.load_dataset("ssi_ejemplo").member
        assert lesson01.q1.expected == ssi_kit.pillar_label(example.weakest)

    def test_q1_rejects_others(self):
        """q1: another pillar or a non-pillar is wrong with a useful message."""
        assert not lesson01.q1.check("marca")
        assert "nombre corto" in lesson01.q1.check("azul").message

    def test_q2_is_the_recomputed_total(self):
        """q2: the total with people at 15 is the example total minus its people plus 15."""
        example = ssi_kit.load_dataset("ssi_ejemplo").member
        expected = example.total - example.people + 15
        assert lesson01.q2.expected == pytest.approx(expected, abs=0.001)
        assert lesson01.q2.check(expected).correct
        assert "total de ahora" in lesson01.q2.check(example.total).message
        assert not lesson01.q2.check("42")

    def test_q2_reads_a_decimal_comma(self):
        """q2: «42,895» in quotes is right; 42,895 without quotes is right and the verdict explains the comma."""
        text = ssi_kit.exercises.answer_number(lesson01.q2.expected)
        whole, decimals = f"{text:.3f}".split(".")
        assert lesson01.q2.check(f"{whole},{decimals}").correct
        outcome = lesson01.q2.check((int(whole), int(decimals)))
        assert outcome.correct and "Python lee" in outcome.message

    @pytest.mark.parametrize("answer", ["líder", "Lider", "LÍDER", "leader", "líderes"])
    def test_q3_level_in_spanish_or_english(self, answer):
        """q3: 71.5 is a leader, typed in Spanish (accents optional) or English."""
        assert lesson01.q3.check(answer).correct

    def test_q3_expected_and_wrong(self):
        """q3: expected is the Spanish key of SSI.level; another level is wrong."""
        assert lesson01.q3.expected == "líder"
        assert not lesson01.q3.check("intermedio")
        assert "entre comillas" in lesson01.q3.check("arriba").message

    def test_q4_introductions_feed_people_or_relationships(self):
        """q4: the course files introductions under «personas» (video) and under both (article): both are right."""
        assert lesson01.q4.check("relaciones").correct and lesson01.q4.check("Relationships").correct
        assert lesson01.q4.check("personas").correct and lesson01.q4.check("People").correct
        assert not lesson01.q4.check("marca") and not lesson01.q4.check("información")
        assert lesson01.q4.expected == ssi_kit.pillar_label("people")

    def test_quiz_has_questions(self):
        """Lesson 01 closes with a quiz of at least three questions."""
        assert len(lesson01.QUIZ) >= 3


_WEIRD_ANSWERS = [10**400, -(10**400), 1e400, float("nan"), "texto", "", [], {}, {"a": 1}, (1, 2), None, True,
                  b"bytes", object(), ["marca"], 3 + 4j, Ellipsis]


@pytest.mark.parametrize("module", ["lesson00", "lesson01", "lesson02", "lesson03"])
@pytest.mark.parametrize("answer", _WEIRD_ANSWERS, ids=[f"a{i}" for i in range(len(_WEIRD_ANSWERS))])
def test_any_answer_gets_a_verdict(module, answer):
    """Whatever a learner writes (a 400-digit number too), every check gives a verdict, never a traceback."""
    import importlib

    lesson = importlib.import_module(f"ssi_kit.exercises.{module}")
    for exercise in [v for v in vars(lesson).values() if isinstance(v, Exercise)]:
        outcome = exercise.check(answer)
        assert outcome.status in ("correct", "incorrect", "not_attempted")
        assert outcome.message


def test_judge_that_breaks_still_gives_a_verdict():
    """A judge that raises anything gives an "incorrect" verdict with a Spanish message."""
    def judge(answer):
        return 1 / 0

    outcome = Exercise(judge, "", "", "", "").check(5)
    assert outcome.status == "incorrect" and "No pude revisar esa respuesta (5)" in outcome.message


def test_our_errors_in_a_judge_are_shown_as_they_are():
    """A judge raising our error shows its Spanish message."""
    def judge(answer):
        return ssi_kit.SSI(answer, 1, 1, 1) and None

    outcome = Exercise(judge, "", "", "", "").check(30)
    assert outcome.status == "incorrect" and "El pilar «marca» debe estar entre 0 y 25" in outcome.message


def test_markdown_escapes_the_message():
    """A message quoting a learner's answer cannot inject HTML into the notebook."""
    outcome = Exercise(lambda a: f"no conozco {a}", "", "", "", "").check("<img src=x onerror=alert(1)>")
    assert "<img" not in outcome._repr_markdown_() and "&lt;img" in outcome._repr_markdown_()


def test_hint_and_solution_both_show_in_one_cell(capsys):
    """hint() and solution() display themselves, so calling both in one cell shows both."""
    ex = _exercise()
    assert ex.hint() is None and ex.solution() is None
    out = capsys.readouterr().out
    assert "Pista: pista" in out and "Solución: sol" in out


def test_expected_is_computed_and_fills_the_texts():
    """expected comes from the library, and {expected} in hint/solution is filled in with a decimal comma."""
    ex = Exercise(lambda a: None, "", "", "Es {expected}.", "It is {expected}.", compute=lambda: 42.895)
    assert ex.expected == 42.895
    assert ex.solution_outcome().message == "Es 42,895."


@pytest.mark.parametrize(("answer", "value"), [(42.895, 42.895), ("42,895", 42.895), ("42.895", 42.895),
                                               ((42, 895), 42.895), (" 7 ", 7.0), ("12,5 %", 12.5)])
def test_numbers_as_a_spanish_speaker_writes_them(answer, value):
    """Decimal commas, in quotes or not, are read as the number meant."""
    from ssi_kit.exercises import read_number

    assert read_number(answer)[0] == pytest.approx(value)


def test_a_comma_without_quotes_is_explained():
    """42,895 without quotes is a tuple in Python: the note says so."""
    from ssi_kit.exercises import read_number

    assert "Python lee 42,895 como dos números" in read_number((42, 895))[1]


@pytest.mark.parametrize("answer", ["cuarenta", [1], (1, 2, 3), (-1, 5), 10**400, float("nan")])
def test_not_numbers(answer):
    """Anything else is not a number."""
    from ssi_kit.exercises import read_number

    assert read_number(answer)[0] is None


def test_names_ignore_case_and_accents():
    """«Información», «informacion» and « INFORMACIÓN » are the same answer."""
    from ssi_kit.exercises import read_name

    assert read_name("Información") == read_name("informacion") == read_name(" INFORMACIÓN ")
    assert read_name(5) is None


class TestQuiz:
    def _question(self, **options):
        from ssi_kit.exercises import Question

        return Question("¿Cuántos pilares?", "How many pillars?", ("3", "4", "5"), ("3", "4", "5"), 1,
                        "Marca, personas, información y relaciones.", "Brand, people, insights, relationships.",
                        **options)

    def test_question_verdicts(self):
        """The right option is correct and explained; a wrong one is incorrect without the explanation."""
        q = self._question()
        wrong = next(i for i in range(3) if i != q.answer)
        assert q.evaluate(q.answer).correct and not q.evaluate(wrong).correct
        assert "Marca" in q.evaluate(q.answer).message
        assert "Marca" not in q.evaluate(wrong).message and "4" not in q.evaluate(wrong).message
        assert q.evaluate(None).status == "not_attempted" and q.evaluate(7).status == "incorrect"

    def test_wrong_option_says_why_it_is_wrong(self):
        """A wrong option with its own message gets that message, whichever place the option is shown in."""
        q = self._question(wrong_es=("Tres es poco.", "", "Cinco es mucho."), wrong_en=("Too few.", "", "Too many."))
        assert q.evaluate(q.options_es.index("3")).message == "Tres es poco."
        assert q.evaluate(q.options_es.index("5")).message == "Cinco es mucho."
        assert q.options_es[q.answer] == "4"

    def test_order_is_stable_and_keeps_the_right_option(self):
        """The shown order is the same every time and the answer follows the right option."""
        first, second = self._question(), self._question()
        assert first.options_es == second.options_es and first.answer == second.answer
        assert sorted(first.options_es) == ["3", "4", "5"] and first.options_es[first.answer] == "4"
        assert first.options_en[first.answer] == "4"
        kept = self._question(shuffle=False)
        assert kept.options_es == ("3", "4", "5") and kept.answer == 1

    def test_mismatched_wrong_messages_are_refused(self):
        """wrong_es and wrong_en need one message per option."""
        with pytest.raises(ValueError):
            self._question(wrong_es=("a",), wrong_en=("a",))

    def test_widget_checks_every_question(self):
        """Choosing and pressing «Comprobar» shows a verdict per question and the score."""
        from ssi_kit.widgets import quiz

        w = quiz([self._question(), self._question()])
        w.choices[0].index = w.questions[0].answer
        w.choices[1].index = (w.questions[1].answer + 1) % 3
        w.check_button.click()
        assert "1 de 2" in w.score.value
        assert "¡Correcto!" in w.verdicts[0].value and "Todavía no" in w.verdicts[1].value
        assert "Marca" in w.verdicts[0].value and "Marca" not in w.verdicts[1].value

    def test_widget_labels_questions_about_the_model(self):
        """A question about ssi-kit's model says so in the widget; the others do not."""
        from ssi_kit.exercises import MODEL_LABEL_ES
        from ssi_kit.widgets import quiz

        w = quiz([self._question(about_model=True), self._question()])
        prompts = [block.children[0].value for block in w.children[:2]]
        assert html.unescape(MODEL_LABEL_ES) in html.unescape(prompts[0]) and "modelo" not in prompts[1]

    def test_widget_in_english(self):
        """Options and button follow the language."""
        from ssi_kit.widgets import quiz

        ssi_kit.set_language("en")
        w = quiz([self._question()])
        assert w.check_button.description == "Check" and "How many pillars?" in w.children[0].children[0].value


@pytest.mark.parametrize(("module", "name"), [("lesson01", "q2"), ("lesson02", "q2"), ("lesson03", "q1"),
                                              ("lesson04", "q2"), ("lesson04", "q4"), ("lesson05", "q2")])
def test_numeric_answers_explain_a_bare_comma(module, name):
    """A numeric answer typed with a decimal comma and no quotes gets the note on how Python reads it."""
    import importlib

    exercise = getattr(importlib.import_module(f"ssi_kit.exercises.{module}"), name)
    assert "Python lee 12,5 como dos números" in exercise.check((12, 5)).message


def test_percent_answer_common_verdicts():
    """A percentage judge: right, the fraction instead, not a number, or keep looking for a slip."""
    from ssi_kit.exercises import KEEP_LOOKING, percent_answer

    assert percent_answer("1,47", 1.47)[0] is None
    assert "multiplícala por 100" in percent_answer(0.0147, 1.47)[0]
    assert "Escribe un número" in percent_answer("mucho", 1.47)[0]
    verdict, value, _note = percent_answer(50, 1.47)
    assert verdict == KEEP_LOOKING and value == 50


# --- what a widget needs to ask each exercise ---------------------------------------------------
def _all_exercises():
    import importlib
    from pathlib import Path

    folder = Path(ssi_kit.__file__).parent / "exercises"
    lessons = [importlib.import_module(f"ssi_kit.exercises.{p.stem}") for p in sorted(folder.glob("lesson*.py"))]
    return [pytest.param(ex, id=f"{lesson.LESSON}-{ex.key}") for lesson in lessons for ex in lesson.EXERCISES]


@pytest.mark.parametrize("exercise", _all_exercises())
class TestMetadata:
    def test_prompt_in_both_languages_without_code(self, exercise):
        """Each exercise asks its question in Spanish and English, with nothing to run to answer it."""
        for language in ("es", "en"):
            ssi_kit.set_language(language)
            assert len(exercise.prompt.split()) >= 5 and "`" not in exercise.prompt and "{" not in exercise.prompt
        assert exercise.prompt_es != exercise.prompt_en

    def test_kind_and_options(self, exercise):
        """The kind is known; choice kinds have options whose labels are unique and read in both languages."""
        from ssi_kit.exercises import ANSWER_KINDS

        assert exercise.kind in ANSWER_KINDS
        if exercise.kind in ("choice", "choices", "order"):
            for language in ("es", "en"):
                ssi_kit.set_language(language)
                labels = [choice.label for choice in exercise.options]
                assert len(labels) >= 2 and len(set(labels)) == len(labels) and all(labels)
        else:
            assert exercise.options == ()

    def test_hint_is_not_only_code(self, exercise):
        """A hint says what to look at in words; code, when there is some, is an extra."""
        import re

        for language in ("es", "en"):
            ssi_kit.set_language(language)
            words = re.sub(r"`[^`]*`", "", exercise.hint_outcome().message).split()
            assert len(words) >= 8, exercise.hint_outcome().message
            assert "{" not in exercise.solution_outcome().message.split("`")[0]

    def test_typed_answers_never_ask_for_quotes(self, exercise):
        """In the widget, a judge's message never asks for quotes, brackets or a cell to run."""
        for answer in ("zzz", "12,5", "-1", "marca", "ninguna"):
            if exercise.kind in ("text", "number"):
                message = exercise.evaluate_input(answer).message
                assert "comillas" not in message and "corchetes" not in message and "celda" not in message


def test_prompts_name_what_the_judges_check():
    """The figures and ids a question names are the ones its judge checks."""
    from ssi_kit.exercises import lesson01, lesson02, lesson03, lesson05

    example = ssi_kit.load_dataset("ssi_ejemplo").member
    assert "8,205 a 15" in lesson01.q2.prompt and f"{example.people}".replace(".", ",") in lesson01.q2.prompt
    labels = ssi_kit.load_actions().set_index("id")["label"]
    assert all(f"«{labels[a]}»" in lesson02.q2.prompt for a in lesson02.Q2_ACTIONS)
    assert f"semana {lesson02.WEEKS}" in lesson02.q2.prompt and f"{lesson02.Q3_MINUTES} minutos" in lesson02.q3.prompt
    assert f"{lesson03.Q2_CONNECTIONS} contactos" in lesson03.q2.prompt and "131" in lesson03.q1.prompt
    assert str(lesson05.YEAR) in lesson05.q2.prompt


def test_code_and_widget_messages():
    """A judge says «entre comillas» to code and speaks of the box to a widget; empty answers likewise."""
    assert "entre comillas" in lesson01.q3.check("arriba").message
    assert "entre comillas" not in lesson01.q3.evaluate_input("arriba").message
    assert "en lugar de ____" in lesson01.q3.check(NOT_ANSWERED).message
    assert lesson01.q3.evaluate_input("  ").message == "Escribe tu respuesta en la casilla."
    assert lesson01.q3.evaluate_input('"líder"').correct  # quotes typed in the box are fine


def test_choice_kinds_need_choices():
    """An exercise answered by choosing needs options, and only those kinds have them."""
    from ssi_kit.exercises import Choice

    with pytest.raises(ValueError):
        Exercise(lambda a: None, "", "", "", "", kind="choice")
    with pytest.raises(ValueError):
        Exercise(lambda a: None, "", "", "", "", choices=(Choice("a", "A"),))
    with pytest.raises(ValueError):
        Exercise(lambda a: None, "", "", "", "", kind="essay")  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "read"), [(' "marca" ', "marca"), ("«líder»", "líder"), ("'42,5'", "42,5"),
                                             ('"', '"'), ("“sí”", "sí"), ("", ""), (None, "")])
def test_read_typed(typed, read):
    """What is typed in a box, trimmed and without one pair of quotes around it."""
    from ssi_kit.exercises import read_typed

    assert read_typed(typed) == read


def test_solutions_name_options_by_their_labels():
    """For exercises answered by choosing, the solution names the options as the learner reads them."""
    from ssi_kit.exercises import lesson02, lesson05

    assert "Compartir contenido de valor" in lesson02.q1.solution_outcome().message
    assert lesson05.q1.solution_outcome().message.startswith("Interacción repetida, Reconocimiento")


def test_widget_messages_name_no_code():
    """A message a widget shows never names a function to run."""
    import importlib

    for number in range(7):
        lesson = importlib.import_module(f"ssi_kit.exercises.lesson0{number}")
        for exercise in lesson.EXERCISES:
            if exercise.kind in ("text", "number"):
                for answer in ("zzz", "12,5", "-1", "marca", "0", "99", "0,01"):
                    message = exercise.evaluate_input(answer).message
                    assert "ssi_kit" not in message and "()" not in message and "\"" not in message, message
