"""Tests of ssi_kit.messages: messages.csv and Invitations.csv in every shape, responsiveness, user figures."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from datetime import datetime, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSIInputError, SSITypeError, SSIWarning
from ssi_kit.datasets import data_path, load_dataset
from ssi_kit.messages import (
    INVITATION_COLUMNS,
    MESSAGE_COLUMNS,
    linkedin_users,
    read_invitations,
    read_messages,
    responsiveness,
    responsiveness_from_counts,
    user_shares,
)

# --- building messages.csv like the ones people have -------------------------------------------
SHAPES = {
    "2018": ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"],
    "2020": ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "TO", "DATE", "SUBJECT", "CONTENT", "FOLDER"],
    "2021": ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE", "SUBJECT",
             "CONTENT", "FOLDER"],
    "2023": ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
             "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],
}
ME = "Lucía Ramos"


def _date(when: datetime, shape: str, spreadsheet: bool) -> str:
    if spreadsheet:
        return when.strftime("%d/%m/%Y %H:%M")
    if shape == "2018":
        hour = when.hour % 12 or 12
        return f"{when.month}/{when.day}/{when.year % 100:02d}, {hour}:{when.minute:02d} " \
               f"{'AM' if when.hour < 12 else 'PM'}"
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


def build_messages(rows, *, shape="2023", sep=",", encoding="utf-8", newline="\n", spreadsheet=False,
                   preamble=0) -> bytes:
    """The bytes of a messages.csv with ``rows`` (dicts) in the given shape."""
    out = io.StringIO()
    for _ in range(preamble):
        out.write("Exportado por una hoja de cálculo" + newline)
    writer = csv.writer(out, delimiter=sep, lineterminator=newline)
    writer.writerow(SHAPES[shape])
    for row in rows:
        values = {
            "From": row["sender"], "FROM": row["sender"], "To": row["to"], "TO": row["to"],
            "Date": _date(row["sent_at"], shape, spreadsheet), "DATE": _date(row["sent_at"], shape, spreadsheet),
            "Subject": "", "SUBJECT": "", "Content": row["content"], "CONTENT": row["content"],
            "Direction": "OUTGOING" if row["sender"] == ME else "INCOMING", "Folder": row["folder"],
            "FOLDER": row["folder"], "CONVERSATION ID": row["conversation"], "CONVERSATION TITLE": "",
            "SENDER PROFILE URL": row["url"], "RECIPIENT PROFILE URLS": "", "ATTACHMENTS": "",
            "IS MESSAGE DRAFT": "true" if row["draft"] else "false", "IS CONVERSATION DRAFT": "false",
        }
        writer.writerow([values[name] for name in SHAPES[shape]])
    return out.getvalue().encode(encoding)


_letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñÁÉÍÓÚÑü"
_names = st.text(alphabet=_letters, min_size=1, max_size=8).map(lambda w: w.capitalize() + " Pérez")
_contents = st.text(alphabet=_letters + " ,;\"'\n¿?!.:", max_size=40)
_moments = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0))


@st.composite
def message_rows(draw, shape: str):
    rows = []
    for number in range(draw(st.integers(0, 8))):
        other = draw(_names)
        mine = draw(st.booleans())
        content = draw(_contents)
        rows.append({
            "conversation": other if shape == "2018" else f"2-c{number % 3}",
            "sender": ME if mine else other, "to": other if mine else ME,
            "url": "" if shape in ("2018", "2020") else f"https://www.example.com/in/{number}",
            "sent_at": draw(_moments), "folder": draw(st.sampled_from(["INBOX", "SENT", "SPAM", "ARCHIVE"])),
            "draft": shape == "2023" and draw(st.booleans()),
            "content": draw(st.sampled_from(["{}", "<p>{}</p>", "{}<br>"])).format(content),
            "plain": content.strip(),
        })
    return rows


@st.composite
def message_exports(draw):
    shape = draw(st.sampled_from(sorted(SHAPES)))
    return shape, draw(message_rows(shape)), draw(st.fixed_dictionaries({
        "sep": st.sampled_from([",", ";", "\t"]),
        "encoding": st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
        "newline": st.sampled_from(["\n", "\r\n"]),
        "spreadsheet": st.booleans(),
        "preamble": st.integers(0, 2),
    }))


class TestReadMessages:
    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(export=message_exports())
    def test_round_trip_over_shapes(self, export):
        """Every shape, separator, encoding, line end and spreadsheet re-save reads back to the same messages."""
        shape, rows, variant = export
        data = build_messages(rows, shape=shape, **variant)
        table = read_messages(data, content=True)
        assert list(table.columns) == [*MESSAGE_COLUMNS, "content"]
        assert len(table) == len(rows)
        for (_, got), row in zip(table.iterrows(), rows):
            assert got["sender"] == row["sender"]
            assert got["recipients"] == row["to"]
            assert got["conversation_id"] == row["conversation"]
            assert got["sent_at"] == pd.Timestamp(row["sent_at"], tz="UTC")
            assert got["folder"] == row["folder"]
            assert bool(got["is_draft"]) == row["draft"]
            assert (got["content"] if pd.notna(got["content"]) else "") == row["plain"]
            assert (got["sender_url"] if pd.notna(got["sender_url"]) else "") == row["url"]

    def test_content_is_left_out_by_default(self):
        """Privacy first: without content=True the table holds no message text."""
        table = read_messages(data_path("mensajes_ejemplo.csv"))
        assert list(table.columns) == list(MESSAGE_COLUMNS)
        assert str(table["sent_at"].dtype) == "datetime64[ns, UTC]"

    def test_2018_threads_are_the_other_person(self):
        """Without a conversation id, a conversation is the thread with the other person, both directions."""
        text = ("From,To,Date,Subject,Content,Direction,Folder\n"
                "Ana Ruiz,Yo,\"10/16/18, 8:36 AM\",,Hola,INCOMING,INBOX\n"
                "Yo,Ana Ruiz,\"10/16/18, 9:36 PM\",,¿Qué tal?,OUTGOING,SENT\n")
        table = read_messages(text)
        assert table["conversation_id"].tolist() == ["Ana Ruiz", "Ana Ruiz"]
        assert table["sent_at"].iloc[1] - table["sent_at"].iloc[0] == pd.Timedelta(hours=13)

    def test_folder_zip_bytes_and_open_file(self, tmp_path):
        """The folder or .zip LinkedIn gives, bytes and open files all read like the file itself."""
        data = data_path("mensajes_ejemplo.csv").read_bytes()
        expected = read_messages(data_path("mensajes_ejemplo.csv"))
        folder = tmp_path / "Basic_LinkedInDataExport" / "inner"
        folder.mkdir(parents=True)
        (folder / "messages.csv").write_bytes(data)
        archive = tmp_path / "export.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("Basic/messages.csv", data)
        with open(folder / "messages.csv", "rb") as handle:
            from_handle = read_messages(handle)
        for table in (read_messages(tmp_path / "Basic_LinkedInDataExport"), read_messages(archive),
                      read_messages(data), from_handle):
            pd.testing.assert_frame_equal(table, expected)

    def test_input_never_modified(self, tmp_path):
        """Reading a file leaves its bytes exactly as they were."""
        path = tmp_path / "messages.csv"
        path.write_bytes(data_path("mensajes_ejemplo.csv").read_bytes())
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        read_messages(path, content=True)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    def test_wrong_files_say_which_file_they_are(self):
        """Connections.csv or Invitations.csv passed to read_messages get a message naming the right reader."""
        with pytest.raises(SSIInputError, match=r"Connections\.csv"):
            read_messages(data_path("conexiones_ejemplo.csv"))
        with pytest.raises(SSIInputError, match="read_invitations"):
            read_messages(data_path("invitaciones_ejemplo.csv"))
        with pytest.raises(SSIInputError, match="read_messages"):
            read_invitations(data_path("mensajes_ejemplo.csv"))

    @pytest.mark.parametrize(("text", "match"), [
        ("\n\n", "vacío"),
        ("FROM,TO,DATE,CONTENT,FOLDER\nA,B,2020-01-01 10:00:00 UTC,hola,INBOX,x,y\n", "línea 2"),
        ('FROM,TO,DATE,CONTENT,FOLDER\nA,B,2020-01-01 10:00:00 UTC,"hola,INBOX\nC,D,x,y,z\n', "comilla"),
    ])
    def test_clear_errors(self, text, match):
        """An empty file, a row with extra fields or an unclosed quote: a message naming the line, not its text."""
        with pytest.raises(SSIInputError, match=match) as info:
            read_messages(text.encode())
        assert "hola" not in str(info.value)

    def test_missing_file_and_wrong_types(self, tmp_path):
        """A missing path, a table or a non-boolean content flag get our errors."""
        with pytest.raises(SSIInputError, match="No encuentro"):
            read_messages(tmp_path / "nada.csv")
        with pytest.raises(SSITypeError):
            read_messages(pd.DataFrame())
        with pytest.raises(SSITypeError):
            read_messages(data_path("mensajes_ejemplo.csv"), content="sí")

    def test_unreadable_dates_warn_with_lines(self):
        """A date that cannot be read becomes NaT and a warning gives its line, never its text."""
        text = "FROM;TO;DATE;CONTENT;FOLDER\nA;B;16/10/2018 20:36;hola;INBOX\nA;B;mañana;hola;INBOX\n"
        with pytest.warns(SSIWarning, match="Línea 3"):
            table = read_messages(text)
        assert table["sent_at"].isna().tolist() == [False, True]


class TestReadInvitations:
    @pytest.mark.parametrize("newer", [False, True])
    def test_both_shapes(self, newer):
        """Invitations.csv with 5 or 7 columns: same table, the note's text never kept."""
        header = "From,To,Sent At,Message,Direction" + (",inviterProfileUrl,inviteeProfileUrl" if newer else "")
        extra = ",https://www.example.com/in/a,https://www.example.com/in/b" if newer else ""
        text = (f"{header}\nAna,Yo,\"7/18/22, 1:42 AM\",\"Hola, conectemos\",INCOMING{extra}\n"
                f"Yo,Luis,\"7/19/22, 11:05 PM\",,OUTGOING{extra}\n")
        table = read_invitations(text)
        assert list(table.columns) == list(INVITATION_COLUMNS)
        assert table["direction"].tolist() == ["incoming", "outgoing"]
        assert table["has_message"].tolist() == [True, False]
        assert table["sent_at"].iloc[0] == pd.Timestamp("2022-07-18 01:42", tz="UTC")
        assert "Hola, conectemos" not in table.to_string()

    def test_example(self):
        """The example file reads whole."""
        table = load_dataset("invitaciones_ejemplo")
        assert len(table) == 8 and table["sent_at"].notna().all()


