//! Baked badges: a credential carried inside its badge image (Open Badges 3.0 §"Badge baking",
//! `docformat.md`; Open Badges 2.0 "Baking").
//!
//! - PNG: an `iTXt` chunk with keyword `openbadgecredential` (OB 3.0) or `openbadges` (OB 2.0)
//!   whose text is the credential JSON or its compact JWS. OB 3.0 forbids compression and more than
//!   one such chunk. Chunks are read with their CRC checked, up to `IEND`.
//! - SVG: an `<openbadges:credential>` element (namespace `https://purl.imsglobal.org/ob/v3p0`,
//!   OB 2.0: `<openbadges:assertion>` in `http://openbadges.org`) holding the JWS in its `verify`
//!   attribute or the JSON in its content (CDATA). The prefix is whatever the document binds to
//!   that namespace. This is a scanner for exactly that element, not an XML parser: it never
//!   expands entities beyond the five predefined ones and character references, so an SVG cannot
//!   make it fetch or grow anything.
//!
//! [`bake_png`] / [`bake_svg`] write them (the CLI's `verity bake`): the PNG's other chunks are kept
//! byte for byte, and an earlier credential chunk is replaced.

use alloc::string::String;
use alloc::vec::Vec;

/// Which image format carried the credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    /// A PNG `iTXt` chunk.
    Png,
    /// An SVG element.
    Svg,
}

impl Container {
    /// Stable name (`png`, `svg`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

/// Which generation of Open Badges baked it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generation {
    /// Open Badges 3.0 (`openbadgecredential`, `<openbadges:credential>`).
    Ob3,
    /// Open Badges 2.0 (`openbadges`, `<openbadges:assertion>`).
    Ob2,
}

/// What was found in the image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Baked {
    /// The image format.
    pub container: Container,
    /// The Open Badges generation of the baking.
    pub generation: Generation,
    /// The credential: JSON text, a compact JWS, or (OB 2.0) the URL of a hosted assertion.
    pub payload: Vec<u8>,
}

/// Why no credential could be taken from an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BakeError {
    /// The image carries no baked credential.
    NotBaked,
    /// The image or its credential chunk/element is malformed (the reason).
    Malformed(&'static str),
}

const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";
const OB3_KEYWORD: &[u8] = b"openbadgecredential";
const OB2_KEYWORD: &[u8] = b"openbadges";
const OB3_NAMESPACE: &str = "https://purl.imsglobal.org/ob/v3p0";
const OB2_NAMESPACE: &str = "http://openbadges.org";

/// Whether `bytes` start like a PNG file.
pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(PNG_SIGNATURE)
}

/// One PNG chunk: its type, data, and where it starts and ends in the file.
struct Chunk<'a> {
    kind: [u8; 4],
    data: &'a [u8],
    start: usize,
    end: usize,
}

/// The chunks of a PNG up to and including `IEND`, CRCs checked.
fn chunks(png: &[u8]) -> Result<Vec<Chunk<'_>>, BakeError> {
    let bad = BakeError::Malformed;
    if !is_png(png) {
        return Err(bad("not a PNG file"));
    }
    let mut out = Vec::new();
    let mut at = PNG_SIGNATURE.len();
    loop {
        let header = png.get(at..at + 8).ok_or(bad("truncated PNG chunk"))?;
        let (len, kind) = header.split_at(4);
        let len = usize::try_from(u32::from_be_bytes(
            len.try_into().map_err(|_| bad("chunk"))?,
        ))
        .map_err(|_| bad("PNG chunk too large"))?;
        let kind: [u8; 4] = kind.try_into().map_err(|_| bad("chunk"))?;
        let data_end = at
            .checked_add(8)
            .and_then(|d| d.checked_add(len))
            .ok_or(bad("PNG chunk too large"))?;
        let data = png
            .get(at + 8..data_end)
            .ok_or(bad("truncated PNG chunk"))?;
        let crc = png
            .get(data_end..data_end + 4)
            .ok_or(bad("truncated PNG chunk"))?;
        let mut covered = Vec::with_capacity(4 + data.len());
        covered.extend_from_slice(&kind);
        covered.extend_from_slice(data);
        if crc != crate::gzip::crc32(&covered).to_be_bytes() {
            return Err(bad("PNG chunk CRC mismatch"));
        }
        out.push(Chunk {
            kind,
            data,
            start: at,
            end: data_end + 4,
        });
        at = data_end + 4;
        if &kind == b"IEND" {
            return Ok(out);
        }
    }
}

