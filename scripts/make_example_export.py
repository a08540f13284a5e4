"""Make the synthetic example data of lesson 03 (run: ``python scripts/make_example_export.py``).

* ``data/conexiones_ejemplo.csv``: a LinkedIn ``Connections.csv`` in the current format
  (notes, blank line, header, ``15 Mar 2024`` dates) with 500 invented people with Spanish
  and Latin-American names. Companies are invented; URLs and e-mails use ``example.com``
  (reserved for examples), so none points to a real person.
* ``data/red_ejemplo.csv``: a small invented network (edge list) around "Yo".

Everything is deterministic (fixed seed and date): running it again gives the same files.
:func:`export_text` also builds exports of any size for benchmarks.
"""

from __future__ import annotations

import csv
import io
import random
import unicodedata
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or "
    "download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
HEADER_2018 = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"]

FIRST_NAMES = (
    "Lucía", "María", "Sofía", "Valentina", "Camila", "Martina", "Ximena", "Daniela", "Paula", "Carmen",
    "Isabel", "Gabriela", "Fernanda", "Renata", "Mariana", "Julia", "Elena", "Rocío", "Ana", "Guadalupe",
    "Inés", "Nuria", "Montserrat", "Pilar", "Catalina", "Florencia", "Antonella", "Luciana", "Itziar", "Ainhoa",
    "Alejandro", "Mateo", "Santiago", "Sebastián", "Diego", "Javier", "Carlos", "José", "Juan Pablo", "Andrés",
    "Miguel Ángel", "Pablo", "Álvaro", "Hugo", "Martín", "Nicolás", "Joaquín", "Tomás", "Emiliano", "Rodrigo",
    "Iker", "Jordi", "Xavier", "Gonzalo", "Fernando", "Raúl", "Ignacio", "Felipe", "Agustín", "Matías",
)
LAST_NAMES = (
    "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
    "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez",
    "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina",
    "Castillo", "Ortega", "Rubio", "Iglesias", "Garrido", "Medina", "Cortés", "Castro", "Núñez", "Peña",
    "Quispe", "Mamani", "Flores", "Rojas", "Vargas", "Mendoza", "Aguilar", "Herrera", "Espinoza", "Villalobos",
    "Etxeberria", "Puig", "Ferrer", "Sepúlveda", "Contreras", "Salazar", "Cárdenas", "Pacheco", "Ibarra", "Zúñiga",
)
COMPANIES = (
    "Andina Logística", "Grupo Mar del Sur", "Tecnologías Quetzal", "Consultora Albatros", "Banco Solar",
    "Hospital San Telmo", "Editorial Aurora", "Vinos del Duero Alto", "Pampa Agro", "Cafés Tierra Alta",
    "Seguros Horizonte", "Universidad del Pacífico Norte", "Energías Cierzo", "Retail Zócalo", "Mediterránea Foods",
    "Telecom Cordillera", "Estudio Jurídico Prisma", "Farmacéutica Atlas", "Inmobiliaria Brisa", "Startup Colibrí",
    "Agencia Faro Digital", "Transportes Río Grande", "Fundación Semilla", "Laboratorios Nébula", "Textil Alpaca",
    "Ayuntamiento de Villaverde", "Cooperativa La Huerta", "Software Caracol", "Moda Azahar", "Turismo Caribe Azul",
)
DECISION_TITLES = (
    "Director de Marketing", "Directora de Marketing", "Directora Comercial", "Director General", "CEO",
    "Co-founder & CEO", "Fundadora", "Gerente General", "Gerente de Ventas", "Jefa de Compras", "Jefe de Proyectos",
    "Head of Sales", "Head of Growth", "VP of Engineering", "Presidente", "Socio", "Socia directora", "Partner",
    "Dueño", "Owner", "CFO", "CTO", "Country Manager", "Managing Director", "Directora de Recursos Humanos",
)
OTHER_TITLES = (
    "Analista de Datos", "Ejecutivo de Cuentas", "Ejecutiva de Cuentas", "Diseñadora UX", "Ingeniero de Software",
    "Ingeniera de Software", "Consultor", "Consultora Senior", "Community Manager", "Especialista en SEO",
    "Técnico de Soporte", "Abogada", "Contador", "Profesora", "Investigador", "Enfermera", "Periodista",
    "Asistente de Dirección", "Executive Assistant to the CEO", "Product Owner", "Marketing Specialist",
    "Sales Representative", "Account Manager", "Desarrolladora Full Stack", "Becario de Marketing",
    "Responsable de Comunicación", "Coordinadora de Eventos", "Data Scientist", "Project Manager", "Traductora",
)
TODAY = date(2025, 6, 30)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(plain.lower().split())