# --- responsiveness ----------------------------------------------------------------------------
def _frame(rows):
    """A table like read_messages' from (conversation, sender, recipient, hour, folder, draft)."""
    start = pd.Timestamp("2025-01-01", tz="UTC")
    return pd.DataFrame({
        "conversation_id": pd.Series([r[0] for r in rows], dtype="string"),
        "sender": pd.Series([r[1] for r in rows], dtype="string"),
        "sender_url": pd.Series([None] * len(rows), dtype="string"),
        "recipients": pd.Series([r[2] for r in rows], dtype="string"),
        "sent_at": pd.Series([start + pd.Timedelta(hours=r[3]) for r in rows], dtype="datetime64[ns, UTC]"),
        "folder": pd.Series([r[4] for r in rows], dtype="string"),
        "is_draft": pd.Series([r[5] for r in rows], dtype=bool),
    })


class TestResponsiveness:
    def test_rules(self):
        """Received = started by someone else; answered = you wrote after; drafts and SPAM left out."""
        table = _frame([
            ("a", "Ana", "Yo", 0, "INBOX", False), ("a", "Yo", "Ana", 3, "INBOX", False),     # answered in 3 h
            ("b", "Bea", "Yo", 1, "INBOX", False), ("b", "Yo", "Bea", 2, "DRAFT", True),      # a draft only
            ("c", "Yo", "Carla", 0, "SENT", False), ("c", "Carla", "Yo", 5, "INBOX", False),  # started by me
            ("d", "Spam SA", "Yo", 0, "SPAM", False),                                          # spam
            ("e", "Eva", "Yo", 10, "INBOX", False), ("e", "Yo", "Eva", 11, "INBOX", False),  # answered in 1 h
        ])
        result = responsiveness(table)
        assert result.me == "Yo"
        assert (result.received, result.answered) == (3, 2)
        assert result.response_rate == pytest.approx(2 / 3)
        assert result.median_response_hours == pytest.approx(2.0)
        assert result.waiting["person"].tolist() == ["Bea"]
        assert "content" not in result.waiting.columns

    def test_waiting_is_oldest_first(self):
        """The unanswered conversations come oldest first."""
        table = _frame([("x", "Xavi", "Yo", 9, "INBOX", False), ("y", "Yara", "Yo", 2, "INBOX", False),
                        ("z", "Yo", "Zoe", 1, "SENT", False), ("w", "Yo", "Wen", 1, "SENT", False)])
        assert responsiveness(table).waiting["person"].tolist() == ["Yara", "Xavi"]

    def test_me_by_name_ignores_case_and_unknown_names_fail(self):
        """`me` is matched without case or spaces; a name in no conversation gets a message with a hint."""
        table = load_dataset("mensajes_ejemplo")
        assert responsiveness(table, me="  lucía ramos ").received == responsiveness(table).received
        with pytest.raises(SSIInputError, match="ninguna conversación") as info:
            responsiveness(table, me="Nadie")
        assert "Lucía Ramos" in info.value.hint
        with pytest.raises(SSITypeError):
            responsiveness(table, me=3)

    def test_not_a_messages_table(self):
        """A table without the reader's columns, or not a table, gets our errors."""
        with pytest.raises(SSIInputError):
            responsiveness(pd.DataFrame({"x": [1]}))
        with pytest.raises(SSITypeError):
            responsiveness("messages.csv")

    def test_empty(self):
        """No messages: nothing received, no rate."""
        result = responsiveness(_frame([]))
        assert (result.received, result.response_rate, len(result.waiting)) == (0, None, 0)
        assert "Nadie" in result.describe()

    @settings(max_examples=60, deadline=None)
    @given(rows=st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from(["Yo", "Ana", "Bea"]),
                                   st.integers(0, 100), st.booleans()), max_size=15))
    def test_invariants(self, rows):
        """answered <= received, the rate is in 0–1, and waiting holds exactly the unanswered ones."""
        table = _frame([(c, s, "Yo" if s != "Yo" else "Ana", h, "INBOX", d) for c, s, h, d in rows])
        result = responsiveness(table, me="Yo") if (table["sender"] == "Yo").any() or (
            table["recipients"] == "Yo").any() else responsiveness(table)
        assert 0 <= result.answered <= result.received
        assert len(result.waiting) == result.received - result.answered
        if result.response_rate is not None:
            assert 0 <= result.response_rate <= 1
        if result.median_response_hours is not None:
            assert result.median_response_hours >= 0


