"""GitHub Actions expressions (``${{ … }}`` and ``if:``), evaluated as GitHub does.

Covers the grammar (literals, property and index access, ``!``, ``==``,
``!=``, ``<``, ``<=``, ``>``, ``>=``, ``&&``, ``||``, parentheses) and the
functions the project's workflows may use. Anything else raises
``ExpressionError``: a test must fail on an expression it cannot evaluate
rather than guess its value.

GitHub's rules kept here: a missing property is null; ``&&``/``||`` return an
operand, not a boolean; ``==`` compares strings ignoring case and converts
values of different types to numbers; null, false, 0, NaN and '' are falsy.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


class ExpressionError(Exception):
    """An expression the runner cannot evaluate (unknown name, function or syntax)."""


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^']|'')*')
      | (?P<number>-?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))
      | (?P<op>==|!=|<=|>=|&&|\|\||[!<>()\[\].,*])
      | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


def tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = _TOKEN.match(source, position)
        if match is None:
            raise ExpressionError(f"cannot read {source[position:]!r} in {source!r}")
        kind = match.lastgroup
        assert kind is not None
        tokens.append(_Token(kind, match[kind]))
        position = match.end()
    return tokens


STATUS_FUNCTIONS = frozenset({"success", "always", "failure", "cancelled"})


@dataclass
class Context:
    """What an expression can read: the named contexts and the job's status so far."""

    values: Mapping[str, Any]
    """Context name -> value (github, env, vars, secrets, inputs, steps, needs, runner, job)."""
    status: str = "success"
    """«success» or «failure»: what success() and failure() look at."""
    strict: Mapping[str, frozenset[str]] | None = None
    """Context name -> the only keys it may be asked for (steps and needs: a reference
    to a step or job that does not exist is a mistake, not null)."""


