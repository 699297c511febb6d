"""The JSON record file, in one home: its kind, schema version, canonical form and fingerprint
(`canonical`), how a record becomes that data (`writing`) and how a file is read back and
checked (`reading`). The rationale export, the import and the API all use these names."""

from app.domain.record_format.canonical import KIND, SCHEMA_VERSION, canonical, fingerprint_of
from app.domain.record_format.reading import MAX_BYTES, RecordIn, parse_record, when
from app.domain.record_format.writing import plan_data, record_data

__all__ = [
    "KIND",
    "MAX_BYTES",
    "SCHEMA_VERSION",
    "RecordIn",
    "canonical",
    "fingerprint_of",
    "parse_record",
    "plan_data",
    "record_data",
    "when",
]
