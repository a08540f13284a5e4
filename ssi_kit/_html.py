"""Text from a file, a contact or a learner put into a page as text, never as markup or maths.

Jupyter and Voilà show HTML and Markdown outputs as they come (a kernel's outputs are trusted),
then typeset ``$…$`` and ``\\(…\\)`` with MathJax, and ipywidgets typesets a checkbox's
description. A company named ``<img src=x onerror=…>`` or ``$\\href{javascript:…}{x}$`` in
someone's export must reach the page as those characters, whatever renders it.
"""

from __future__ import annotations

import html
import string

__all__ = ["NO_MATH", "escape", "has_math", "literal", "literal_block", "paragraph"]

NO_MATH = "tex2jax_ignore mathjax_ignore"
"""HTML classes that MathJax 2 and 3 skip, with everything inside: for elements holding data."""

_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_LITERAL = {ord(c): _NAMED.get(c, f"&#{ord(c)};") for c in string.punctuation}
_MATH_MARKS = ("$", "\\(", "\\[", "\\begin")


def escape(value: object) -> str:
    """``str(value)`` as HTML text: ``&``, ``<``, ``>`` and both quotes escaped (safe in an attribute too).

    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(value), quote=True)


def literal(value: object) -> str:
    """``str(value)`` as text in HTML *and* in Markdown: every ASCII punctuation character as a
    character reference (``&lt;``, ``&#42;``…), so no tag, Markdown syntax (``*x*``, ``[a](b)``,
    `` `code` ``), backslash escape or ``$`` math delimiter is left to read. Letters, digits,
    spaces and other characters stay as they are.

    >>> literal("*<b>*")
    '&#42;&lt;b&gt;&#42;'
    """
    return str(value).translate(_LITERAL)


def literal_block(value: object, *, tag: str = "span") -> str:
    """``value`` as :func:`literal` text in a ``tag`` element that MathJax skips.

    >>> literal_block("$x$")
    '<span class="tex2jax_ignore mathjax_ignore">&#36;x&#36;</span>'
    """
    return f'<{tag} class="{NO_MATH}">{literal(value)}</{tag}>'


def paragraph(text: object) -> str:
    """``text`` as an escaped paragraph of an HTML output, in a block MathJax skips.

    >>> paragraph("1 < 2")
    '<div class="tex2jax_ignore mathjax_ignore"><p>1 &lt; 2</p></div>'
    """
    return f'<div class="{NO_MATH}"><p>{escape(text)}</p></div>'


def has_math(text: str) -> bool:
    """Whether MathJax could find a formula to typeset in ``text`` (a ``$`` or a TeX delimiter).

    >>> has_math("5 $"), has_math("Ana")
    (True, False)
    """
    return any(mark in text for mark in _MATH_MARKS)
