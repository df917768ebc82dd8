#!/usr/bin/env python3
"""Shamir secret sharing over GF(2^8), written from the definitions, as an independent check of
Druk Registry's Java implementation (bt.druk.registry.domain.procurement.sealed.Shamir).

Shamir, "How to Share a Secret", CACM 22(11), 1979: pick a random polynomial q(x) of degree k-1
with q(0) = D; the pieces are D_i = q(i); any k pieces determine q and so D (by interpolation),
k-1 pieces say nothing about D. Here the field is GF(2^8) as AES defines it (FIPS-197 section 4:
bytes as polynomials over GF(2) modulo m(x) = x^8 + x^4 + x^3 + x + 1), and a secret of many bytes
is shared byte by byte with independent polynomials, all evaluated at the same x.

Arithmetic here goes through exponent and logarithm tables of the generator {03} (FIPS-197's
xtime gives {02}*a; {03}*a = {02}*a + a), not the shift-and-reduce product the Java code uses.

Standard library only. Usage:
  shamir_gf256.py combine < {"shares": [{"index": 1, "value": "<hex>"}, ...]}   -> secret hex
  shamir_gf256.py combine-many < {"sets": [{"shares": [...]}, ...]}  -> one secret hex a line
  shamir_gf256.py split K N SECRET_HEX  -> {"shares": [...]} with random coefficients (os.urandom)
"""
import json
import os
import sys

MODULUS = 0x11B  # x^8 + x^4 + x^3 + x + 1


def _xtime(a):
    a <<= 1
    return a ^ MODULUS if a & 0x100 else a


EXP = [0] * 510
LOG = [0] * 256
_value = 1
for _power in range(255):
    EXP[_power] = _value
    LOG[_value] = _power
    _value = _xtime(_value) ^ _value  # times {03}
for _power in range(255, 510):
    EXP[_power] = EXP[_power - 255]
assert _value == 1 and len(set(EXP[:255])) == 255, "{03} generates the multiplicative group"


def mul(a, b):
    if a == 0 or b == 0:
        return 0
    return EXP[LOG[a] + LOG[b]]


def div(a, b):
    if b == 0:
        raise ZeroDivisionError("division by zero in GF(2^8)")
    if a == 0:
        return 0
    return EXP[(LOG[a] - LOG[b]) % 255]


def interpolate_at_zero(points):
    """q(0) from k points (x_i, y_i): sum of y_i * prod_{j != i} x_j / (x_j - x_i); minus is XOR."""
    total = 0
    for i, (xi, yi) in enumerate(points):
        term = yi
        for j, (xj, _) in enumerate(points):
            if j != i:
                term = mul(term, div(xj, xj ^ xi))
        total ^= term
    return total


def combine(shares):
    xs = [s["index"] for s in shares]
    if len(set(xs)) != len(xs) or any(not 1 <= x <= 255 for x in xs):
        raise ValueError("share indices must be distinct and 1..255")
    values = [bytes.fromhex(s["value"]) for s in shares]
    if len({len(v) for v in values}) != 1:
        raise ValueError("shares of different lengths")
    return bytes(interpolate_at_zero([(x, v[b]) for x, v in zip(xs, values)]) for b in range(len(values[0])))


def evaluate(coefficients, x):
    """q(x) = c0 + c1 x + c2 x^2 + ..., term by term with powers of x."""
    result, power = 0, 1
    for c in coefficients:
        result ^= mul(c, power)
        power = mul(power, x)
    return result


def split(secret, k, n):
    if not 1 <= k <= n <= 255:
        raise ValueError("need 1 <= k <= n <= 255")
    polynomials = [[byte] + list(os.urandom(k - 1)) for byte in secret]
    return [{"index": x, "value": bytes(evaluate(p, x) for p in polynomials).hex()} for x in range(1, n + 1)]


def main(argv):
    if len(argv) == 2 and argv[1] == "combine":
        print(combine(json.load(sys.stdin)["shares"]).hex())
    elif len(argv) == 2 and argv[1] == "combine-many":
        for share_set in json.load(sys.stdin)["sets"]:
            print(combine(share_set["shares"]).hex())
    elif len(argv) == 5 and argv[1] == "split":
        print(json.dumps({"shares": split(bytes.fromhex(argv[4]), int(argv[2]), int(argv[3]))}))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
