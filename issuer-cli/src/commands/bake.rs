use anyhow::{Context as _, Result, bail};
use std::io::Write as _;
use std::process::ExitCode;
use verifier_core::baked::{self, BakeError};

use crate::{BakeArgs, UnbakeArgs};

fn explain(e: BakeError) -> anyhow::Error {
    match e {
        BakeError::NotBaked => anyhow::anyhow!("the image has no credential baked in"),
        BakeError::Malformed(reason) => anyhow::anyhow!("{reason}"),
    }
}

pub(crate) fn bake(args: &BakeArgs) -> Result<ExitCode> {
    let credential = std::fs::read_to_string(&args.credential)
        .with_context(|| format!("reading {}", args.credential.display()))?;
    let trimmed = credential.trim();
    let is_json = serde_json::from_str::<serde_json::Value>(trimmed).is_ok_and(|v| v.is_object());
    let is_jws = trimmed.starts_with("eyJ") && trimmed.split('.').count() == 3;
    if !is_json && !is_jws {
        bail!(
            "{} is neither a JSON credential nor a compact JWS",
            args.credential.display()
        );
    }
    let image =
        std::fs::read(&args.image).with_context(|| format!("reading {}", args.image.display()))?;
    let out = if baked::is_png(&image) {
        baked::bake_png(&image, trimmed.as_bytes()).map_err(explain)?
    } else if baked::is_svg(&image) {
        let svg = String::from_utf8(image).context("the SVG is not UTF-8")?;
        baked::bake_svg(&svg, trimmed)
            .map_err(explain)?
            .into_bytes()
    } else {
        bail!("{} is neither a PNG nor an SVG image", args.image.display());
    };
    std::fs::write(&args.out, out).with_context(|| format!("writing {}", args.out.display()))?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn unbake(args: &UnbakeArgs) -> Result<ExitCode> {
    let image =
        std::fs::read(&args.image).with_context(|| format!("reading {}", args.image.display()))?;
    let found = if baked::is_png(&image) {
        baked::extract_png(&image, verifier_core::Limits::default().max_input_bytes)
    } else if baked::is_svg(&image) {
        baked::extract_svg(&image)
    } else {
        bail!("{} is neither a PNG nor an SVG image", args.image.display());
    }
    .map_err(explain)
    .with_context(|| args.image.display().to_string())?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&found.payload)?;
    stdout.write_all(b"\n")?;
    Ok(ExitCode::SUCCESS)
}
