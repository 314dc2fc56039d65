//! The Verify page.
use leptos::prelude::*;
use leptos::task::spawn_local;
use verifier_core::messages::english;
use verifier_core::{Check, CheckId, Code, Outcome, Report, Summary, Verdict};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::{fetch, trust, verify};

/// The institution's branding from trust.json, once loaded.
#[derive(Clone, Debug, Default, PartialEq)]
struct Brand {
    name: Option<String>,
    logo: Option<String>,
    problem: Option<String>,
}

/// Applies the trust.json colours as CSS custom properties (validated `#rgb`/`#rrggbb` by the core).
fn apply_colors(primary: Option<&str>, accent: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    if let Some(primary) = primary {
        let _ = style.set_property("--accent", primary);
    }
    if let Some(accent) = accent {
        let _ = style.set_property("--brand-accent", accent);
    }
}

/// Demo credentials issued by `verity` (scripts/make-demo.sh), also served under `demo/`.
const DEMOS: [(&str, &str, &str); 7] = [
    ("valid", "A valid badge", include_str!("../demo/valid.json")),
    (
        "tampered",
        "A tampered badge",
        include_str!("../demo/tampered.json"),
    ),
    (
        "expired",
        "An expired badge",
        include_str!("../demo/expired.json"),
    ),
    (
        "valid-jwt",
        "A badge as a JWT",
        include_str!("../demo/valid.jwt"),
    ),
    (
        "revoked",
        "A revoked badge",
        include_str!("../demo/revoked.json"),
    ),
    (
        "anchored",
        "A badge anchored on Bitcoin (regtest)",
        include_str!("../demo/anchored.json"),
    ),
    (
        "unknown-issuer",
        "A badge from an unknown issuer",
        include_str!("../demo/unknown-issuer.json"),
    ),
];

/// Which input the Verify button uses: the one the user touched last.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Text,
    Url,
}

#[derive(Clone)]
enum State {
    Idle,
    Busy,
    Done {
        label: String,
        report: Box<Report>,
        institution: Option<String>,
        raw: Option<String>,
    },
    /// Several files at once: a verdict per file.
    Batch {
        items: Vec<(String, Report, Option<String>)>,
        institution: Option<String>,
    },
    Error(String),
}

/// The portal's pages, chosen by the URL fragment (static hosting: no server routes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Page {
    Verify,
    Certificates,
    Pathway,
}

/// The URL fragment, shared with the pages (deep links).
#[derive(Clone, Copy)]
struct Hash(RwSignal<String>);

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The credential link of a deep link `#/verify?url=<encoded>`, as an issuer prints it on a
/// diploma or a post.
fn deep_link(hash: &str) -> Option<String> {
    let query = hash.strip_prefix("#/verify?")?;
    let params = web_sys::UrlSearchParams::new_with_str(query).ok()?;
    params.get("url").filter(|u| !u.trim().is_empty())
}

/// The deep link that verifies this credential link on this portal.
fn share_link(credential_url: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let base = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    let encoded: String = js_sys::encode_uri_component(credential_url).into();
    Some(format!("{base}#/verify?url={encoded}"))
}

/// The credential as pretty JSON for the "show the credential" view: JSON as it is, a JWT's
/// payload, or what a badge image has baked in.
fn raw_credential(bytes: &[u8]) -> Option<String> {
    use base64ct::Encoding as _;
    use verifier_core::baked;
    let pretty = |b: &[u8]| {
        serde_json::from_slice::<serde_json::Value>(b)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
    };
    if baked::is_png(bytes) {
        return raw_credential(
            &baked::extract_png(bytes, fetch::MAX_CREDENTIAL_BYTES)
                .ok()?
                .payload,
        );
    }
    let text = core::str::from_utf8(bytes).ok()?.trim();
    if text.starts_with('<') {
        return raw_credential(&baked::extract_svg(bytes).ok()?.payload);
    }
    if text.starts_with("eyJ") {
        let payload = text.split('.').nth(1)?;
        return pretty(&base64ct::Base64UrlUnpadded::decode_vec(payload).ok()?);
    }
    pretty(text.as_bytes())
}

