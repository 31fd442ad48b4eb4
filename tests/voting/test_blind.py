"""RSA blind signatures (``voting/blind.py``) and the browser's half
(``browser/static/voting-panel.js``) computing the same hash."""

from commune_portal.voting import blind
from pathlib import Path
import hashlib
import json
import pytest
import shutil
import subprocess


SCRIPT = Path(blind.__file__).parent.parent / "browser" / "static" / "voting-panel.js"


@pytest.fixture(scope="module")
def key():
    return blind.generate_key(1024)


@pytest.mark.parametrize(
    "number,prime",
    [
        (2, True),
        (97, True),
        (561, False),
        (7919, True),
        (2**61 - 1, True),
        (2**61 + 1, False),
    ],
)
def test_miller_rabin(number, prime):
    assert blind.is_probable_prime(number) is prime


def test_key(key):
    assert key.n.bit_length() == 1024
    assert key.e == 65537
    assert pow(pow(12345, key.e, key.n), key.d, key.n) == 12345


def test_blind_signature_round_trip(key):
    token = blind.new_token()
    blinded, r = blind.blind(key, token)
    # What the server signs says nothing of the token's hash.
    assert blinded != blind.full_domain_hash(token, key.n)
    signature = blind.unblind(key, blind.sign_blinded(key, blinded), r)
    assert blind.verify(key, token, signature)
    assert not blind.verify(key, blind.new_token(), signature)
    assert not blind.verify(key, token, signature ^ 1)
    assert not blind.verify(key, token, 0)


def test_a_forgotten_key_no_longer_signs(key):
    closed = blind.Key(key.n, key.e, None)
    with pytest.raises(ValueError):
        blind.sign_blinded(closed, 5)


node = shutil.which("node")


@pytest.mark.skipif(node is None, reason="node is not installed")
def test_the_browser_hashes_as_the_server(key):
    tokens = [blind.new_token() for _ in range(3)]
    program = f"""
    const m = require({json.dumps(str(SCRIPT))});
    const n = BigInt("0x{key.n:x}");
    const out = {{abc: m.bytesToHex(m.sha256(new TextEncoder().encode("abc"))),
                 long: m.bytesToHex(m.sha256(new Uint8Array(200).fill(7))),
                 hashes: {json.dumps([t.hex() for t in tokens])}.map(
                   t => m.fullDomainHash(m.hexToBytes(t), n).toString(16)),
                 modpow: m.modpow(3n, 1000n, n).toString(16),
                 modinv: m.modinv(12345n, n).toString(16)}};
    console.log(JSON.stringify(out));
    """
    out = json.loads(subprocess.check_output([node, "-e", program], text=True))
    assert out["abc"] == hashlib.sha256(b"abc").hexdigest()
    assert out["long"] == hashlib.sha256(bytes([7] * 200)).hexdigest()
    assert [int(h, 16) for h in out["hashes"]] == [
        blind.full_domain_hash(t, key.n) for t in tokens
    ]
    assert int(out["modpow"], 16) == pow(3, 1000, key.n)
    assert int(out["modinv"], 16) == pow(12345, -1, key.n)
