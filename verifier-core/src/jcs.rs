//! JSON Canonicalization Scheme, [RFC 8785](https://www.rfc-editor.org/rfc/rfc8785).
//!
//! Object members sorted by their names' UTF-16 code units (§3.2.3), strings escaped as
//! ECMAScript's `JSON.stringify` does (§3.2.2.2), numbers as ECMAScript's `Number.prototype.toString`
//! (§3.2.2.3, via `ryu-js`). Integers beyond ±2^53 are first rounded to the nearest double, exactly
//! as a JavaScript implementation would see them.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use serde_json::{Map, Number, Value};

/// Serialises `value` canonically.
pub fn canonicalize(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

/// Writes the canonical form of `map` without its member `skip`, with member `replace.0` (if
/// present) given the value `replace.1`, into any writer (a hasher, say): the signed view of a
/// document without copying it.
pub fn write_object_view<W: Write>(
    out: &mut W,
    map: &Map<String, Value>,
    skip: Option<&str>,
    replace: Option<(&str, &Value)>,
) {
    let mut members: Vec<(&String, &Value)> = map
        .iter()
        .filter(|(k, _)| Some(k.as_str()) != skip)
        .map(|(k, v)| match replace {
            Some((name, value)) if k == name => (k, value),
            _ => (k, v),
        })
        .collect();
    members.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    write_members(out, members);
}

fn write_value<W: Write>(out: &mut W, value: &Value) {
    match value {
        Value::Null => put(out, "null"),
        Value::Bool(true) => put(out, "true"),
        Value::Bool(false) => put(out, "false"),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            put(out, "[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    put(out, ",");
                }
                write_value(out, item);
            }
            put(out, "]");
        }
        Value::Object(map) => write_object(out, map),
    }
}

fn write_object<W: Write>(out: &mut W, map: &Map<String, Value>) {
    let mut members: Vec<(&String, &Value)> = map.iter().collect();
    members.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    write_members(out, members);
}

fn write_members<W: Write>(out: &mut W, members: Vec<(&String, &Value)>) {
    put(out, "{");
    for (i, (key, value)) in members.into_iter().enumerate() {
        if i > 0 {
            put(out, ",");
        }
        write_string(out, key);
        put(out, ":");
        write_value(out, value);
    }
    put(out, "}");
}

/// Writing to a `String` or a hasher cannot fail.
fn put<W: Write>(out: &mut W, s: &str) {
    let _ = out.write_str(s);
}

const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

#[expect(
    clippy::as_conversions,
    reason = "rounding a large integer to f64 is exactly what JS does"
)]
fn write_number<W: Write>(out: &mut W, n: &Number) {
    if let Some(u) = n.as_u64().filter(|u| *u <= MAX_SAFE_INTEGER) {
        let _ = write!(out, "{u}");
    } else if let Some(i) = n.as_i64().filter(|i| i.unsigned_abs() <= MAX_SAFE_INTEGER) {
        let _ = write!(out, "{i}");
    } else {
        let f = if let Some(u) = n.as_u64() {
            u as f64
        } else if let Some(i) = n.as_i64() {
            i as f64
        } else {
            n.as_f64().unwrap_or(0.0)
        };
        if f == 0.0 {
            put(out, "0"); // also for -0, as JSON.stringify does
        } else {
            let mut buf = ryu_js::Buffer::new();
            put(out, buf.format_finite(f));
        }
    }
}

fn write_string<W: Write>(out: &mut W, s: &str) {
    put(out, "\"");
    // Copy runs of characters that need no escape in one go.
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\u{8}' => "\\b",
            '\u{9}' => "\\t",
            '\u{a}' => "\\n",
            '\u{c}' => "\\f",
            '\u{d}' => "\\r",
            c if c < ' ' => "",
            _ => continue,
        };
        put(out, s.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            put(out, escape);
        }
        start = i + c.len_utf8();
    }
    put(out, s.get(start..).unwrap_or_default());
    put(out, "\"");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(json: &str) -> String {
        canonicalize(&serde_json::from_str(json).expect("test JSON"))
    }

    #[test]
    fn rfc8785_examples() {
        // RFC 8785 §3.2.2 sample (numbers, literals, string escapes).
        assert_eq!(
            canon(
                r#"{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}"#
            ),
            r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
        // §3.2.3 sort order by UTF-16 code units: U+1F600 (surrogates D83D…) sorts before U+FB33.
        assert_eq!(
            canon(
                "{\"\u{20ac}\":\"Euro\",\"\\r\":\"cr\",\"\u{fb33}\":\"Hebrew\",\"1\":\"One\",\"\u{1f600}\":\"Emoji\",\"\u{80}\":\"Ctl\",\"\u{f6}\":\"Latin\"}"
            ),
            "{\"\\r\":\"cr\",\"1\":\"One\",\"\u{80}\":\"Ctl\",\"\u{f6}\":\"Latin\",\"\u{20ac}\":\"Euro\",\"\u{1f600}\":\"Emoji\",\"\u{fb33}\":\"Hebrew\"}"
        );
    }

    #[test]
    fn numbers_like_javascript() {
        assert_eq!(
            canon(
                "[-0, 0.0, 1.0, -1, 9007199254740993, 18446744073709551615, -9223372036854775808, 1e21, 1e-7, 123456789012345680000]"
            ),
            "[0,0,1,-1,9007199254740992,18446744073709552000,-9223372036854776000,1e+21,1e-7,123456789012345680000]"
        );
    }

    #[test]
    fn control_characters_escaped_and_del_kept() {
        assert_eq!(
            canon("\"\\u0000\\u001f\\u007f\\u2028\""),
            "\"\\u0000\\u001f\u{7f}\u{2028}\""
        );
    }
}