fn current_page() -> Page {
    let hash = location_hash();
    if hash.starts_with("#/certificates") {
        Page::Certificates
    } else if hash.starts_with("#/pathway") {
        Page::Pathway
    } else {
        Page::Verify
    }
}

/// The page frame: navigation between the Verify and Certificates pages.
#[component]
pub(crate) fn Root() -> impl IntoView {
    let page = RwSignal::new(current_page());
    let hash = RwSignal::new(location_hash());
    provide_context(Hash(hash));
    if let Some(window) = web_sys::window() {
        let on_hash = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            page.set(current_page());
            hash.set(location_hash());
        });
        let _ =
            window.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
        // Lives as long as the page.
        on_hash.forget();
    }
    let current = move |p: Page| if page.get() == p { Some("page") } else { None };
    let (brand, set_brand) = signal(Brand::default());
    spawn_local(async move {
        let trust = trust::get().await;
        if let Some(config) = &trust.config {
            apply_colors(
                config.primary_color.as_deref(),
                config.accent_color.as_deref(),
            );
            if let (Some(name), Some(document)) =
                (&config.name, web_sys::window().and_then(|w| w.document()))
            {
                document.set_title(&format!("{name} — verify a credential"));
            }
        }
        set_brand.set(Brand {
            name: trust.config.as_ref().and_then(|c| c.name.clone()),
            logo: trust
                .config
                .as_ref()
                .and_then(|c| c.logo.clone())
                .and_then(|l| fetch::resolve(l.as_str())),
            problem: trust.problem.clone(),
        });
    });

    view! {
        <header class="top">
            {move || brand.get().logo.map(|src| view! { <img class="logo" src=src alt="" /> })}
            <div>
                <h1 data-testid="brand-name">{move || brand.get().name.unwrap_or_else(|| "Verity".into())}</h1>
                <p class="tagline">"Check a digital credential or a certificate chain in your browser. Nothing you check is uploaded."</p>
            </div>
        </header>
        {move || brand.get().problem.map(|p| view! { <p class="error banner" role="alert" data-testid="trust-problem">{p}</p> })}
        <nav class="pages" aria-label="Pages">
            <a href="#/" data-testid="nav-verify" aria-current=move || current(Page::Verify)>"Verify a credential"</a>
            <a href="#/pathway" data-testid="nav-pathway" aria-current=move || current(Page::Pathway)>"Pathway progress"</a>
            <a href="#/certificates" data-testid="nav-certificates" aria-current=move || current(Page::Certificates)>"Check certificates"</a>
        </nav>
        {move || match page.get() {
            Page::Verify => view! { <App /> }.into_any(),
            Page::Certificates => view! { <crate::certs::CertsPage /> }.into_any(),
            Page::Pathway => view! { <crate::pathway::PathwayPage /> }.into_any(),
        }}
    }
}