def _number(value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return 0.0
        try:
            return float(int(text, 16)) if text.lower().startswith("0x") else float(text)
        except ValueError:
            return math.nan
    return math.nan


def truthy(value: Any) -> bool:
    if value is None or value is False or value == "":
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return not (value == 0 or math.isnan(value))
    return True


def _equal(left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    if isinstance(left, dict | list) or isinstance(right, dict | list):
        return left is right
    if type(left) is type(right) and not isinstance(left, float):
        return bool(left == right)
    a, b = _number(left), _number(right)
    return not (math.isnan(a) or math.isnan(b)) and a == b


def _compare(op: str, left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        a: Any = left.casefold()
        b: Any = right.casefold()
    else:
        a, b = _number(left), _number(right)
        if math.isnan(a) or math.isnan(b):
            return False
    return bool({"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op])


def to_string(value: Any) -> str:
    """How a value is written into a string (``${{ }}`` in a script or a name)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dict | list):
        return json.dumps(value, indent=2)
    return str(value)


def _contains(search: Any, item: Any) -> bool:
    if isinstance(search, list):
        return any(_equal(entry, item) for entry in search)
    return to_string(item).casefold() in to_string(search).casefold()


def _format(template: Any, *args: Any) -> str:
    def replace(match: re.Match[str]) -> str:
        if match[0] == "{{":
            return "{"
        if match[0] == "}}":
            return "}"
        index = int(match[1])
        if index >= len(args):
            raise ExpressionError(f"format() has no argument {index}")
        return to_string(args[index])

    return re.sub(r"\{\{|\}\}|\{(\d+)\}", replace, to_string(template))


def _join(items: Any, separator: Any = ",") -> str:
    if isinstance(items, list):
        return to_string(separator).join(to_string(i) for i in items)
    return to_string(items)


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "contains": _contains,
    "startswith": lambda s, v: to_string(s).casefold().startswith(to_string(v).casefold()),
    "endswith": lambda s, v: to_string(s).casefold().endswith(to_string(v).casefold()),
    "format": _format,
    "join": _join,
    "tojson": lambda v: json.dumps(v, indent=2),
    "fromjson": lambda v: json.loads(to_string(v)),
}


class _Parser:
    def __init__(self, source: str, context: Context) -> None:
        self.source = source
        self.tokens = tokenize(source)
        self.position = 0
        self.context = context

    def fail(self, message: str) -> ExpressionError:
        return ExpressionError(f"{message} in expression {self.source!r}")

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, text: str | None = None) -> _Token:
        token = self.peek()
        if token is None or (text is not None and token.text != text):
            raise self.fail(f"expected {text or 'more'}")
        self.position += 1
        return token

    def parse(self) -> Any:
        value = self.or_()
        if self.peek() is not None:
            raise self.fail(f"unexpected {self.peek().text!r}")  # type: ignore[union-attr]
        return value

    def or_(self) -> Any:
        value = self.and_()
        while (token := self.peek()) is not None and token.text == "||":
            self.take()
            right = self.and_()
            value = value if truthy(value) else right
        return value

    def and_(self) -> Any:
        value = self.comparison()
        while (token := self.peek()) is not None and token.text == "&&":
            self.take()
            right = self.comparison()
            value = right if truthy(value) else value
        return value

    def comparison(self) -> Any:
        value = self.unary()
        while (token := self.peek()) is not None and token.text in (
            "==",
            "!=",
            "<",
            "<=",
            ">",
            ">=",
        ):
            self.take()
            right = self.unary()
            if token.text == "==":
                value = _equal(value, right)
            elif token.text == "!=":
                value = not _equal(value, right)
            else:
                value = _compare(token.text, value, right)
        return value

    def unary(self) -> Any:
        token = self.peek()
        if token is not None and token.text == "!":
            self.take()
            return not truthy(self.unary())
        return self.postfix(self.primary())

    def primary(self) -> Any:
        token = self.take()
        if token.kind == "string":
            return token.text[1:-1].replace("''", "'")
        if token.kind == "number":
            return _number(token.text)
        if token.text == "(":
            value = self.or_()
            self.take(")")
            return value
        if token.kind != "name":
            raise self.fail(f"unexpected {token.text!r}")
        name = token.text
        if name in ("true", "false"):
            return name == "true"
        if name == "null":
            return None
        following = self.peek()
        if following is not None and following.text == "(":
            return self.call(name)
        if name not in self.context.values:
            raise self.fail(
                f"unknown context {name!r} (the runner provides "
                f"{', '.join(sorted(self.context.values))})"
            )
        return self.context.values[name]

    def call(self, name: str) -> Any:
        self.take("(")
        args: list[Any] = []
        while (token := self.peek()) is not None and token.text != ")":
            args.append(self.or_())
            if (token := self.peek()) is not None and token.text == ",":
                self.take()
        self.take(")")
        lowered = name.lower()
        if lowered in STATUS_FUNCTIONS:
            if args:
                raise self.fail(f"{name}() takes no arguments")
            return {
                "success": self.context.status == "success",
                "failure": self.context.status == "failure",
                "always": True,
                "cancelled": False,
            }[lowered]
        if lowered not in FUNCTIONS:
            raise self.fail(f"the runner does not implement {name}()")
        return FUNCTIONS[lowered](*args)

    def postfix(self, value: Any) -> Any:
        path: list[str] = []
        while (token := self.peek()) is not None and token.text in (".", "["):
            self.take()
            if token.text == ".":
                key: Any = self.take().text
            else:
                key = self.or_()
                self.take("]")
            value = self.member(value, key, path)
            path.append(to_string(key))
        return value

    def member(self, value: Any, key: Any, path: list[str]) -> Any:
        if key == "*":
            raise self.fail("object filters (.*) are not implemented")
        if isinstance(value, list):
            index = _number(key)
            return value[int(index)] if not math.isnan(index) and 0 <= index < len(value) else None
        if not isinstance(value, Mapping):
            return None
        strict = self.context.strict or {}
        if len(path) == 0:
            root = self._root_of(value)
            if root in strict and to_string(key) not in strict[root]:
                raise self.fail(f"{root}.{key} does not exist in this job")
        for name, item in value.items():
            if name.casefold() == to_string(key).casefold():
                return item
        if hasattr(value, "__missing__"):  # secrets: every name has a (fake) value
            return value[to_string(key)]
        return None

    def _root_of(self, value: Any) -> str | None:
        for name, context_value in self.context.values.items():
            if context_value is value:
                return name
        return None


def evaluate(source: str, context: Context) -> Any:
    """The value of an expression (without ``${{ }}``)."""
    return _Parser(source, context).parse()


def _split_template(text: str) -> list[tuple[bool, str]]:
    """(is_expression, text) parts of a string with ``${{ … }}`` in it."""
    parts: list[tuple[bool, str]] = []
    position = 0
    while (start := text.find("${{", position)) >= 0:
        parts.append((False, text[position:start]))
        index = start + 3
        quoted = False
        while index < len(text):
            if text[index] == "'":
                quoted = not quoted
            elif not quoted and text.startswith("}}", index):
                break
            index += 1
        else:
            raise ExpressionError(f"unterminated ${{{{ in {text!r}")
        parts.append((True, text[start + 3 : index]))
        position = index + 2
    parts.append((False, text[position:]))
    return parts


def substitute(value: Any, context: Context) -> Any:
    """A workflow value with every ``${{ }}`` replaced; a string that is one whole
    expression keeps the expression's type (as in ``with:`` and ``env:``)."""
    if not isinstance(value, str):
        return value
    parts = _split_template(value)
    if len(parts) == 3 and parts[0][1] == "" and parts[2][1] == "" and parts[1][0]:
        return evaluate(parts[1][1], context)
    return "".join(to_string(evaluate(text, context)) if expr else text for expr, text in parts)


def condition(value: Any, context: Context) -> bool:
    """An ``if:``: implicitly ``success() && (…)`` unless it calls a status function."""
    if value is None:
        return context.status == "success"
    if isinstance(value, bool):
        return value and context.status == "success"
    text = str(value).strip()
    parts = _split_template(text)
    if len(parts) == 3 and parts[0][1] == "" and parts[2][1] == "" and parts[1][0]:
        text = parts[1][1]
    elif any(expr for expr, _ in parts):
        return truthy(substitute(text, context))
    calls = {t.text.lower() for t in tokenize(text) if t.kind == "name"}
    if not calls & STATUS_FUNCTIONS:
        text = f"success() && ({text})"
    return truthy(evaluate(text, context))
