//! Decimal numbers to the nearest `f64` (ties to even), as `str::parse`
//! reads them, without its tables: those cost the WebAssembly some 15 KB
//! for numbers that are nearly always short. Short numbers take the exact
//! fast path; any other is placed by comparing it with the midpoints
//! between neighbouring doubles in exact integer arithmetic.

use std::cmp::Ordering;

/// The value of `text`: `-`, digits, optionally `.` and digits, optionally
/// an exponent (`e`, an optional sign, digits), as JSON writes numbers (the
/// caller has checked the form; leading zeros are allowed).
pub fn to_f64(text: &str) -> f64 {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    if let Some(magnitude) = short(&bytes[usize::from(negative)..]) {
        return if negative { -magnitude } else { magnitude };
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut exponent: i64 = 0;
    let mut seen_point = false;
    let mut at = usize::from(negative);
    while let Some(&b) = bytes.get(at) {
        match b {
            b'0'..=b'9' => {
                if !(digits.is_empty() && b == b'0') {
                    digits.push(b - b'0');
                }
                if seen_point {
                    exponent -= 1;
                }
            }
            b'.' => seen_point = true,
            _ => break,
        }
        at += 1;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        let rest = &bytes[at + 1..];
        let (sign, rest) = match rest.first() {
            Some(b'-') => (-1, &rest[1..]),
            Some(b'+') => (1, &rest[1..]),
            _ => (1, rest),
        };
        // Beyond any double's range either way: saturate rather than overflow.
        let e = rest.iter().fold(0i64, |e, d| {
            (e * 10 + i64::from(d.wrapping_sub(b'0'))).min(1 << 40)
        });
        exponent += sign * e;
    }
    let magnitude = positive(digits, exponent);
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Up to 15 significant digits, no exponent part and at most 22 decimals:
/// exact in double arithmetic, and read without allocating.
fn short(bytes: &[u8]) -> Option<f64> {
    let (mut w, mut significant, mut decimals, mut seen_point) = (0u64, 0, 0usize, false);
    for &b in bytes {
        match b {
            b'0'..=b'9' => {
                w = w * 10 + u64::from(b - b'0');
                significant += usize::from(w > 0);
                decimals += usize::from(seen_point);
                if significant > 15 || decimals > 22 {
                    return None;
                }
            }
            b'.' => seen_point = true,
            _ => return None,
        }
    }
    Some(w as f64 / POWERS[decimals])
}

const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The double nearest to `digits` (no leading zero) × 10^`exponent`.
// Rarely past the fast path: one copy for both callers keeps the WebAssembly small.
#[inline(never)]
fn positive(mut digits: Vec<u8>, mut exponent: i64) -> f64 {
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    if digits.is_empty() {
        return 0.0;
    }
    // The decimal exponent of the leading digit settles the extremes.
    let leading = exponent + digits.len() as i64 - 1;
    if leading > 309 {
        return f64::INFINITY;
    }
    if leading < -325 {
        return 0.0;
    }
    // Exact: at most 15 digits and a power of ten that a double holds.
    if digits.len() <= 15 && (-22..=22).contains(&exponent) {
        let w = digits.iter().fold(0u64, |w, &d| w * 10 + u64::from(d)) as f64;
        let p = POWERS[exponent.unsigned_abs() as usize];
        return if exponent < 0 { w / p } else { w * p };
    }
    // No double's rounding depends on more than 768 significant digits: past
    // them, a nonzero digit only says "a little more".
    if digits.len() > 800 {
        let more = digits[800..].iter().any(|&d| d != 0);
        exponent += digits.len() as i64 - 800;
        digits.truncate(800);
        if more {
            digits.push(1);
            exponent -= 1;
        }
    }
    let value = Big::from_digits(&digits);
    // value × 10^exponent = value × 5^exponent × 2^exponent; the powers of
    // five go to the side where they are whole.
    let five = Big::power_of_five(exponent.unsigned_abs());
    let left = if exponent >= 0 {
        value.mul(&five)
    } else {
        value
    };
    // Whether the value rounds above the double with these bits: above the
    // midpoint to the next one, (2m + 1) × 2^(e − 1), or on it and odd.
    let above = |bits: u64| -> bool {
        let field = bits >> 52;
        let fraction = bits & ((1 << 52) - 1);
        let (m, e) = if field == 0 {
            (fraction, -1074)
        } else {
            (fraction | 1 << 52, field as i64 - 1075)
        };
        let mut right = Big::from_u64(2 * m + 1);
        if exponent < 0 {
            right = right.mul(&five);
        }
        let shift = exponent - (e - 1);
        let order = if shift >= 0 {
            left.shl(shift as u64).cmp(&right)
        } else {
            left.cmp(&right.shl(shift.unsigned_abs()))
        };
        order == Ordering::Greater || (order == Ordering::Equal && bits & 1 == 1)
    };
    // Positive doubles order as their bits do: the first pattern (infinity
    // last) that the value does not round above is its double.
    let (mut low, mut high) = (0u64, f64::INFINITY.to_bits());
    while low < high {
        let middle = low + (high - low) / 2;
        if above(middle) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    f64::from_bits(low)
}

/// A natural number in base 2^32, least significant limb first, no zero limb on top.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let scale = 10u32.pow(chunk.len() as u32);
            let add = chunk.iter().fold(0u32, |n, &d| n * 10 + u32::from(d));
            b.mul_add_small(scale, add);
        }
        b
    }

    fn power_of_five(n: u64) -> Big {
        let mut b = Big(vec![1]);
        let mut left = n;
        while left > 0 {
            let step = left.min(13); // 5^13 < 2^32
            b.mul_add_small(5u32.pow(step as u32), 0);
            left -= step;
        }
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_add_small(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let t = u64::from(*limb) * u64::from(factor) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn mul(&self, other: &Big) -> Big {
        let mut out = vec![0u32; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + other.0.len()] = carry as u32;
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    fn shl(&self, bits: u64) -> Big {
        let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            if bits == 0 {
                out.push(limb);
            } else {
                out.push(limb << bits | carry);
                carry = limb >> (32 - bits);
            }
        }
        out.push(carry);
        let mut b = Big(out);
        b.trim();
        b
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(text: &str) {
        let ours = to_f64(text);
        let std: f64 = text.parse().unwrap_or(f64::NAN);
        assert_eq!(ours.to_bits(), std.to_bits(), "{text}");
    }

    #[test]
    fn reads_every_number_as_the_standard_library_does() {
        for text in [
            "0",
            "-0",
            "7.5",
            "0.1",
            "30",
            "007",
            "1e5",
            "1E-5",
            "1e+22",
            "1e23",
            "123456789012345678",
            "9007199254740993",
            "9007199254740992",
            "9007199254740994.5",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e-324",
            "3e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "1e400",
            "-1e400",
            "1e-400",
            "0.000000000000000000000000000001",
            "3.141592653589793238462643383279502884197",
            "0e999999999999",
            "1e99999999999999999999",
        ] {
            same(text);
        }
        same(&format!("0.{}1e-300", "0".repeat(900)));
        same(&format!("1{}e-900", "0".repeat(900)));
        // Halfway to the least subnormal, then a hair above it far out.
        same(&format!("2.4703282292062327{}e-324", "0".repeat(780) + "1"));
        same(&format!("2.4703282292062328{}e-324", "0".repeat(780)));
        // Random digits and exponents, long and short.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..20_000 {
            let longest = if next(4) == 0 { 40 } else { 19 };
            let len = 1 + next(longest);
            let digits: String = (0..len)
                .map(|_| char::from(b'0' + next(10) as u8))
                .collect();
            let point = next(len + 1) as usize;
            let exponent = next(700) as i64 - 350;
            let (int, frac) = digits.split_at(point);
            let int = if int.is_empty() { "0" } else { int };
            let frac = if frac.is_empty() { "0" } else { frac };
            same(&format!("{int}.{frac}e{exponent}"));
            same(&format!("-{int}.{frac}"));
            same(&digits);
        }
    }
}