#[component]
pub(crate) fn App() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let (url, set_url) = signal(String::new());
    let (source, set_source) = signal(Source::Text);
    let (state, set_state) = signal(State::Idle);
    let (dragging, set_dragging) = signal(false);

    let verify_and_show = move |label: String, bytes: Vec<u8>| async move {
        let trust = trust::get().await;
        let raw = raw_credential(&bytes);
        let report = verify::verify_bytes(bytes, &trust).await;
        set_state.set(State::Done {
            label,
            report: Box::new(report),
            institution: trust.config.as_ref().and_then(|c| c.name.clone()),
            raw,
        });
    };
    let run = move |label: String, bytes: Vec<u8>| {
        set_state.set(State::Busy);
        spawn_local(verify_and_show(label, bytes));
    };
    let run_url = move |link: String| {
        set_state.set(State::Busy);
        spawn_local(async move {
            match fetch::fetch_bytes(&link, fetch::MAX_CREDENTIAL_BYTES, false).await {
                Ok(bytes) => verify_and_show(link, bytes).await,
                Err(message) => set_state.set(State::Error(message)),
            }
        });
    };
    // One file: its report. Several: a verdict per file, each report a click away.
    let run_files = move |list: web_sys::FileList| {
        set_state.set(State::Busy);
        spawn_local(async move {
            let mut read = Vec::new();
            for i in 0..list.length() {
                let Some(file) = list.get(i) else { continue };
                match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        read.push((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
                    }
                    Err(_) => {
                        set_state.set(State::Error(format!(
                            "The file {} could not be read.",
                            file.name()
                        )));
                        return;
                    }
                }
            }
            if read.len() == 1 {
                if let Some((name, bytes)) = read.pop() {
                    verify_and_show(name, bytes).await;
                }
                return;
            }
            let trust = trust::get().await;
            let mut items = Vec::with_capacity(read.len());
            for (name, bytes) in read {
                let raw = raw_credential(&bytes);
                items.push((name, verify::verify_bytes(bytes, &trust).await, raw));
            }
            set_state.set(State::Batch {
                items,
                institution: trust.config.as_ref().and_then(|c| c.name.clone()),
            });
        });
    };
    // A deep link (#/verify?url=…) verifies on load, and whenever the fragment changes to one.
    if let Some(Hash(hash)) = use_context::<Hash>() {
        let last = StoredValue::new(None::<String>);
        Effect::new(move |_| {
            if let Some(link) = deep_link(&hash.get())
                && last.get_value().as_deref() != Some(link.as_str())
            {
                last.set_value(Some(link.clone()));
                set_url.set(link.clone());
                set_source.set(Source::Url);
                run_url(link);
            }
        });
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let link = url.get_untracked().trim().to_string();
        let pasted = text.get_untracked();
        match source.get_untracked() {
            Source::Url if !link.is_empty() => run_url(link),
            _ if !pasted.trim().is_empty() => run("Pasted credential".into(), pasted.into_bytes()),
            _ if !link.is_empty() => run_url(link),
            _ => set_state.set(State::Error(
                "Paste a credential, choose a file or paste a link first.".into(),
            )),
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files().filter(|f| f.length() > 0) {
            run_files(files);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        if let Some(files) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .filter(|f| f.length() > 0)
        {
            run_files(files);
        }
    };

    view! {
        <main>
            <form class="inputs" on:submit=submit>
                <label for="verify-json">"Paste a credential (JSON)"</label>
                <textarea id="verify-json" data-testid="verify-json" rows="8" spellcheck="false"
                    placeholder="{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", …], …}"
                    prop:value=text
                    on:input=move |ev| { set_text.set(event_target_value(&ev)); set_source.set(Source::Text); }
                ></textarea>
                <label for="verify-url">"…or paste a link to one"</label>
                <input id="verify-url" data-testid="verify-url" type="url" placeholder="https://…"
                    prop:value=url
                    on:input=move |ev| { set_url.set(event_target_value(&ev)); set_source.set(Source::Url); } />
                <div class="drop" class:dragging=dragging
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); set_dragging.set(true); }
                    on:dragleave=move |_| set_dragging.set(false)
                    on:drop=on_drop>
                    <label for="verify-file">"…or drop badge files here (JSON, JWT, or PNG / SVG badges with the credential baked in; several at once), or choose them: "</label>
                    <input id="verify-file" data-testid="verify-file" type="file" multiple accept=".json,.jsonld,.jwt,.png,.svg,application/json,image/png,image/svg+xml" on:change=on_file />
                </div>
                <button type="submit" data-testid="verify-submit" class="primary">"Verify"</button>
                <p class="demos">"Try a demo: "
                    {DEMOS.iter().map(|(id, label, json)| {
                        let json = *json;
                        view! {
                            <button type="button" class="link" data-testid=format!("demo-{id}")
                                on:click=move |_| { set_text.set(json.to_string()); set_source.set(Source::Text); run((*label).to_string(), json.as_bytes().to_vec()); }>
                                {*label}
                            </button>
                        }
                    }).collect_view()}
                </p>
            </form>
            <section class="result" aria-live="polite">
                {move || match state.get() {
                    State::Idle => view! { <p class="hint">"The result appears here."</p> }.into_any(),
                    State::Busy => view! { <p class="busy" data-testid="busy">"Verifying…"</p> }.into_any(),
                    State::Error(message) => view! { <p class="error" role="alert" data-testid="input-error">{message}</p> }.into_any(),
                    State::Done { label, report, institution, raw } => view! { <ReportView label report=*report institution raw /> }.into_any(),
                    State::Batch { items, institution } => view! { <BatchView items institution /> }.into_any(),
                }}
            </section>
        </main>
        <footer>"Verity verifies W3C Verifiable Credentials and Open Badges 3.0 entirely in your browser (WebAssembly)."</footer>
    }
}

