"""The small expression language the model's tables are written in, and its one parser.

Rate laws, intermediate quantities and readouts (:mod:`ifnalpha.model.spec`) and the readouts of
the published reference model (:mod:`ifnalpha.model.reference`) are short arithmetic
expressions: numbers, names, ``+ - * /``, ``**`` (with a number or a name as exponent),
unary minus and parentheses. Readouts may also call two functions:

- ``max(a, b)``: the larger of the two;
- ``fraction(part, whole)``: ``part / whole``, or 0 where ``whole`` ≤ :data:`FRACTION_FLOOR`
  (nothing to be a fraction of, e.g. STAT1 in a STAT1-null cell).

This module parses and checks such expressions (:func:`parse`), lists the names they use
(:func:`names`), prints them as Python (:func:`to_python`) or SBML Level 3 infix
(:func:`to_sbml_infix`), and evaluates them over arrays (:func:`evaluator`). Nothing else is
accepted, so evaluating an expression cannot run arbitrary code.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable, Collection, Mapping

import numpy as np

#: ``fraction(part, whole)`` is 0 where ``whole`` is at most this.
FRACTION_FLOOR = 1e-12

_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)
_SYMBOLS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "^"}
_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 3}


def _max(a, b):
    return np.maximum(a, b)


def _fraction(part, whole):
    part, whole = np.broadcast_arrays(np.asarray(part, dtype=float),
                                      np.asarray(whole, dtype=float))
    out = np.zeros(part.shape)
    np.divide(part, whole, out=out, where=whole > FRACTION_FLOOR)
    return out if out.ndim else float(out)


#: The functions an expression may call (readouts only), as NumPy implementations.
FUNCTIONS: dict[str, Callable] = {"max": _max, "fraction": _fraction}


def parse_expression(expr: str, *, functions: Collection[str] = ()) -> ast.expr:
    """Parse an expression and check that it uses only the allowed syntax.

    Parameters
    ----------
    expr : str
        Arithmetic over names and numbers, e.g. ``"k * a * b / (1 + c)"``.
    functions : collection of str
        Names of :data:`FUNCTIONS` the expression may call (rate laws: none).

    Returns
    -------
    ast.expr
        The expression tree.

    Raises
    ------
    TypeError
        If ``expr`` is not a string.
    ValueError
        If it is not valid arithmetic, or uses anything but numbers, names, ``+ - * / **``,
        parentheses and the allowed functions.

    Examples
    --------
    >>> ast.unparse(parse_expression("k*a"))
    'k * a'
    >>> parse_expression("max(a, 0)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: expression 'max(a, 0)' may only hold names, numbers, + - * / ** and ...
    """
    if not isinstance(expr, str):
        raise TypeError(f"`expression` must be a string, got {expr!r}")
    try:
        tree = ast.parse(expr, mode="eval").body
    except SyntaxError as error:
        raise ValueError(f"expression {expr!r} is not valid arithmetic: {error.msg}") from None
    allowed = set(functions)
    for node in ast.walk(tree):
        ok = isinstance(node, ast.Name | ast.Constant | ast.BinOp | ast.UnaryOp | ast.Load)
        ok = ok or isinstance(node, (*_BINOPS, ast.USub))
        if isinstance(node, ast.Constant) and type(node.value) not in (int, float):
            ok = False
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            ok = ok and isinstance(node.right, ast.Constant | ast.Name)
        if isinstance(node, ast.Call):
            ok = (isinstance(node.func, ast.Name) and node.func.id in allowed
                  and len(node.args) == 2 and not node.keywords)
        if not ok:
            calls = f" and the functions {', '.join(sorted(allowed))}" if allowed else ""
            raise ValueError(
                f"expression {expr!r} may only hold names, numbers, + - * / ** and "
                f"parentheses{calls}; got {ast.unparse(node)!r}"
            )
    return tree


def names(tree: ast.expr) -> set[str]:
    """Return the names an expression tree uses (function names left out).

    Examples
    --------
    >>> sorted(names(parse_expression("fraction(a, b + c)", functions=FUNCTIONS)))
    ['a', 'b', 'c']
    """
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in called}


def to_python(tree: ast.expr) -> str:
    """Return Python source for an expression tree (functions as in :data:`FUNCTIONS`)."""
    return ast.unparse(tree)


def to_sbml_infix(tree: ast.expr) -> str:
    """Return SBML Level 3 infix syntax (``^`` for powers, ``piecewise`` for the functions).

    Examples
    --------
    >>> to_sbml_infix(parse_expression("a ** 2 / (k + a ** 2)"))
    '(a^2.0) / (k + (a^2.0))'
    >>> to_sbml_infix(parse_expression("fraction(p, t)", functions=FUNCTIONS))
    'piecewise(p / t, t > 1e-12, 0)'
    """

    def p(node: ast.expr) -> str:
        if isinstance(node, ast.Constant):
            return repr(float(node.value))
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.UnaryOp):
            return f"-({p(node.operand)})"
        if isinstance(node, ast.Call):
            top, bottom = node.args
            a, b = p(top), p(bottom)
            if node.func.id == "max":  # type: ignore[attr-defined]
                return f"piecewise({a}, {a} > {b}, {b})"
            return f"piecewise({_quotient(top, bottom, a, b)}, {b} > {FRACTION_FLOOR!r}, 0)"
        if isinstance(node, ast.BinOp):
            op = _SYMBOLS[type(node.op)]
            left, right = p(node.left), p(node.right)
            if isinstance(node.op, ast.Pow):
                return f"({left}^{right})"
            if isinstance(node.left, ast.BinOp) and _needs_parens(node.left, node.op, False):
                left = f"({left})"
            if isinstance(node.right, ast.BinOp) and _needs_parens(node.right, node.op, True):
                right = f"({right})"
            return f"{left} {op} {right}"
        raise ValueError(ast.dump(node))

    return p(tree)


def _quotient(num: ast.expr, den: ast.expr, a: str, b: str) -> str:
    """Write ``a / b`` in SBML infix, with parentheses only where precedence needs them."""
    if isinstance(num, ast.BinOp) and _PRECEDENCE[type(num.op)] < 2:
        a = f"({a})"
    if isinstance(den, ast.BinOp) and _PRECEDENCE[type(den.op)] < 3:
        b = f"({b})"
    return f"{a} / {b}"


def _needs_parens(child: ast.BinOp, parent_op: ast.operator, is_right: bool) -> bool:
    pc, pp = _PRECEDENCE[type(child.op)], _PRECEDENCE[type(parent_op)]
    if pc < pp:
        return True
    return is_right and pc == pp and isinstance(parent_op, ast.Sub | ast.Div)


@functools.cache
def evaluator(expression: str) -> tuple[Callable[[Mapping[str, np.ndarray]], np.ndarray],
                                        frozenset[str]]:
    """Compile an expression into a function of named arrays, and the names it needs.

    The functions of :data:`FUNCTIONS` are allowed. Compiled once per expression.

    Examples
    --------
    >>> f, needed = evaluator("2 * a + b")
    >>> sorted(needed), float(f({"a": 1.0, "b": 0.5}))
    (['a', 'b'], 2.5)
    """
    tree = parse_expression(expression, functions=FUNCTIONS)
    code = compile(ast.Expression(tree), "<ifnalpha expression>", "eval")
    scope = {"__builtins__": {}, **FUNCTIONS}

    def evaluate(env: Mapping[str, np.ndarray]) -> np.ndarray:
        return eval(code, scope, dict(env))  # noqa: S307 - the tree was checked by parse_expression()

    return evaluate, frozenset(names(tree))
