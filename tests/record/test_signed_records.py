"""Signed records: genuine, forged (changed and re-fingerprinted) and re-signed with another key,
through the import API and `backbone verify`; the keys endpoint; the refuse setting."""

from __future__ import annotations

import base64
import json
import secrets

from fastapi.testclient import TestClient

from app.cli import main
from app.domain.record_format import fingerprint_of
from app.domain.record_format.signing import KeyRing
from app.main import create_app
from app.settings import Settings
from tests.record.support import decided_plan_workshop, export
from tests.support.api import API
from tests.support.databases import FACILITATOR_EMAIL, FACILITATOR_PASSWORD

OTHER = KeyRing(secrets.token_bytes(32))


def _record(client):
    auth, wid = decided_plan_workshop(client)
    return auth, json.loads(export(client, auth, wid, "json"))


def _forged(data: dict) -> dict:
    """The rationale rewritten and the fingerprint recomputed; the signature left as it was."""
    forged = json.loads(json.dumps(data))
    forged["decision"]["rationale"] = "Chosen because the director said so."
    forged["fingerprint"] = fingerprint_of(forged)
    return forged


def _resigned(data: dict) -> dict:
    forged = _forged(data)
    return OTHER.sign(forged)


def _import(client, auth, data: dict):
    return client.post(f"{API}/workshops/import", json=data, headers=auth)


def test_keys_lists_the_key_that_signs_records(client):
    auth, data = _record(client)
    keys = client.get(f"{API}/keys").json()
    assert keys[0]["key_id"] == data["signature"]["key_id"] and keys[0]["alg"] == "Ed25519"
    assert keys[0]["public_key"] == data["signature"]["public_key"]
    assert len(base64.b64decode(keys[0]["public_key"])) == 32


def test_import_of_a_genuine_record_is_verified(client):
    auth, data = _record(client)
    response = _import(client, auth, data)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["verified"] is True and body["signed_by"] == data["signature"]["key_id"]


def test_imported_decided_record_keeps_its_fingerprint(client):
    auth, data = _record(client)
    new_id = _import(client, auth, data).json()["id"]
    again = json.loads(export(client, auth, new_id, "json"))
    assert again == data


def test_import_timeline_names_the_source_fingerprint(client):
    auth, data = _record(client)
    new_id = _import(client, auth, data).json()["id"]
    md = export(client, auth, new_id, "md").decode()
    assert f"{data['fingerprint']} (verified)" in md


def test_import_of_a_forged_record_is_422_naming_the_signature(client):
    auth, data = _record(client)
    response = _import(client, auth, _forged(data))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "signature"


def test_import_of_a_record_resigned_by_another_key_is_marked_not_verified(client):
    auth, data = _record(client)
    response = _import(client, auth, _resigned(data))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["verified"] is False and body["signed_by"] == OTHER.key_id
    for ext in ("md", "html"):
        assert "NOT VERIFIED" in export(client, auth, body["id"], ext).decode()


def _write(tmp_path, data: dict):
    path = tmp_path / "record.json"
    path.write_text(json.dumps(data))
    return str(path)


def test_verify_genuine_record_with_its_key_trusted_exits_0(client, data_dir, tmp_path, capsys):
    _, data = _record(client)
    trust = data["signature"]["public_key"]
    assert main(["verify", _write(tmp_path, data), "--trust", trust]) == 0
    assert "VERIFIED" in capsys.readouterr().out


def test_verify_genuine_record_from_an_untrusted_key_exits_1(client, data_dir, tmp_path):
    _, data = _record(client)
    assert main(["verify", _write(tmp_path, data)]) == 1


def test_verify_resigned_record_exits_1_even_trusting_the_original_key(client, data_dir, tmp_path):
    _, data = _record(client)
    trust = data["signature"]["public_key"]
    assert main(["verify", _write(tmp_path, _resigned(data)), "--trust", trust]) == 1


def test_verify_forged_record_exits_2(client, data_dir, tmp_path, capsys):
    _, data = _record(client)
    trust = data["signature"]["public_key"]
    assert main(["verify", _write(tmp_path, _forged(data)), "--trust", trust]) == 2
    assert "CHANGED" in capsys.readouterr().out


def test_verify_record_changed_without_new_fingerprint_exits_2(client, data_dir, tmp_path):
    _, data = _record(client)
    data["decision"]["rationale"] = "Something else."
    assert main(["verify", _write(tmp_path, data)]) == 2


def test_instance_that_refuses_unverified_imports_trusts_only_configured_keys(client, tmp_path):
    _, data = _record(client)
    settings = Settings(
        environment="test",
        data_dir=tmp_path,
        admin_email=FACILITATOR_EMAIL,
        admin_password=FACILITATOR_PASSWORD,
        access_log=False,
        unverified_imports="refuse",
        trusted_keys=data["signature"]["public_key"],
    )
    with TestClient(create_app(settings)) as other:
        token = other.post(
            f"{API}/auth/login", json={"email": FACILITATOR_EMAIL, "password": FACILITATOR_PASSWORD}
        ).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        genuine = _import(other, auth, data)
        assert genuine.status_code == 201 and genuine.json()["verified"] is True
        refused = _import(other, auth, _resigned(data))
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["field"] == "signature"
        keys = other.get(f"{API}/keys").json()
        assert [k["own"] for k in keys] == [True, False]
