"""What the schema says of every text a client sends: the rules Mitra applies to all of them.

Every query parameter and every string in a request body is refused when it holds a control
character (mitra/lib/text.py; the middleware and the API's parser), and every day must fall
between 1900 and 2100 (mitra/lib/dates.py). Rather than repeat those rules on each field, the
schema is completed here once, after ninja has built it: each string a client sends gets a
pattern saying so, combined with any pattern of its own, and each date a pattern for its years.
Bodies take no fields beyond those documented (`BodyIn` forbids them).
"""

from typing import Any

# The control characters mitra.lib.text refuses, written for a JSON Schema pattern.
NO_CONTROL = r"^(?![\s\S]*[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f])"
# The years a day may have: 1900 to 2100.
SANE_YEAR = r"^(19[0-9]{2}|20[0-9]{2}|2100)-"


def _typed_text(node: dict[str, Any]) -> None:
    if node.get("type") != "string" or "enum" in node or "const" in node:
        return
    if node.get("format") == "binary":
        return  # an uploaded file: its bytes are the upload check's business
    own = node.get("pattern")
    if node.get("format") == "date":
        own = SANE_YEAR if own is None else own
    node["pattern"] = NO_CONTROL if own is None else rf"{NO_CONTROL}[\s\S]*?(?:{own})"


def _walk(node: Any) -> None:
    if isinstance(node, dict):
        _typed_text(node)
        for value in node.values():
            _walk(value)
    elif isinstance(node, list):
        for value in node:
            _walk(value)


def complete(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every client-sent string typed as Mitra checks it: what requests take
    (parameters, bodies and the components they name), not what answers hold."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    _walk(parameter.get("schema", {}))
    for name in _request_components(schema):
        _walk(schema["components"]["schemas"][name])
    return schema


def _request_components(schema: dict[str, Any]) -> set[str]:
    """The components a request body names, and those they name in turn."""
    components = schema.get("components", {}).get("schemas", {})
    found: set[str] = set()
    todo = [
        operation.get("requestBody", {})
        for operations in schema.get("paths", {}).values()
        for operation in operations.values()
    ]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in found and name in components:
                    found.add(name)
                    todo.append(components[name])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return found