/// The credential text of an `iTXt` (or, OB 2.0, `tEXt`) chunk if its keyword is a baking keyword.
fn text_chunk(chunk: &Chunk<'_>, limit: usize) -> Result<Option<(Generation, Vec<u8>)>, BakeError> {
    let bad = BakeError::Malformed;
    let (keyword, rest) = match chunk.data.iter().position(|b| *b == 0) {
        Some(i) => (
            chunk.data.get(..i).unwrap_or_default(),
            chunk.data.get(i + 1..).unwrap_or_default(),
        ),
        None => return Ok(None),
    };
    let generation = match keyword {
        OB3_KEYWORD => Generation::Ob3,
        OB2_KEYWORD => Generation::Ob2,
        _ => return Ok(None),
    };
    match &chunk.kind {
        b"tEXt" if generation == Generation::Ob2 => Ok(Some((generation, rest.to_vec()))),
        b"iTXt" => {
            let [compressed, method, rest @ ..] = rest else {
                return Err(bad("truncated iTXt chunk"));
            };
            // Language tag and translated keyword, each NUL-terminated.
            let mut text = rest;
            for _ in 0..2 {
                let end = text
                    .iter()
                    .position(|b| *b == 0)
                    .ok_or(bad("truncated iTXt chunk"))?;
                text = text.get(end + 1..).unwrap_or_default();
            }
            match (compressed, method) {
                (0, _) => Ok(Some((generation, text.to_vec()))),
                // OB 3.0 forbids compression; older bakers used zlib, which is read (bounded).
                (1, 0) => miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(text, limit)
                    .map(|t| Some((generation, t)))
                    .map_err(|_| bad("compressed iTXt chunk is corrupt or too large")),
                _ => Err(bad("unknown iTXt compression")),
            }
        }
        _ => Ok(None),
    }
}

/// Extracts the baked credential of a PNG. More than one OB 3.0 credential chunk is refused (the
/// specification forbids it, and which one counts would be ambiguous).
pub fn extract_png(png: &[u8], limit: usize) -> Result<Baked, BakeError> {
    let mut found: Option<(Generation, Vec<u8>)> = None;
    for chunk in chunks(png)? {
        if let Some((generation, text)) = text_chunk(&chunk, limit)? {
            match &found {
                Some((Generation::Ob3, _)) if generation == Generation::Ob3 => {
                    return Err(BakeError::Malformed("more than one baked credential"));
                }
                Some((Generation::Ob3, _)) => {}
                _ => found = Some((generation, text)),
            }
        }
    }
    let (generation, payload) = found.ok_or(BakeError::NotBaked)?;
    Ok(Baked {
        container: Container::Png,
        generation,
        payload: trim(payload),
    })
}

fn trim(mut text: Vec<u8>) -> Vec<u8> {
    let end = text.trim_ascii_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_ascii_start().len();
    text.drain(..start);
    text
}

/// Writes `credential` (JSON text or compact JWS) into `png` as its OB 3.0 `iTXt` chunk, just
/// before `IEND`, replacing any earlier baked credential; every other chunk is kept as it was.
pub fn bake_png(png: &[u8], credential: &[u8]) -> Result<Vec<u8>, BakeError> {
    let all = chunks(png)?;
    let mut out = Vec::with_capacity(png.len() + credential.len() + 64);
    out.extend_from_slice(PNG_SIGNATURE);
    for chunk in &all {
        let baked = text_chunk(chunk, 0).ok().flatten().is_some()
            || (&chunk.kind == b"iTXt" && chunk.data.starts_with(OB3_KEYWORD));
        if &chunk.kind == b"IEND" {
            let mut data = Vec::with_capacity(credential.len() + 24);
            data.extend_from_slice(OB3_KEYWORD);
            data.extend_from_slice(&[0, 0, 0, 0, 0]); // NUL, no compression, method 0, no language, no translation
            data.extend_from_slice(credential);
            let len = u32::try_from(data.len())
                .map_err(|_| BakeError::Malformed("credential too large"))?;
            let mut covered = Vec::with_capacity(4 + data.len());
            covered.extend_from_slice(b"iTXt");
            covered.extend_from_slice(&data);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(&covered);
            out.extend_from_slice(&crate::gzip::crc32(&covered).to_be_bytes());
        }
        if !baked {
            out.extend_from_slice(png.get(chunk.start..chunk.end).unwrap_or_default());
        }
    }
    match extract_png(&out, credential.len().saturating_add(1)) {
        Ok(found) if found.payload == credential.trim_ascii() => Ok(out),
        _ => Err(BakeError::Malformed(
            "the PNG could not be baked unambiguously",
        )),
    }
}

