"""Turn the model's tables into fast Python: right-hand side, Jacobian and readouts.

The model is written once, as data (:mod:`ifnalpha.model.spec`): species, intermediate quantities,
reactions and readouts, in the small expression language of :mod:`ifnalpha.model.expressions`
(which parses them and prints them as SBML). This module

- differentiates rate laws symbolically (for the analytic Jacobian the stiff solver uses),
- writes the right-hand side and Jacobian as plain Python source, compiled once per model,
- writes the readouts as one function of the states, compiled once as well.

The generated functions use only arithmetic operators, so the same code runs on Python floats
(one simulation) and on NumPy arrays (many simulations at once, see :func:`ifnalpha.model.sweep`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ifnalpha.model.expressions import FUNCTIONS, names, parse_expression, to_python

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
        Expression from :func:`~ifnalpha.model.expressions.parse_expression`.
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
    >>> ast.unparse(derivative(parse_expression("k * a * a / (1 + b)"), "a"))
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
        tree = parse_expression(expr)
        unknown = names(tree) - known - set(defs)
        if unknown:
            raise ValueError(f"assignment {name!r} uses unknown names {sorted(unknown)}")
        defs[name] = tree
    rate_trees = []
    for rid, stoich, expr in reactions:
        tree = parse_expression(expr)
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
        closure = _closure(names(tree), defs)
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


def _closure(used: set[str], defs: Mapping[str, ast.expr]) -> set[str]:
    """Names an expression needs, directly or through the definitions it uses."""
    seen = set(used)
    frontier = [n for n in used if n in defs]
    while frontier:
        for m in names(defs[frontier.pop()]):
            if m not in seen:
                seen.add(m)
                if m in defs:
                    frontier.append(m)
    return seen


def compile_readouts(
    states: Sequence[str],
    constants: Sequence[str],
    assignments: Sequence[tuple[str, str]],
    readouts: Sequence[tuple[str, str]],
    input_name: str = "ifn_pM",
) -> tuple[Callable, str]:
    """Generate and compile one function that computes every readout from the states.

    Parameters
    ----------
    states, constants, input_name
        As for :func:`compile_model`.
    assignments : sequence of (name, expression)
        Quantities the readouts may use (the model's intermediate quantities, then the
        readouts' shared terms), in order; only those a readout needs are computed.
    readouts : sequence of (name, expression)
        The readouts, in output order; they may call the functions of
        :data:`ifnalpha.model.expressions.FUNCTIONS`.

    Returns
    -------
    tuple of (callable, str)
        ``readouts(y, p, u) -> list`` (``y`` a sequence of state arrays, ``p`` the constants,
        ``u`` the input) and its generated source.

    Examples
    --------
    >>> f, _ = compile_readouts(["x"], ["k"], [("twice", "2 * x")], [("r", "max(twice, k)")])
    >>> [float(v) for v in f([3.0], [1.0], 0.0)]
    [6.0]
    """
    known = set(states) | set(constants) | {input_name}
    defs: dict[str, ast.expr] = {}
    for name, expr in assignments:
        tree = parse_expression(expr, functions=FUNCTIONS)
        unknown = names(tree) - known - set(defs)
        if unknown:
            raise ValueError(f"readout term {name!r} uses unknown names {sorted(unknown)}")
        defs[name] = tree
    trees = []
    for name, expr in readouts:
        tree = parse_expression(expr, functions=FUNCTIONS)
        unknown = names(tree) - known - set(defs)
        if unknown:
            raise ValueError(f"readout {name!r} uses unknown names {sorted(unknown)}")
        trees.append(tree)
    needed = set().union(*(_closure(names(t), defs) for t in trees)) if trees else set()
    src = [
        "def readouts(y, p, u):",
        f"    ({', '.join(states)},) = y" if states else "",
        f"    ({', '.join(constants)},) = p" if constants else "",
        f"    {input_name} = u",
        *(f"    {name} = {to_python(tree)}" for name, tree in defs.items() if name in needed),
        f"    return [{', '.join(to_python(t) for t in trees)}]",
    ]
    source = "\n".join(line for line in src if line)
    namespace: dict = dict(FUNCTIONS)
    exec(compile(source, "<ifnalpha generated readouts>", "exec"), namespace)  # noqa: S102
    return namespace["readouts"], source
