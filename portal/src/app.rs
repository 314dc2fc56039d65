//! The Verify page.
use leptos::prelude::*;
use leptos::task::spawn_local;
use verifier_core::{Check, CheckId, Code, Outcome, Report, Summary, Verdict};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::fetch::FetchError;
use crate::i18n::{CurrentLang, Lang, T, code_text, fill, use_lang};
use crate::trust::Problem;
use crate::{fetch, trust, verify};

/// The institution's branding from trust.json, once loaded.
#[derive(Clone, Debug, Default, PartialEq)]
struct Brand {
    name: Option<String>,
    logo: Option<String>,
    problem: Option<Problem>,
    languages: Vec<Lang>,
}

/// The languages offered: trust.json's `languages` that the portal has (preferred first), else all.
fn offered(languages: &[String]) -> Vec<Lang> {
    let mut out: Vec<Lang> = Vec::new();
    for l in languages.iter().filter_map(|t| Lang::parse(t)) {
        if !out.contains(&l) {
            out.push(l);
        }
    }
    if out.is_empty() {
        out = Lang::ALL.to_vec();
    }
    out
}

const LANG_KEY: &str = "verity-lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The reader's language: their earlier choice, else the browser's first language offered, else
/// the first offered.
fn initial_lang(offered: &[Lang]) -> Lang {
    let chosen = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|t| Lang::parse(&t))
        .filter(|l| offered.contains(l));
    let browser = || {
        let navigator = web_sys::window()?.navigator();
        let tags: Vec<String> = navigator
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .chain(navigator.language())
            .collect();
        tags.iter()
            .filter_map(|t| Lang::parse(t))
            .find(|l| offered.contains(l))
    };
    chosen
        .or_else(browser)
        .or_else(|| offered.first().copied())
        .unwrap_or(Lang::En)
}

/// A problem to show in place of a result, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
enum ErrorMsg {
    Fetch(FetchError),
    Unreadable(String),
    Nothing,
}