/// Whether `text` looks like an SVG document.
pub fn is_svg(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or_default();
    head.windows(4).any(|w| w == b"<svg")
}

/// The prefix the document binds to `namespace` (`xmlns:PREFIX="namespace"`), if any.
fn prefix_for<'a>(svg: &'a str, namespace: &str) -> Option<&'a str> {
    let mut rest = svg;
    while let Some(i) = rest.find("xmlns:") {
        let after = rest.get(i + 6..)?;
        let eq = after.find('=')?;
        let prefix = after.get(..eq)?.trim();
        let value = after.get(eq + 1..)?.trim_start();
        let quote = value.chars().next()?;
        if quote == '"' || quote == '\'' {
            let body = value.get(1..)?;
            let close = body.find(quote)?;
            if body.get(..close)? == namespace
                && !prefix.is_empty()
                && prefix
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
            {
                return Some(prefix);
            }
        }
        rest = after;
    }
    None
}

/// Decodes the predefined XML entities and character references of `text`.
fn unescape(text: &str) -> Result<String, BakeError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i + 1..).unwrap_or_default();
        let end = after
            .find(';')
            .filter(|e| *e <= 10)
            .ok_or(BakeError::Malformed("bad XML entity"))?;
        let name = after.get(..end).unwrap_or_default();
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
                    .ok_or(BakeError::Malformed("bad XML entity"))?
            }
        };
        out.push(c);
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

/// The value of attribute `name` in the start tag `tag` (the text between `<` and `>`).
fn attribute(tag: &str, name: &str) -> Result<Option<String>, BakeError> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0
            || rest
                .as_bytes()
                .get(i - 1)
                .is_some_and(u8::is_ascii_whitespace);
        let after = rest.get(i + name.len()..).unwrap_or_default().trim_start();
        if before_ok && let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            let quote = value
                .chars()
                .next()
                .ok_or(BakeError::Malformed("bad attribute"))?;
            if quote != '"' && quote != '\'' {
                return Err(BakeError::Malformed("bad attribute"));
            }
            let body = value.get(1..).unwrap_or_default();
            let close = body
                .find(quote)
                .ok_or(BakeError::Malformed("unterminated attribute"))?;
            return unescape(body.get(..close).unwrap_or_default()).map(Some);
        }
        rest = rest.get(i + name.len()..).unwrap_or_default();
    }
    Ok(None)
}

/// Extracts the baked credential of an SVG.
pub fn extract_svg(svg: &[u8]) -> Result<Baked, BakeError> {
    let text = core::str::from_utf8(svg).map_err(|_| BakeError::Malformed("SVG is not UTF-8"))?;
    for (generation, namespace, element) in [
        (Generation::Ob3, OB3_NAMESPACE, "credential"),
        (Generation::Ob2, OB2_NAMESPACE, "assertion"),
    ] {
        let Some(prefix) = prefix_for(text, namespace) else {
            continue;
        };
        let open = alloc::format!("<{prefix}:{element}");
        let mut starts = text.match_indices(&open).filter(|(i, _)| {
            // `<p:credential` followed by white space, `>` or `/`, not `<p:credentialX`.
            text.as_bytes()
                .get(i + open.len())
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        });
        let Some((start, _)) = starts.next() else {
            continue;
        };
        if generation == Generation::Ob3 && starts.next().is_some() {
            return Err(BakeError::Malformed("more than one baked credential"));
        }
        let after = text.get(start + open.len()..).unwrap_or_default();
        let tag_end = after
            .find('>')
            .ok_or(BakeError::Malformed("unterminated element"))?;
        let tag = after.get(..tag_end).unwrap_or_default();
        if let Some(verify) = attribute(tag, "verify")? {
            return Ok(Baked {
                container: Container::Svg,
                generation,
                payload: trim(verify.into_bytes()),
            });
        }
        if tag.ends_with('/') {
            return Err(BakeError::Malformed("empty credential element"));
        }
        let body = after.get(tag_end + 1..).unwrap_or_default();
        let close = alloc::format!("</{prefix}:{element}>");
        let end = body
            .find(&close)
            .ok_or(BakeError::Malformed("unterminated element"))?;
        let content = body.get(..end).unwrap_or_default().trim();
        let payload = match content.strip_prefix("<![CDATA[") {
            Some(cdata) => cdata
                .strip_suffix("]]>")
                .ok_or(BakeError::Malformed("unterminated CDATA"))?
                .into(),
            None => unescape(content)?,
        };
        return Ok(Baked {
            container: Container::Svg,
            generation,
            payload: trim(payload.into_bytes()),
        });
    }
    Err(BakeError::NotBaked)
}