class TestFromCounts:
    def test_rate(self):
        """Counts typed by hand give the same kind of result."""
        result = responsiveness_from_counts(20, 15, median_response_hours=6)
        assert result.response_rate == pytest.approx(15 / 20)
        assert "15 de 20" in result.describe()

    @pytest.mark.parametrize(("received", "answered"), [(5, 6), (-1, 0), (2.5, 1), ("20", 15)])
    def test_bad_counts(self, received, answered):
        """More answered than received, negative or fractional counts, text: a clear message."""
        with pytest.raises(SSIInputError):
            responsiveness_from_counts(received, answered)


class TestUsers:
    def test_course_figures_and_sources(self):
        """The course's three figures are there, and every figure carries a date and a source."""
        users = linkedin_users()
        course = users[users["origin"] == "course"].set_index("region")["users"]
        assert course.to_dict() == {"world": 500_000_000, "latin_america": 84_000_000, "mexico": 12_000_000}
        assert (users["source"].str.len() > 0).all() and (users["as_of"].str.len() > 0).all()
        assert (users["origin"] == "current").any()

    def test_shares(self):
        """Each region's share is its users over the world figure of the same origin."""
        shares = user_shares().set_index("region")
        users = linkedin_users()
        world = int(users.loc[(users["origin"] == "course") & (users["region"] == "world"), "users"].iloc[0])
        assert shares.loc["mexico", "share"] == pytest.approx(shares.loc["mexico", "users"] / world)

    def test_shares_need_a_world_figure(self):
        """A table without the world figure gets a message."""
        with pytest.raises(SSIInputError, match="mundial"):
            user_shares(pd.DataFrame({"region": ["mexico"], "users": [1], "origin": ["course"]}))