fn verdict_text(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Valid => ("✔", "Valid credential"),
        Verdict::Invalid => ("✖", "Not valid"),
        Verdict::Expired => ("⌛", "Authentic, but expired"),
        Verdict::Revoked => ("⊘", "Revoked by the issuer"),
        Verdict::Suspended => ("⏸", "Suspended by the issuer"),
        Verdict::Indeterminate => ("?", "Could not be fully checked"),
    }
}

/// Only images that cannot run code or track beyond the credential's own pointer: raster data URLs and https.
fn safe_image(url: &str) -> bool {
    [
        "data:image/png;",
        "data:image/jpeg;",
        "data:image/gif;",
        "data:image/webp;",
        "https://",
    ]
    .iter()
    .any(|p| url.starts_with(p))
}

fn format_date(s: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(s));
    if date.get_time().is_nan() {
        return s.to_string();
    }
    date.to_locale_date_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// Who vouches for the issuer: the portal's trust list, or nobody (the name is the credential's claim).
#[component]
fn TrustNote(check: Check, institution: Option<String>) -> impl IntoView {
    let portal = institution.unwrap_or_else(|| "this portal".into());
    let (kind, text) = match (check.code, check.outcome) {
        (Code::TrustTrustedIssuer, _) => (
            "trusted",
            format!(
                "Issued by {}, a trusted issuer of {portal}.",
                check.datum("name").unwrap_or_default()
            ),
        ),
        (Code::TrustUntrustedIssuer, _) => (
            "untrusted",
            format!(
                "{portal} only accepts credentials from its trusted issuers, and this issuer is not one of them."
            ),
        ),
        (Code::TrustUnknownIssuer, _) => (
            "unknown",
            format!(
                "Caution: the issuer ({}) is not on {portal}'s list of trusted issuers. The issuer name shown comes from the credential itself and is not confirmed.",
                check.datum("issuer").unwrap_or_default()
            ),
        ),
        _ => (
            "not-configured",
            "This portal has no list of trusted issuers: check who the issuer is yourself."
                .to_string(),
        ),
    };
    view! { <p class=format!("trust {kind}") data-testid="trust-status" data-trust=kind>{text}</p> }
}