impl ErrorMsg {
    fn text(&self, lang: Lang) -> String {
        match self {
            Self::Fetch(e) => e.text(lang),
            Self::Unreadable(name) => fill(T::FileUnreadable.get(lang), &[name]),
            Self::Nothing => T::NothingToVerify.get(lang).into(),
        }
    }
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
const DEMOS: [(&str, T, &str); 7] = [
    ("valid", T::DemoValid, include_str!("../demo/valid.json")),
    (
        "tampered",
        T::DemoTampered,
        include_str!("../demo/tampered.json"),
    ),
    (
        "expired",
        T::DemoExpired,
        include_str!("../demo/expired.json"),
    ),
    ("valid-jwt", T::DemoJwt, include_str!("../demo/valid.jwt")),
    (
        "revoked",
        T::DemoRevoked,
        include_str!("../demo/revoked.json"),
    ),
    (
        "anchored",
        T::DemoAnchored,
        include_str!("../demo/anchored.json"),
    ),
    (
        "unknown-issuer",
        T::DemoUnknown,
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
    Error(ErrorMsg),
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
pub(crate) fn deep_link(hash: &str) -> Option<String> {
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
    let lang = RwSignal::new(initial_lang(&Lang::ALL));
    provide_context(CurrentLang(lang));
    // The page's language and title follow the reader's choice.
    Effect::new(move |_| {
        let l = lang.get();
        let name = brand.get().name;
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", l.tag());
            }
            if let Some(name) = name {
                document.set_title(&fill(T::TitleVerify.get(l), &[&name]));
            }
        }
    });
    spawn_local(async move {
        let trust = trust::get().await;
        let languages = offered(
            trust
                .config
                .as_ref()
                .map(|c| c.languages.as_slice())
                .unwrap_or_default(),
        );
        lang.set(initial_lang(&languages));
        if let Some(config) = &trust.config {
            apply_colors(
                config.primary_color.as_deref(),
                config.accent_color.as_deref(),
            );
        }
        set_brand.set(Brand {
            languages,
            name: trust.config.as_ref().and_then(|c| c.name.clone()),
            logo: trust
                .config
                .as_ref()
                .and_then(|c| c.logo.clone())
                .and_then(|l| fetch::resolve(l.as_str())),
            problem: trust.problem.clone(),
        });
    });

    let t = move |key: T| key.get(lang.get());
    let choose = move |ev: leptos::ev::Event| {
        if let Some(l) = Lang::parse(&event_target_value(&ev)) {
            lang.set(l);
            if let Some(s) = storage() {
                let _ = s.set_item(LANG_KEY, l.tag());
            }
        }
    };
    view! {
        <header class="top">
            {move || brand.get().logo.map(|src| view! { <img class="logo" src=src alt="" /> })}
            <div>
                <h1 data-testid="brand-name">{move || brand.get().name.unwrap_or_else(|| "Verity".into())}</h1>
                <p class="tagline">{move || t(T::Tagline)}</p>
            </div>
            {move || {
                let languages = brand.get().languages;
                (languages.len() > 1).then(|| view! {
                    <label class="lang">
                        <span>{move || t(T::LanguageLabel)}</span>" "
                        <select data-testid="lang-switch" on:change=choose>
                            {languages.into_iter().map(|l| view! {
                                <option value=l.tag() selected=move || lang.get() == l>{l.name()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                })
            }}
        </header>
        {move || brand.get().problem.map(|p| view! { <p class="error banner" role="alert" data-testid="trust-problem">{p.text(lang.get())}</p> })}
        <nav class="pages" aria-label=move || t(T::Pages)>
            <a href="#/" data-testid="nav-verify" aria-current=move || current(Page::Verify)>{move || t(T::NavVerify)}</a>
            <a href="#/pathway" data-testid="nav-pathway" aria-current=move || current(Page::Pathway)>{move || t(T::NavPathway)}</a>
            <a href="#/certificates" data-testid="nav-certificates" aria-current=move || current(Page::Certificates)>{move || t(T::NavCertificates)}</a>
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
    let lang = use_lang();
    let t = move |key: T| key.get(lang.get());

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
                Err(e) => set_state.set(State::Error(ErrorMsg::Fetch(e))),
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
                        set_state.set(State::Error(ErrorMsg::Unreadable(file.name())));
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
            _ if !pasted.trim().is_empty() => run(
                T::PastedCredential.get(lang.get_untracked()).into(),
                pasted.into_bytes(),
            ),
            _ if !link.is_empty() => run_url(link),
            _ => set_state.set(State::Error(ErrorMsg::Nothing)),
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
                <label for="verify-json">{move || t(T::PasteLabel)}</label>
                <textarea id="verify-json" data-testid="verify-json" rows="8" spellcheck="false"
                    placeholder="{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", …], …}"
                    prop:value=text
                    on:input=move |ev| { set_text.set(event_target_value(&ev)); set_source.set(Source::Text); }
                ></textarea>
                <label for="verify-url">{move || t(T::LinkLabel)}</label>
                <input id="verify-url" data-testid="verify-url" type="url" placeholder="https://…"
                    prop:value=url
                    on:input=move |ev| { set_url.set(event_target_value(&ev)); set_source.set(Source::Url); } />
                <div class="drop" class:dragging=dragging
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); set_dragging.set(true); }
                    on:dragleave=move |_| set_dragging.set(false)
                    on:drop=on_drop>
                    <label for="verify-file">{move || t(T::DropLabel)}</label>
                    <input id="verify-file" data-testid="verify-file" type="file" multiple accept=".json,.jsonld,.jwt,.png,.svg,application/json,image/png,image/svg+xml" on:change=on_file />
                </div>
                <crate::qr::QrScan on_scan=Callback::new(move |scanned| match scanned {
                    crate::qr::Scanned::Link(link) => { set_url.set(link.clone()); set_source.set(Source::Url); run_url(link); }
                    crate::qr::Scanned::Credential(text) => { set_text.set(text.clone()); set_source.set(Source::Text); run("QR".into(), text.into_bytes()); }
                }) />
                <button type="submit" data-testid="verify-submit" class="primary">{move || t(T::VerifyButton)}</button>
                <p class="demos">{move || t(T::TryDemo)}
                    {DEMOS.iter().map(|(id, label, json)| {
                        let (json, label) = (*json, *label);
                        view! {
                            <button type="button" class="link" data-testid=format!("demo-{id}")
                                on:click=move |_| { set_text.set(json.to_string()); set_source.set(Source::Text); run(label.get(lang.get_untracked()).to_string(), json.as_bytes().to_vec()); }>
                                {move || t(label)}
                            </button>
                        }
                    }).collect_view()}
                </p>
            </form>
            <section class="result" aria-live="polite">
                {move || { let lang = lang.get(); match state.get() {
                    State::Idle => view! { <p class="hint">{T::ResultHere.get(lang)}</p> }.into_any(),
                    State::Busy => view! { <p class="busy" data-testid="busy">{T::Verifying.get(lang)}</p> }.into_any(),
                    State::Error(message) => view! { <p class="error" role="alert" data-testid="input-error">{message.text(lang)}</p> }.into_any(),
                    State::Done { label, report, institution, raw } => view! { <ReportView label report=*report institution raw lang /> }.into_any(),
                    State::Batch { items, institution } => view! { <BatchView items institution lang /> }.into_any(),
                }}}
            </section>
        </main>
        <footer>{move || t(T::Footer)}</footer>
    }
}

fn verdict_text(v: Verdict, lang: Lang) -> (&'static str, &'static str) {
    let (icon, key) = match v {
        Verdict::Valid => ("✔", T::VerdictValid),
        Verdict::Invalid => ("✖", T::VerdictInvalid),
        Verdict::Expired => ("⌛", T::VerdictExpired),
        Verdict::Revoked => ("⊘", T::VerdictRevoked),
        Verdict::Suspended => ("⏸", T::VerdictSuspended),
        Verdict::Indeterminate => ("?", T::VerdictIndeterminate),
    };
    (icon, key.get(lang))
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

fn format_date(s: &str, lang: Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(s));
    if date.get_time().is_nan() {
        return s.to_string();
    }
    date.to_locale_date_string(lang.locale(), &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// Who vouches for the issuer: the portal's trust list, or nobody (the name is the credential's claim).
#[component]
fn TrustNote(check: Check, institution: Option<String>, lang: Lang) -> impl IntoView {
    let portal = institution.unwrap_or_else(|| T::ThisPortal.get(lang).into());
    let (kind, text) = match (check.code, check.outcome) {
        (Code::TrustTrustedIssuer, _) => (
            "trusted",
            fill(
                T::TrustTrusted.get(lang),
                &[check.datum("name").unwrap_or_default(), &portal],
            ),
        ),
        (Code::TrustUntrustedIssuer, _) => {
            ("untrusted", fill(T::TrustUntrusted.get(lang), &[&portal]))
        }
        (Code::TrustUnknownIssuer, _) => (
            "unknown",
            fill(
                T::TrustUnknown.get(lang),
                &[check.datum("issuer").unwrap_or_default(), &portal],
            ),
        ),
        _ => ("not-configured", T::TrustNone.get(lang).to_string()),
    };
    view! { <p class=format!("trust {kind}") data-testid="trust-status" data-trust=kind>{text}</p> }
}

#[component]
fn ReportView(
    label: String,
    report: Report,
    institution: Option<String>,
    raw: Option<String>,
    lang: Lang,
) -> impl IntoView {
    let share = (label.starts_with("https://") || label.starts_with("http://"))
        .then(|| share_link(&label))
        .flatten();
    let (icon, mut headline) = verdict_text(report.verdict, lang);
    let unknown_issuer = report
        .checks
        .iter()
        .any(|c| c.code == Code::TrustUnknownIssuer);
    if report.verdict == Verdict::Valid && unknown_issuer {
        headline = T::VerdictValidUnknown.get(lang);
    }
    let reason = report.first_failure().map(|c| code_text(lang, c.code));
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
        {trust.map(|check| view! { <TrustNote check institution lang /> })}
        {report.summary.map(|s| view! { <SummaryView s lang /> })}
        {anchor.map(|c| view! { <AnchorView c lang /> })}
        <h2>{T::HowChecked.get(lang)}</h2>
        <ul class="checks">
            {report.checks.into_iter().map(|c| view! { <CheckRow c lang /> }).collect_view()}
        </ul>
        {(!report.credentials.is_empty()).then(|| {
            let nested = report.credentials.clone();
            view! {
                <h2>{T::InThisBundle.get(lang)}</h2>
                <ul class="batch" data-testid="bundle">
                    {nested.into_iter().enumerate().map(|(i, r)| {
                        let name = r.summary.as_ref().and_then(|s| s.achievement_name.clone().or_else(|| s.credential_name.clone())).unwrap_or_else(|| fill(T::CredentialN.get(lang), &[&(i + 1).to_string()]));
                        let verdict = r.verdict.as_str();
                        view! {
                            <li data-testid="bundle-item" data-verdict=verdict>
                                <details>
                                    <summary><span class=format!("pill {verdict}")>{verdict_text(r.verdict, lang).1}</span>" "{name}</summary>
                                    <ul class="checks">{r.checks.into_iter().map(|c| view! { <CheckRow c lang /> }).collect_view()}</ul>
                                </details>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })}
        <div class="actions">
            <button type="button" data-testid="print" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{T::Print.get(lang)}</button>
            {share.map(|link| view! {
                <label for="share-link">{T::ShareLabel.get(lang)}</label>
                <input id="share-link" data-testid="share-link" type="text" readonly prop:value=link />
            })}
        </div>
        {raw.map(|json| view! {
            <details class="raw" data-testid="raw-credential">
                <summary>{T::ShowRaw.get(lang)}</summary>
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
    lang: Lang,
) -> impl IntoView {
    let valid = items
        .iter()
        .filter(|(_, r, _)| r.verdict == Verdict::Valid)
        .count();
    let total = items.len();
    view! {
        <p class="batch-summary" data-testid="batch-summary" role="status">{fill(T::BatchSummary.get(lang), &[&valid.to_string(), &total.to_string()])}</p>
        <ul class="batch" data-testid="batch">
            {items.into_iter().map(|(label, report, raw)| {
                let verdict = report.verdict.as_str();
                let institution = institution.clone();
                let headline = verdict_text(report.verdict, lang).1;
                let (file, shown) = (label.clone(), label.clone());
                view! {
                    <li data-testid="batch-item" data-file=file data-verdict=verdict>
                        <details>
                            <summary><span class=format!("pill {verdict}")>{headline}</span>" "{shown}</summary>
                            <ReportView label report institution raw lang />
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn SummaryView(s: Summary, lang: Lang) -> impl IntoView {
    let image = s.achievement_image.filter(|u| safe_image(u));
    let title = s
        .achievement_name
        .or(s.credential_name)
        .unwrap_or_else(|| T::Credential.get(lang).into());
    let issuer = s.issuer_name.or(s.issuer_id.clone());
    let issuer_logo = s.issuer_image.filter(|u| safe_image(u));
    let issuer_url = s.issuer_url.filter(|u| u.starts_with("https://"));
    let row = |k: &'static str, v: Option<String>| v.map(|v| view! { <dt>{k}</dt><dd>{v}</dd> });
    // The expiry countdown, from the browser's clock.
    let countdown = s
        .valid_until
        .as_deref()
        .and_then(verifier_core::UnixTime::parse)
        .map(|until| {
            let days = (until.0 - crate::clock::now().0).div_euclid(86_400);
            match days {
                0 => T::ExpiresToday.get(lang).to_string(),
                d if d > 0 => fill(T::ExpiresIn.get(lang), &[&d.to_string()]),
                d => fill(T::ExpiredAgo.get(lang), &[&(-d).to_string()]),
            }
        });
    let links = |items: Vec<verifier_core::Link>| {
        items
            .into_iter()
            .map(|l| match l.url.filter(|u| u.starts_with("https://")) {
                Some(url) => view! { <li><a href=url rel="noopener noreferrer" target="_blank">{l.name}</a></li> }.into_any(),
                None => view! { <li>{l.name}</li> }.into_any(),
            })
            .collect_view()
    };
    let (alignments, evidence, results) = (s.alignments, s.evidence, s.results);
    view! {
        <article class="credential" data-testid="credential">
            {image.map(|src| view! { <img class="badge" src=src alt="" referrerpolicy="no-referrer" /> })}
            <div>
                <h2 data-testid="achievement-name">{title}</h2>
                {s.achievement_description.map(|d| view! { <p class="description">{d}</p> })}
                <dl>
                    {row(T::AchievementType.get(lang), s.achievement_type)}
                    {row(T::AwardedTo.get(lang), s.recipient)}
                    <dt>{T::IssuedBy.get(lang)}</dt>
                    <dd data-testid="issuer-name">
                        {issuer_logo.map(|src| view! { <img class="issuer-logo" data-testid="issuer-logo" src=src alt="" referrerpolicy="no-referrer" /> })}
                        {issuer.unwrap_or_default()}
                        {issuer_url.map(|u| { let text = u.clone(); view! { " · " <a href=u rel="noopener noreferrer" target="_blank">{text}</a> } })}
                    </dd>
                    {row(T::Criteria.get(lang), s.achievement_criteria)}
                    {(!results.is_empty()).then(|| view! { <dt>{T::Results.get(lang)}</dt><dd data-testid="results">{results.join(" · ")}</dd> })}
                    {(!alignments.is_empty()).then(|| view! { <dt>{T::Alignment.get(lang)}</dt><dd><ul class="links" data-testid="alignments">{links(alignments)}</ul></dd> })}
                    {(!evidence.is_empty()).then(|| view! { <dt>{T::Evidence.get(lang)}</dt><dd><ul class="links" data-testid="evidence">{links(evidence)}</ul></dd> })}
                    {row(T::ValidFrom.get(lang), s.valid_from.as_deref().map(|d| format_date(d, lang)))}
                    {s.valid_until.as_deref().map(|d| {
                        let date = format_date(d, lang);
                        view! {
                            <dt>{T::ValidUntil.get(lang)}</dt>
                            <dd>{date}{countdown.map(|c| view! { " · " <span class="countdown" data-testid="expiry-countdown">{c}</span> })}</dd>
                        }
                    })}
                    {row(T::IssuerId.get(lang), s.issuer_id)}
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
fn AnchorView(c: Check, lang: Lang) -> impl IntoView {
    let get = |k: &str| c.datum(k).unwrap_or_default().to_string();
    let (network, txid) = (get("network"), get("txid"));
    let link = explorer(&network, &txid);
    let levels: usize = get("pathLength").parse().unwrap_or(0).min(64);
    let position = match (c.datum("leafIndex"), c.datum("leafCount")) {
        (Some(index), Some(count)) => fill(
            T::CredentialOf.get(lang),
            &[
                &index.parse::<u64>().map_or(0, |i| i + 1).to_string(),
                count,
            ],
        ),
        _ => T::ThisCredential.get(lang).to_string(),
    };
    let time = format_date(&get("time"), lang);
    let height = c.datum("height").map(ToString::to_string);
    let online = c.code == Code::AnchorConfirmedOnline;
    view! {
        <section class="anchor" data-testid="anchor" data-network=network.clone() data-method=if online { "online" } else { "offline" }>
            <h2>{T::AnchoredOn.get(lang)}</h2>
            <dl>
                <dt>{T::Network.get(lang)}</dt><dd>{network.clone()}</dd>
                <dt>{T::Transaction.get(lang)}</dt>
                <dd>{match link {
                    Some(href) => view! { <a href=href rel="noopener noreferrer" target="_blank"><code>{txid.clone()}</code></a> }.into_any(),
                    None => view! { <code>{txid.clone()}</code> }.into_any(),
                }}</dd>
                {height.map(|h| view! { <dt>{T::BlockHeight.get(lang)}</dt><dd>{h}</dd> })}
                <dt>{T::BlockTime.get(lang)}</dt><dd>{time}</dd>
                {c.datum("confirmations").map(|n| view! { <dt>{T::Confirmations.get(lang)}</dt><dd>{n.to_string()}</dd> })}
                <dt>{T::HowAnchorChecked.get(lang)}</dt>
                <dd>{if online {
                    fill(T::AnchorOnline.get(lang), &[&get("explorer")])
                } else {
                    T::AnchorOffline.get(lang).to_string()
                }}</dd>
            </dl>
            <ol class="merkle-path" aria-label=T::MerklePath.get(lang)>
                <li class="leaf">{position}</li>
                {(0..levels).map(|i| view! { <li class="node">{fill(T::Level.get(lang), &[&(i + 1).to_string()])}</li> }).collect_view()}
                <li class="root">{T::BatchRoot.get(lang)}</li>
                <li class="tx">{T::OpReturn.get(lang)}</li>
                <li class="block">{T::Block.get(lang)}</li>
            </ol>
        </section>
    }
}

#[component]
pub(crate) fn CheckRow(c: Check, lang: Lang) -> impl IntoView {
    let (icon, class, word) = match c.outcome {
        Outcome::Passed => ("✔", "passed", T::OutcomePassed),
        Outcome::Failed => ("✖", "failed", T::OutcomeFailed),
        Outcome::Skipped => ("–", "skipped", T::OutcomeSkipped),
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
            <span class="outcome">{word.get(lang)}</span>
            <span class="message">{code_text(lang, c.code)}</span>
            // The technical code and data, for those who want them.
            <details class="tech">
                <summary><code>{c.code.as_str()}</code></summary>
                {(!data.is_empty()).then(|| view! { <small class="data">{data}</small> })}
            </details>
        </li>
    }
}