def make_people(n: int = 500, *, seed: int = 3) -> list[dict[str, object]]:
    """``n`` invented connections, newest first (as LinkedIn lists them)."""
    rng = random.Random(seed)
    years = list(range(2011, TODAY.year + 1))
    weights = [1 + (y - years[0]) ** 1.4 for y in years]  # networks grow faster lately
    people = []
    for i in range(n):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if rng.random() < 0.35:
            last = f"{last} {rng.choice(LAST_NAMES)}"  # two surnames, as many have
        year = rng.choices(years, weights)[0]
        start = date(year, 1, 1)
        end = min(date(year, 12, 31), TODAY)
        day = start + timedelta(days=rng.randrange((end - start).days + 1))
        decision = rng.random() < 0.28
        position = rng.choice(DECISION_TITLES if decision else OTHER_TITLES)
        company = rng.choice(COMPANIES) if rng.random() < 0.96 else ""
        handle = f"{_slug(first)}-{_slug(last)}-{i:04x}"
        email = f"{handle.rsplit('-', 1)[0].replace('-', '.')}@example.com" if rng.random() < 0.08 else ""
        people.append({
            "First Name": first, "Last Name": last, "URL": f"https://www.example.com/in/{handle}",
            "Email Address": email, "Company": company, "Position": position, "Connected On": day,
        })
    people.sort(key=lambda p: p["Connected On"], reverse=True)
    return people


def export_text(people: list[dict[str, object]], *, variant: str = "current") -> str:
    """The text of a ``Connections.csv``: ``variant`` ``"current"`` (notes, ``15 Mar 2024``) or
    ``"2018"`` (no notes, no URL, ``1/8/18, 6:14 PM``)."""
    out = io.StringIO()
    if variant == "current":
        out.write(PREAMBLE)
        header = HEADER
    elif variant == "2018":
        header = HEADER_2018
    else:
        raise ValueError(f"unknown variant {variant!r}")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for i, person in enumerate(people):
        day = person["Connected On"]
        assert isinstance(day, date)
        if variant == "current":
            when = f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"
        else:
            hour, minute = 1 + i % 12, (7 * i) % 60
            when = f"{day.month}/{day.day}/{day.year % 100:02d}, {hour}:{minute:02d} {'AM' if i % 2 else 'PM'}"
        writer.writerow([when if h == "Connected On" else person[h] for h in header])
    return out.getvalue()


# The toy network: "Yo" and the people around them (invented first names, one per person).
_FIRST = ("Ana", "Bruno", "Carmen", "Diego", "Elena", "Fernando", "Gabriela", "Hugo")
_SECOND = ("Marta", "Nicolás", "Olivia", "Pablo", "Raquel", "Sergio", "Teresa", "Ulises",
           "Valeria", "Walter", "Ximena", "Iván", "Julia", "Lorenzo", "Mónica", "Rocío")
_THIRD = ("Adrián", "Beatriz", "César", "Daniela", "Emilio", "Fátima", "Gonzalo", "Helena",
          "Ignacio", "Jimena", "Leonardo", "Natalia")
_EDGES = (
    # you and your first degree, who partly know each other
    *(("Yo", p) for p in _FIRST),
    ("Ana", "Bruno"), ("Ana", "Carmen"), ("Bruno", "Carmen"), ("Carmen", "Diego"), ("Diego", "Elena"),
    ("Fernando", "Gabriela"), ("Gabriela", "Hugo"),
    # Marta (directora de marketing, 2nd degree): four of your contacts know her
    ("Ana", "Marta"), ("Bruno", "Marta"), ("Carmen", "Marta"), ("Elena", "Marta"),
    ("Marta", "Nicolás"), ("Marta", "Olivia"), ("Ana", "Nicolás"), ("Ana", "Olivia"), ("Carmen", "Olivia"),
    # the rest of the second degree
    ("Bruno", "Pablo"), ("Carmen", "Raquel"), ("Diego", "Sergio"), ("Diego", "Teresa"), ("Elena", "Ulises"),
    ("Fernando", "Valeria"), ("Fernando", "Walter"), ("Gabriela", "Ximena"), ("Gabriela", "Iván"),
    ("Hugo", "Julia"), ("Hugo", "Lorenzo"), ("Hugo", "Mónica"), ("Elena", "Rocío"), ("Pablo", "Raquel"),
    ("Valeria", "Walter"), ("Julia", "Mónica"),
    # third degree: contacts of your second degree
    ("Nicolás", "Adrián"), ("Olivia", "Beatriz"), ("Pablo", "César"), ("Raquel", "Daniela"),
    ("Sergio", "Emilio"), ("Teresa", "Fátima"), ("Ulises", "Gonzalo"), ("Valeria", "Helena"),
    ("Ximena", "Ignacio"), ("Iván", "Jimena"), ("Lorenzo", "Leonardo"), ("Rocío", "Natalia"),
    ("Marta", "Adrián"), ("Adrián", "Beatriz"),
    # beyond the third degree, and a pair nobody in your network knows
    ("Helena", "Óscar"), ("Óscar", "Paula"), ("Renata", "Santiago"),
)


def network_text() -> str:
    """The edge list of the toy network as CSV (``persona,contacto``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["persona", "contacto"])
    writer.writerows(_EDGES)
    return out.getvalue()


def main() -> None:
    data = ROOT / "data"
    data.mkdir(exist_ok=True)
    (data / "conexiones_ejemplo.csv").write_text(export_text(make_people()), encoding="utf-8", newline="")
    (data / "red_ejemplo.csv").write_text(network_text(), encoding="utf-8", newline="")
    print(f"wrote {data / 'conexiones_ejemplo.csv'} and {data / 'red_ejemplo.csv'}")


if __name__ == "__main__":
    main()