#[component]
fn ReportView(
    label: String,
    report: Report,
    institution: Option<String>,
    raw: Option<String>,
) -> impl IntoView {
    let share = (label.starts_with("https://") || label.starts_with("http://"))
        .then(|| share_link(&label))
        .flatten();
    let (icon, mut headline) = verdict_text(report.verdict);
    let unknown_issuer = report
        .checks
        .iter()
        .any(|c| c.code == Code::TrustUnknownIssuer);
    if report.verdict == Verdict::Valid && unknown_issuer {
        headline = "Authentic, but from an issuer this portal does not know";
    }
    let reason = report.first_failure().map(|c| english(c.code));
    let verdict = report.verdict.as_str();
    let anchor = report
        .checks
        .iter()
        .find(|c| matches!(c.code, Code::AnchorVerified | Code::AnchorConfirmedOnline))
        .cloned();
    let trust = report
        .checks
        .iter()
        .find(|c| c.id == CheckId::Trust)
        .cloned()
        .filter(|_| report.summary.is_some());
    view! {
        <div class=format!("verdict {verdict}") data-testid="verdict" data-verdict=verdict role="status">
            <span class="icon" aria-hidden="true">{icon}</span>
            <div>
                <strong>{headline}</strong>
                <span class="source">{label}</span>
                {reason.map(|r| view! { <p class="reason">{r}</p> })}
            </div>
        </div>
        {trust.map(|check| view! { <TrustNote check institution /> })}
        {report.summary.map(|s| view! { <SummaryView s /> })}
        {anchor.map(|c| view! { <AnchorView c /> })}
        <h2>"How this was checked"</h2>
        <ul class="checks">
            {report.checks.into_iter().map(|c| view! { <CheckRow c /> }).collect_view()}
        </ul>
        {(!report.credentials.is_empty()).then(|| {
            let nested = report.credentials.clone();
            view! {
                <h2>"Credentials in this bundle"</h2>
                <ul class="batch" data-testid="bundle">
                    {nested.into_iter().enumerate().map(|(i, r)| {
                        let name = r.summary.as_ref().and_then(|s| s.achievement_name.clone().or_else(|| s.credential_name.clone())).unwrap_or_else(|| format!("Credential {}", i + 1));
                        let verdict = r.verdict.as_str();
                        view! {
                            <li data-testid="bundle-item" data-verdict=verdict>
                                <details>
                                    <summary><span class=format!("pill {verdict}")>{verdict_text(r.verdict).1}</span>" "{name}</summary>
                                    <ul class="checks">{r.checks.into_iter().map(|c| view! { <CheckRow c /> }).collect_view()}</ul>
                                </details>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })}
        <div class="actions">
            <button type="button" data-testid="print" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
            {share.map(|link| view! {
                <label for="share-link">"Share this check: "</label>
                <input id="share-link" data-testid="share-link" type="text" readonly prop:value=link />
            })}
        </div>
        {raw.map(|json| view! {
            <details class="raw" data-testid="raw-credential">
                <summary>"Show the credential (JSON)"</summary>
                <pre><code>{json}</code></pre>
            </details>
        })}
    }
}

/// Several files: one line per file with its verdict; each opens to its full report.
#[component]
fn BatchView(
    items: Vec<(String, Report, Option<String>)>,
    institution: Option<String>,
) -> impl IntoView {
    let valid = items
        .iter()
        .filter(|(_, r, _)| r.verdict == Verdict::Valid)
        .count();
    let total = items.len();
    view! {
        <p class="batch-summary" data-testid="batch-summary" role="status">{format!("{valid} of {total} files are valid credentials.")}</p>
        <ul class="batch" data-testid="batch">
            {items.into_iter().map(|(label, report, raw)| {
                let verdict = report.verdict.as_str();
                let institution = institution.clone();
                let headline = verdict_text(report.verdict).1;
                let (file, shown) = (label.clone(), label.clone());
                view! {
                    <li data-testid="batch-item" data-file=file data-verdict=verdict>
                        <details>
                            <summary><span class=format!("pill {verdict}")>{headline}</span>" "{shown}</summary>
                            <ReportView label report institution raw />
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn SummaryView(s: Summary) -> impl IntoView {
    let image = s.achievement_image.filter(|u| safe_image(u));
    let title = s
        .achievement_name
        .or(s.credential_name)
        .unwrap_or_else(|| "Credential".into());
    let issuer = s.issuer_name.or(s.issuer_id.clone());
    let issuer_url = s.issuer_url.filter(|u| u.starts_with("https://"));
    let row = |k: &'static str, v: Option<String>| v.map(|v| view! { <dt>{k}</dt><dd>{v}</dd> });
    view! {
        <article class="credential" data-testid="credential">
            {image.map(|src| view! { <img class="badge" src=src alt="" referrerpolicy="no-referrer" /> })}
            <div>
                <h2 data-testid="achievement-name">{title}</h2>
                {s.achievement_description.map(|d| view! { <p class="description">{d}</p> })}
                <dl>
                    {row("Awarded to", s.recipient)}
                    <dt>"Issued by"</dt>
                    <dd data-testid="issuer-name">
                        {issuer.unwrap_or_default()}
                        {issuer_url.map(|u| { let text = u.clone(); view! { " · " <a href=u rel="noopener noreferrer" target="_blank">{text}</a> } })}
                    </dd>
                    {row("Criteria", s.achievement_criteria)}
                    {row("Valid from", s.valid_from.as_deref().map(format_date))}
                    {row("Valid until", s.valid_until.as_deref().map(format_date))}
                    {row("Issuer ID", s.issuer_id)}
                </dl>
            </div>
        </article>
    }
}

/// The block explorer page of a transaction (none for private regtest chains).
fn explorer(network: &str, txid: &str) -> Option<String> {
    let hex = txid.len() == 64 && txid.bytes().all(|b| b.is_ascii_hexdigit());
    match network {
        "mainnet" if hex => Some(format!("https://mempool.space/tx/{txid}")),
        "testnet" if hex => Some(format!("https://mempool.space/testnet/tx/{txid}")),
        _ => None,
    }
}

/// Where and how the credential was anchored, and its Merkle path as a picture (leaf → root).
#[component]
fn AnchorView(c: Check) -> impl IntoView {
    let get = |k: &str| c.datum(k).unwrap_or_default().to_string();
    let (network, txid) = (get("network"), get("txid"));
    let link = explorer(&network, &txid);
    let levels: usize = get("pathLength").parse().unwrap_or(0).min(64);
    let position = match (c.datum("leafIndex"), c.datum("leafCount")) {
        (Some(index), Some(count)) => format!(
            "credential {} of {count}",
            index.parse::<u64>().map_or(0, |i| i + 1)
        ),
        _ => "this credential".to_string(),
    };
    let time = format_date(&get("time"));
    let height = c.datum("height").map(ToString::to_string);
    let online = c.code == Code::AnchorConfirmedOnline;
    view! {
        <section class="anchor" data-testid="anchor" data-network=network.clone() data-method=if online { "online" } else { "offline" }>
            <h2>"Anchored on Bitcoin"</h2>
            <dl>
                <dt>"Network"</dt><dd>{network.clone()}</dd>
                <dt>"Transaction"</dt>
                <dd>{match link {
                    Some(href) => view! { <a href=href rel="noopener noreferrer" target="_blank"><code>{txid.clone()}</code></a> }.into_any(),
                    None => view! { <code>{txid.clone()}</code> }.into_any(),
                }}</dd>
                {height.map(|h| view! { <dt>"Block height"</dt><dd>{h}</dd> })}
                <dt>"Block time"</dt><dd>{time}</dd>
                {c.datum("confirmations").map(|n| view! { <dt>"Confirmations"</dt><dd>{n.to_string()}</dd> })}
                <dt>"How it was checked"</dt>
                <dd>{if online {
                    format!("Online: the block explorer {} reports the transaction confirmed. This trusts that explorer; the credential carries no offline evidence.", get("explorer"))
                } else {
                    "Offline, from the evidence the credential carries: its Merkle path, the transaction, the block's proof and headers, tied to a known checkpoint of the chain.".to_string()
                }}</dd>
            </dl>
            <ol class="merkle-path" aria-label="Merkle path from this credential to the anchored root">
                <li class="leaf">{position}</li>
                {(0..levels).map(|i| view! { <li class="node">{format!("level {}", i + 1)}</li> }).collect_view()}
                <li class="root">"batch root"</li>
                <li class="tx">"OP_RETURN in the transaction"</li>
                <li class="block">"block"</li>
            </ol>
        </section>
    }
}

#[component]
pub(crate) fn CheckRow(c: Check) -> impl IntoView {
    let (icon, class) = match c.outcome {
        Outcome::Passed => ("✔", "passed"),
        Outcome::Failed => ("✖", "failed"),
        Outcome::Skipped => ("–", "skipped"),
    };
    let data = c
        .data
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class=class data-check=c.code.as_str() data-outcome=c.outcome.as_str()>
            <span class="icon" aria-hidden="true">{icon}</span>
            <span class="outcome">{c.outcome.as_str()}</span>
            <span class="message">{english(c.code)}</span>
            <code>{c.code.as_str()}</code>
            {(!data.is_empty()).then(|| view! { <small class="data">{data}</small> })}
        </li>
    }
}