/// Writes `credential` into `svg`: a JWS goes in the `verify` attribute, JSON in a CDATA section,
/// as the first child of the root `<svg>` element, with the OB 3.0 namespace declared. An earlier
/// baked OB 3.0 credential element is removed first.
pub fn bake_svg(svg: &str, credential: &str) -> Result<String, BakeError> {
    let bad = BakeError::Malformed;
    let mut svg = String::from(svg);
    if let Some(prefix) = prefix_for(&svg, OB3_NAMESPACE).map(String::from) {
        let open = alloc::format!("<{prefix}:credential");
        if let Some(start) = svg.find(&open) {
            let after = svg.get(start..).unwrap_or_default();
            let tag_end = after.find('>').ok_or(bad("unterminated element"))?;
            let end = if after.get(..tag_end).unwrap_or_default().ends_with('/') {
                start + tag_end + 1
            } else {
                let close = alloc::format!("</{prefix}:credential>");
                start + after.find(&close).ok_or(bad("unterminated element"))? + close.len()
            };
            svg.replace_range(start..end, "");
        }
    }
    // The end (`>`) of the root element's start tag, which must not be self-closing.
    let root_end = |svg: &str| -> Result<usize, BakeError> {
        let root = svg.find("<svg").ok_or(bad("no <svg> element"))?;
        let end = root
            + svg
                .get(root..)
                .unwrap_or_default()
                .find('>')
                .ok_or(bad("unterminated <svg>"))?;
        if svg.as_bytes().get(end.wrapping_sub(1)) == Some(&b'/') {
            return Err(bad("the <svg> element is empty"));
        }
        Ok(end)
    };
    let prefix = match prefix_for(&svg, OB3_NAMESPACE) {
        Some(p) => String::from(p),
        None => {
            let at = root_end(&svg)?;
            svg.insert_str(at, &alloc::format!(" xmlns:openbadges=\"{OB3_NAMESPACE}\""));
            String::from("openbadges")
        }
    };
    let root_end = root_end(&svg)?;
    let trimmed = credential.trim();
    let element = if trimmed.starts_with('{') {
        if trimmed.contains("]]>") {
            return Err(bad("the credential contains ']]>'"));
        }
        alloc::format!("\n<{prefix}:credential><![CDATA[{trimmed}]]></{prefix}:credential>")
    } else {
        let escaped = trimmed
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;");
        alloc::format!("\n<{prefix}:credential verify=\"{escaped}\"/>")
    };
    svg.insert_str(root_end + 1, &element);
    // An SVG whose markup is too odd for this scanner (a malformed namespace declaration, another
    // credential element it cannot see) could read back differently: refuse rather than write that.
    match extract_svg(svg.as_bytes()) {
        Ok(found) if found.payload == trimmed.as_bytes() => Ok(svg),
        _ => Err(bad("the SVG's markup is too unusual to bake unambiguously")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 PNG (signature, IHDR, IDAT, IEND), valid CRCs.
    fn tiny_png() -> Vec<u8> {
        let mut png = PNG_SIGNATURE.to_vec();
        let mut chunk = |kind: &[u8; 4], data: &[u8]| {
            png.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
            let mut covered = kind.to_vec();
            covered.extend_from_slice(data);
            png.extend_from_slice(&covered);
            png.extend_from_slice(&crate::gzip::crc32(&covered).to_be_bytes());
        };
        chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        chunk(
            b"IDAT",
            &miniz_oxide::deflate::compress_to_vec_zlib(&[0, 0], 6),
        );
        chunk(b"IEND", &[]);
        png
    }

    #[test]
    fn png_bake_extract_rebake() {
        let png = tiny_png();
        assert_eq!(extract_png(&png, 1 << 20), Err(BakeError::NotBaked));
        let baked = bake_png(&png, br#"{"a": 1}"#).unwrap();
        let found = extract_png(&baked, 1 << 20).unwrap();
        assert_eq!(
            (found.container, found.generation),
            (Container::Png, Generation::Ob3)
        );
        assert_eq!(found.payload, br#"{"a": 1}"#);
        // Baking again replaces the credential; the image chunks are untouched.
        let again = bake_png(&baked, b"eyJ.x.y").unwrap();
        assert_eq!(extract_png(&again, 1 << 20).unwrap().payload, b"eyJ.x.y");
        assert_eq!(again.len(), baked.len() - 8 + 7);
        assert!(again.windows(4).filter(|w| w == b"iTXt").count() == 1);
        // A flipped byte is caught by the chunk CRC.
        let mut corrupt = baked.clone();
        let at = corrupt.len() - 20;
        corrupt[at] ^= 1;
        assert_eq!(
            extract_png(&corrupt, 1 << 20),
            Err(BakeError::Malformed("PNG chunk CRC mismatch"))
        );
        assert_eq!(
            extract_png(&baked[..baked.len() - 3], 1 << 20),
            Err(BakeError::Malformed("truncated PNG chunk"))
        );
    }

    #[test]
    fn svg_json_and_jws_and_prefixes() {
        let svg =
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><circle r="1"/></svg>"#;
        assert_eq!(extract_svg(svg.as_bytes()), Err(BakeError::NotBaked));
        let json = bake_svg(svg, r#"{"name": "A & <B>"}"#).unwrap();
        assert_eq!(
            extract_svg(json.as_bytes()).unwrap().payload,
            br#"{"name": "A & <B>"}"#
        );
        let jws = bake_svg(&json, "eyJhbGciOiJFZERTQSJ9.e30.c2ln").unwrap();
        let found = extract_svg(jws.as_bytes()).unwrap();
        assert_eq!(found.payload, b"eyJhbGciOiJFZERTQSJ9.e30.c2ln");
        assert_eq!(jws.matches(":credential").count(), 1, "{jws}");
        // Any prefix bound to the namespace; escaped content.
        let other = r#"<svg xmlns:ob='https://purl.imsglobal.org/ob/v3p0'><ob:credential>{"a":"&lt;&#x41;&amp;"}</ob:credential></svg>"#;
        assert_eq!(
            extract_svg(other.as_bytes()).unwrap().payload,
            br#"{"a":"<A&"}"#
        );
        let twice = r#"<svg xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential verify="a"/><ob:credential verify="b"/></svg>"#;
        assert_eq!(
            extract_svg(twice.as_bytes()),
            Err(BakeError::Malformed("more than one baked credential"))
        );
        let ob2 = r#"<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a.json"></openbadges:assertion></svg>"#;
        let found = extract_svg(ob2.as_bytes()).unwrap();
        assert_eq!(
            (found.generation, found.payload.as_slice()),
            (Generation::Ob2, &b"https://example.org/a.json"[..])
        );
        // Found by fuzzing: a namespace declaration the scanner cannot read next to an existing
        // credential element would have read back the old credential; baking is refused instead.
        let odd = "<svg xmlns:openbadge\0s=\"https://purl.imsglobal.org/ob/v3p0\"><openbadges:credential>{\"old\": 1}</openbadges:credential></svg>";
        assert_eq!(
            bake_svg(odd, "eyJ.e30.c2ln"),
            Err(BakeError::Malformed(
                "the SVG's markup is too unusual to bake unambiguously"
            ))
        );
        assert_eq!(extract_svg(b"<svg xmlns:ob=\"https://purl.imsglobal.org/ob/v3p0\"><ob:credential>&bogus;</ob:credential></svg>"), Err(BakeError::Malformed("bad XML entity")));
    }
}