def test_lazy_names():
    """The readers are reachable from the package, as lessons call them."""
    assert ssi_kit.read_messages is read_messages and ssi_kit.responsiveness is responsiveness


def test_example_dates_spread():
    """The example file spans days, so the lesson's waiting list has an order."""
    table = load_dataset("mensajes_ejemplo")
    assert table["sent_at"].max() - table["sent_at"].min() > timedelta(days=5)


_garbage = st.one_of(st.none(), st.integers(), st.floats(), st.text(max_size=12), st.binary(max_size=20),
                     st.lists(st.integers(), max_size=3), st.just(pd.DataFrame()), st.just(pd.NA),
                     st.sampled_from(["", "a\nb", "FROM,DATE\n", "From,To,Sent At\nx", "../..", "\x00"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_garbage)
def test_only_our_errors_escape(value, tmp_path_factory):
    """Garbage in any argument of the public functions gives SSIInputError/SSITypeError, never another error."""
    import os
    import warnings

    from ssi_kit.plots import plot_responsiveness, plot_users

    calls = [
        lambda: read_messages(value), lambda: read_messages(data_path("mensajes_ejemplo.csv"), content=value),
        lambda: read_invitations(value), lambda: responsiveness(value),
        lambda: responsiveness(load_dataset("mensajes_ejemplo"), me=value),
        lambda: responsiveness_from_counts(value, 1), lambda: responsiveness_from_counts(5, value),
        lambda: responsiveness_from_counts(5, 1, median_response_hours=value),
        lambda: user_shares(value), lambda: plot_users(value), lambda: plot_users(title=value),
        lambda: plot_responsiveness(value),
    ]
    before = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("garbage"))
    try:
        for call in calls:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    call()
                except (SSIInputError, SSITypeError):
                    pass
    finally:
        os.chdir(before)
