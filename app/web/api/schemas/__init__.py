"""API schemas, one module per router of the same name: request bodies are `...Create` (a
POST that makes something) or `...Update` (a PUT or PATCH that changes it), responses are
`...Public`; each module also holds the mappers from domain objects to its responses."""

from collections.abc import Iterable
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from app.domain import limits
from app.domain.numbers import is_number


def _a_number(value: object) -> int | float:
    if not is_number(value):
        raise PydanticCustomError("number", "Give a number.")
    return value


# A number as sent: 3 stays 3 and 2.5 stays 2.5 (raw answers are kept as given); a string or a
# boolean is refused naming its field. The domain checks the range.
Number = Annotated[
    int | float,
    PlainValidator(_a_number),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": limits.MAX_WEIGHT}),
]

# Sizes every body declares (OpenAPI shows them) from the product's limits (domain/limits.py).
Key = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_KEY)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_NAME)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_TITLE)]
Short = Annotated[str, StringConstraints(max_length=limits.MAX_TITLE)]
Text = Annotated[str, StringConstraints(max_length=limits.MAX_TEXT)]
Comment = Annotated[str, StringConstraints(max_length=limits.MAX_COMMENT)]
LongText = Annotated[str, StringConstraints(max_length=limits.MAX_LONG_TEXT)]
LongTitle = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_LONG_TEXT)]
ByCriterion = Annotated[dict[Key, Number], Field(max_length=limits.MAX_CRITERIA)]


def one_of(values: Iterable[str]) -> WithJsonSchema:
    """`Annotated[str, one_of(...)]`: the schema lists the allowed values; the domain still
    checks them and names the field in its own words when a value is none of them."""
    return WithJsonSchema({"type": "string", "enum": list(values)})


class Body(BaseModel):
    """A request body: keys it does not know are refused, so a typo never silently does nothing."""

    model_config = ConfigDict(extra="forbid")
