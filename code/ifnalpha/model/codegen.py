"""Turn the model's reaction table into fast Python functions and SBML formulae.

The model is written once, as data (:mod:`ifnalpha.model.spec`): species, intermediate quantities
and reactions whose rate laws are short arithmetic expressions. This module

- parses those expressions (a safe subset of Python: numbers, names, ``+ - * /`` and ``**``),
- differentiates them symbolically (for the analytic Jacobian the stiff solver uses),
- writes the right-hand side and Jacobian as plain Python source, compiled once per model,
- prints the same expressions in SBML Level 3 infix syntax (for :func:`ifnalpha.model.to_sbml`).

The generated functions use only arithmetic operators, so the same code runs on Python floats
(one simulation) and on NumPy arrays (many simulations at once, see ``simulate_many``).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

_ALLOWED_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)


def parse(expr: str) -> ast.expr:
    """Parse a rate-law expression and check that it uses only the allowed syntax.

    Parameters
    ----------
    expr : str
        Arithmetic expression over names and numbers, e.g. ``"k * a * b / (1 + c)"``.

    Returns
    -------
    ast.expr
        The expression tree.

    Raises
    ------
    ValueError
        If the expression uses anything but numbers, names, ``+ - * / **`` and parentheses.

    Examples
    --------
    >>> ast.unparse(parse("k*a"))
    'k * a'
    """
    tree = ast.parse(expr, mode="eval").body
    for node in ast.walk(tree):
        ok = isinstance(node, ast.Name | ast.Constant | ast.BinOp | ast.UnaryOp | ast.Load)
        ok = ok or isinstance(node, (*_ALLOWED_BINOPS, ast.USub))
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
            ok = False
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            ok = ok and isinstance(node.right, ast.Constant | ast.Name)
        if not ok:
            raise ValueError(f"unsupported syntax in rate expression {expr!r}: {ast.dump(node)}")
    return tree


def names(tree: ast.expr) -> set[str]:
    """Return the names used in an expression tree."""
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


# --- construction helpers that fold the trivial cases -------------------------------------


def _num(x: float) -> ast.expr:
    return ast.Constant(value=float(x)) if x >= 0 else ast.UnaryOp(ast.USub(), ast.Constant(-x))


def _is_num(node: ast.expr, value: float) -> bool:
    return isinstance(node, ast.Constant) and float(node.value) == value


def _add(a: ast.expr, b: ast.expr) -> ast.expr:
    if _is_num(a, 0):
        return b
    if _is_num(b, 0):
        return a
    return ast.BinOp(a, ast.Add(), b)


def _sub(a: ast.expr, b: ast.expr) -> ast.expr:
    if _is_num(b, 0):
        return a
    if _is_num(a, 0):
        return _neg(b)
    return ast.BinOp(a, ast.Sub(), b)


def _neg(a: ast.expr) -> ast.expr:
    if _is_num(a, 0):
        return a
    if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.USub):
        return a.operand
    return ast.UnaryOp(ast.USub(), a)


def _mul(a: ast.expr, b: ast.expr) -> ast.expr:
    if _is_num(a, 0) or _is_num(b, 0):
        return _num(0)
    if _is_num(a, 1):
        return b
    if _is_num(b, 1):
        return a
    return ast.BinOp(a, ast.Mult(), b)


def _div(a: ast.expr, b: ast.expr) -> ast.expr:
    if _is_num(a, 0):
        return a
    if _is_num(b, 1):
        return a
    return ast.BinOp(a, ast.Div(), b)


def _pow(a: ast.expr, n: ast.expr) -> ast.expr:
    if _is_num(n, 1):
        return a
    if _is_num(n, 0):
        return _num(1)
    return ast.BinOp(a, ast.Pow(), n)


def derivative(
    tree: ast.expr, var: str, definitions: Mapping[str, ast.expr] | None = None
) -> ast.expr:
    """Differentiate an expression tree with respect to one name.

    Parameters
    ----------
    tree : ast.expr
        Expression from :func:`parse`.
    var : str
        The name to differentiate by (a state variable).
    definitions : mapping, optional
        Intermediate quantities (name → expression) that depend on the states; the chain rule
        is applied through them. Every other name is treated as a constant.

    Returns
    -------
    ast.expr
        The derivative, with trivial terms (``0 *``, ``+ 0``, ``* 1``) folded away.

    Examples
    --------
    >>> ast.unparse(derivative(parse("k * a * a / (1 + b)"), "a"))
    '(k * a + k * a) / (1 + b)'
    """
    defs = definitions or {}

    def d(node: ast.expr) -> ast.expr:
        if isinstance(node, ast.Constant):
            return _num(0)
        if isinstance(node, ast.Name):
            if node.id == var:
                return _num(1)
            if node.id in defs:
                return d(defs[node.id])
            return _num(0)
        if isinstance(node, ast.UnaryOp):
            return _neg(d(node.operand))
        if isinstance(node, ast.BinOp):
            a, b = node.left, node.right
            if isinstance(node.op, ast.Add):
                return _add(d(a), d(b))
            if isinstance(node.op, ast.Sub):
                return _sub(d(a), d(b))
            if isinstance(node.op, ast.Mult):
                return _add(_mul(d(a), b), _mul(a, d(b)))
            if isinstance(node.op, ast.Div):
                da, db = d(a), d(b)
                first = _div(da, b)
                if _is_num(db, 0):
                    return first
                return _sub(first, _div(_mul(a, db), _mul(b, b)))
            if isinstance(node.op, ast.Pow):
                # exponents are numbers or parameters (constants with respect to the states)
                da = d(a)
                if _is_num(da, 0):
                    return _num(0)
                n = b
                n_minus_1 = (
                    _num(float(n.value) - 1)
                    if isinstance(n, ast.Constant)
                    else ast.BinOp(n, ast.Sub(), _num(1))
                )
                return _mul(_mul(n, _pow(a, n_minus_1)), da)
        raise ValueError(f"cannot differentiate {ast.dump(node)}")

    return d(tree)


def is_zero(tree: ast.expr) -> bool:
    """Return True if the expression is the number 0."""
    return _is_num(tree, 0)


def to_python(tree: ast.expr) -> str:
    """Return Python source for an expression tree."""
    return ast.unparse(tree)


def to_sbml_infix(tree: ast.expr) -> str:
    """Return SBML Level 3 infix syntax (``^`` for powers) for an expression tree.

    Examples
    --------
    >>> to_sbml_infix(parse("a ** 2 / (k + a ** 2)"))
    '(a^2.0) / (k + (a^2.0))'
    """

    def p(node: ast.expr) -> str:
        if isinstance(node, ast.Constant):
            return repr(float(node.value))
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.UnaryOp):
            return f"-({p(node.operand)})"
        if isinstance(node, ast.BinOp):
            op = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "^"}[
                type(node.op)
            ]
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


_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 3}


def _needs_parens(child: ast.BinOp, parent_op: ast.operator, is_right: bool) -> bool:
    pc, pp = _PRECEDENCE[type(child.op)], _PRECEDENCE[type(parent_op)]
    if pc < pp:
        return True
    return is_right and pc == pp and isinstance(parent_op, ast.Sub | ast.Div)


@dataclass(frozen=True)
class CompiledModel:
    """Right-hand side and Jacobian of the model as compiled Python functions.

    Attributes
    ----------
    rhs : callable
        ``rhs(y, p, ifn_pM) -> list`` of time derivatives; ``y`` is a sequence of states,
        ``p`` a sequence of constants in ``constant_names`` order. Works on floats or arrays.
    jac_entries : callable
        ``jac_entries(y, p, ifn_pM) -> list`` of the non-zero Jacobian entries, in the order
        of ``jac_index``.
    jac_index : tuple of (int, int)
        Row (equation) and column (state) of each Jacobian entry.
    rates : callable
        ``rates(y, p, ifn_pM) -> list`` of reaction rates (for inspection and tests).
    source : str
        The generated Python source, for readers who want to see the equations as code.
    """

    rhs: Callable
    jac_entries: Callable
    jac_index: tuple[tuple[int, int], ...]
    rates: Callable
    source: str


def compile_model(
    states: Sequence[str],
    constants: Sequence[str],
    assignments: Sequence[tuple[str, str]],
    reactions: Sequence[tuple[str, Mapping[str, int], str]],
    input_name: str = "ifn_pM",
) -> CompiledModel:
    """Generate and compile the model's functions from its reaction table.

    Parameters
    ----------
    states : sequence of str
        State variable names, in vector order.
    constants : sequence of str
        Constant names (parameters, derived constants, perturbation factors), in the order of
        the ``p`` vector the functions receive.
    assignments : sequence of (name, expression)
        Intermediate quantities computed in order before the rates.
    reactions : sequence of (id, stoichiometry, rate expression)
        Stoichiometry maps state names to signed coefficients.
    input_name : str
        Name of the time-varying input in the expressions.

    Returns
    -------
    CompiledModel

    Examples
    --------
    >>> m = compile_model(["x"], ["k"], [], [("decay", {"x": -1}, "k * x")])
    >>> m.rhs([2.0], [0.5], 0.0)
    [-1.0]
    """
    state_index = {s: i for i, s in enumerate(states)}
    known = set(states) | set(constants) | {input_name}
    defs: dict[str, ast.expr] = {}
    for name, expr in assignments:
        tree = parse(expr)
        unknown = names(tree) - known - set(defs)
        if unknown:
            raise ValueError(f"assignment {name!r} uses unknown names {sorted(unknown)}")
        defs[name] = tree
    rate_trees = []
    for rid, stoich, expr in reactions:
        tree = parse(expr)
        unknown = names(tree) - known - set(defs)
        if unknown:
            raise ValueError(f"reaction {rid!r} uses unknown names {sorted(unknown)}")
        bad = set(stoich) - set(states)
        if bad:
            raise ValueError(f"reaction {rid!r} changes unknown species {sorted(bad)}")
        rate_trees.append(tree)

    head = [
        f"    ({', '.join(states)},) = y" if states else "",
        f"    ({', '.join(constants)},) = p" if constants else "",
        f"    {input_name} = u",
    ]
    body = [f"    {name} = {to_python(tree)}" for name, tree in defs.items()]
    rate_lines = [f"    v{j} = {to_python(t)}" for j, t in enumerate(rate_trees)]

    # time derivatives: sum of stoichiometry x rate
    terms: list[list[str]] = [[] for _ in states]
    for j, (_rid, stoich, _expr) in enumerate(reactions):
        for sp, coef in stoich.items():
            i = state_index[sp]
            if coef == 1:
                terms[i].append(f"+ v{j}")
            elif coef == -1:
                terms[i].append(f"- v{j}")
            else:
                terms[i].append(f"{'+' if coef > 0 else '-'} {abs(coef)} * v{j}")
    dy = []
    for t in terms:
        if not t:
            dy.append("0.0 * u")
        else:
            s = " ".join(t)
            dy.append(s[2:] if s.startswith("+ ") else "-" + s[2:])
    src = ["def rhs(y, p, u):", *head, *body, *rate_lines, f"    return [{', '.join(dy)}]", ""]
    src += ["def rates(y, p, u):", *head, *body, *rate_lines]
    src += [f"    return [{', '.join(f'v{j}' for j in range(len(rate_trees)))}]", ""]

    # Jacobian: d(dy_i)/d(y_k) = sum_j S_ij d(v_j)/d(y_k)
    dv: dict[tuple[int, int], ast.expr] = {}
    for j, tree in enumerate(rate_trees):
        used = names(tree)
        closure = set(used)
        frontier = [n for n in used if n in defs]
        while frontier:
            n = frontier.pop()
            for m in names(defs[n]):
                if m not in closure:
                    closure.add(m)
                    if m in defs:
                        frontier.append(m)
        for k, sname in enumerate(states):
            if sname not in closure:
                continue
            dtree = derivative(tree, sname, defs)
            if not is_zero(dtree):
                dv[(j, k)] = dtree
    jac_terms: dict[tuple[int, int], list[str]] = {}
    dv_lines = []
    for (j, k), tree in dv.items():
        dv_lines.append(f"    d{j}_{k} = {to_python(tree)}")
        for sp, coef in reactions[j][1].items():
            i = state_index[sp]
            jac_terms.setdefault((i, k), []).append(
                f"+ d{j}_{k}" if coef == 1 else f"- d{j}_{k}" if coef == -1 else
                f"{'+' if coef > 0 else '-'} {abs(coef)} * d{j}_{k}"
            )
    index = tuple(sorted(jac_terms))
    entries = []
    for key in index:
        s = " ".join(jac_terms[key])
        entries.append(s[2:] if s.startswith("+ ") else "-" + s[2:])
    src += ["def jac_entries(y, p, u):", *head, *body, *dv_lines]
    src += [f"    return [{', '.join(entries)}]", ""]
    source = "\n".join(line for line in src if line != "")
    namespace: dict = {}
    exec(compile(source, "<ifnalpha generated model>", "exec"), namespace)  # noqa: S102
    return CompiledModel(
        rhs=namespace["rhs"],
        jac_entries=namespace["jac_entries"],
        jac_index=index,
        rates=namespace["rates"],
        source=source,
    )
