"""RSA blind signatures (Chaum) for secret ballots, in plain Python.

When a secret vote opens, the server makes a fresh RSA key for that vote
alone. A delegate's browser picks a random token, hashes it onto the key
(``full_domain_hash``), multiplies the hash by ``r**e`` for a random ``r``
it keeps to itself (blinding) and sends that number, logged in; the server
signs it once per delegate without seeing the hash. The browser divides
``r`` out and holds a valid signature of a hash the server has never seen.
It then casts the ballot with the token and the signature in a separate,
anonymous request: the signature proves "one of the delegates", never
which one. The hash keeps tokens from being forged by multiplying
signatures together (RSA's multiplicative property).

The JavaScript half (``browser/static/voting-panel.js``) computes the same
``full_domain_hash``; ``tests/voting/test_blind.py`` checks both agree.

Only ``pow`` and ``secrets`` are used: the ``cryptography`` package is not
a dependency of the add-on.
"""

import hashlib
import math
import secrets


KEY_BITS = 2048
PUBLIC_EXPONENT = 65537
TOKEN_BYTES = 32
MILLER_RABIN_ROUNDS = 40

_SMALL_PRIMES = [p for p in range(3, 2000, 2) if all(p % d for d in range(3, p, 2))]


def is_probable_prime(n, rounds=MILLER_RABIN_ROUNDS):
    """Miller–Rabin with random bases from ``secrets``: false positives
    below 4**-rounds."""
    if n < 2:
        return False
    if n in (2, 3):
        return True
    if n % 2 == 0:
        return False
    for p in _SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        a = 2 + secrets.randbelow(n - 3)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def random_prime(bits):
    """A random prime of exactly ``bits`` bits (top two bits set, so that
    the product of two of them has ``2 * bits`` bits)."""
    while True:
        candidate = secrets.randbits(bits) | (0b11 << (bits - 2)) | 1
        if is_probable_prime(candidate):
            return candidate


class Key:
    """An RSA key: ``n`` and ``e`` are public; ``d`` signs (``None`` once
    the vote has closed and the key was forgotten)."""

    def __init__(self, n, e, d=None):
        self.n = n
        self.e = e
        self.d = d

    @property
    def size(self):
        """The modulus length in bytes."""
        return (self.n.bit_length() + 7) // 8

    def public(self):
        """``{"n": hex, "e": hex}`` for the browser."""
        return {"n": format(self.n, "x"), "e": format(self.e, "x")}


def generate_key(bits=None):
    """A fresh RSA key of ``bits`` bits (``KEY_BITS`` by default)."""
    bits = bits or KEY_BITS
    e = PUBLIC_EXPONENT
    while True:
        p = random_prime(bits // 2)
        q = random_prime(bits - bits // 2)
        if p == q:
            continue
        phi = (p - 1) * (q - 1)
        if math.gcd(e, phi) != 1:
            continue
        n = p * q
        if n.bit_length() != bits:
            continue
        return Key(n, e, pow(e, -1, phi))


def full_domain_hash(token, n):
    """The token (bytes) hashed onto ``[0, n)``: SHA-256 of ``i || token``
    for ``i = 0, 1, ...`` concatenated to 16 bytes more than ``n`` has,
    read big-endian, modulo ``n``."""
    size = (n.bit_length() + 7) // 8 + 16
    blocks = (size + 31) // 32
    digest = b"".join(
        hashlib.sha256(bytes([i]) + token).digest() for i in range(blocks)
    )
    return int.from_bytes(digest[:size], "big") % n


def sign_blinded(key, blinded):
    """The server's signature of a blinded number."""
    if key.d is None:
        raise ValueError("The key no longer signs.")
    if not 0 < blinded < key.n:
        raise ValueError("Out of range.")
    return pow(blinded, key.d, key.n)


def verify(key, token, signature):
    """Whether ``signature`` (int) signs ``token`` (bytes) under ``key``."""
    if not 0 < signature < key.n:
        return False
    return pow(signature, key.e, key.n) == full_domain_hash(token, key.n)


# What the browser does; here for the tests and for clients in Python.


def new_token():
    """A random token (bytes)."""
    return secrets.token_bytes(TOKEN_BYTES)


def blind(key, token):
    """``(blinded, r)``: the token's hash blinded by a random ``r``."""
    while True:
        r = 2 + secrets.randbelow(key.n - 3)
        if math.gcd(r, key.n) == 1:
            break
    return full_domain_hash(token, key.n) * pow(r, key.e, key.n) % key.n, r


def unblind(key, blind_signature, r):
    """The signature of the token's hash from the signature of the blinded
    number."""
    return blind_signature * pow(r, -1, key.n) % key.n
