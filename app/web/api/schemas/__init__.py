"""API schemas, one module per router of the same name: request bodies are `...Create` (a
POST that makes something) or `...Update` (a PUT or PATCH that changes it), responses are
`...Public`; each module also holds the mappers from domain objects to its responses."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.domain.numbers import is_number


def _a_number(value: object) -> int | float:
    if not is_number(value):
        raise PydanticCustomError("number", "Give a number.")
    return value


# A number as sent: 3 stays 3 and 2.5 stays 2.5 (raw answers are kept as given); a string or a
# boolean is refused naming its field. The domain checks the range.
Number = Annotated[int | float, PlainValidator(_a_number), WithJsonSchema({"type": "number"})]


class Body(BaseModel):
    """A request body: keys it does not know are refused, so a typo never silently does nothing."""

    model_config = ConfigDict(extra="forbid")
