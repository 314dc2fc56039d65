//! The Certificates page: drop or paste PEM / DER, see the chain (leaf → root), every check,
//! the lifetime against the CA/Browser Forum schedule with a countdown, and fingerprints.
//! Trust anchors come from trust.json (`x509Anchors`) and/or what the user pastes; nothing is
//! trusted implicitly.
use leptos::prelude::*;
use leptos::task::spawn_local;
use verifier_core::x509::{self, CertInfo, ChainOptions, ChainReport, Purpose, names::ServerName};
use verifier_core::{Code, Limits, Verdict};
use wasm_bindgen_futures::JsFuture;

use crate::app::CheckRow;
use crate::i18n::{Lang, T, code_text, fill, use_lang};
use crate::{clock, trust};

#[derive(Clone)]
enum CertState {
    Idle,
    Checking,
    Done {
        report: Box<ChainReport>,
        /// Every certificate of the input, for the inventory when no path was found.
        inventory: Vec<CertInfo>,
        anchors: usize,
    },
    Error(CertError),
}

/// An input problem, told in the reader's language.
#[derive(Clone)]
enum CertError {
    Anchors(String),
    BadName(String),
    Nothing,
    Unreadable(String),
}

impl CertError {
    fn text(&self, lang: Lang) -> String {
        match self {
            Self::Anchors(e) => fill(T::CertAnchorsUnreadable.get(lang), &[e]),
            Self::BadName(n) => fill(T::CertBadName.get(lang), &[n]),
            Self::Nothing => T::CertNothing.get(lang).into(),
            Self::Unreadable(f) => fill(T::FileUnreadable.get(lang), &[f]),
        }
    }
}

fn verdict_text(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Valid => T::CertVerdictValid,
        Verdict::Expired => T::VerdictExpired,
        Verdict::Indeterminate => T::CertVerdictIndeterminate,
        Verdict::Invalid | Verdict::Revoked | Verdict::Suspended => T::VerdictInvalid,
    }
    .get(lang)
}

async fn check(
    input: Vec<u8>,
    pasted_anchors: String,
    name: String,
    purpose: Purpose,
) -> CertState {
    let limits = Limits::default();
    let mut anchors = Vec::new();
    let trust = trust::get().await;
    if let Some(config) = &trust.config {
        for pem in &config.x509_anchors {
            anchors.extend(x509::parse_certificates(pem.as_bytes(), &limits).unwrap_or_default());
        }
    }
    if !pasted_anchors.trim().is_empty() {
        match x509::parse_certificates(pasted_anchors.as_bytes(), &limits) {
            Ok(list) => anchors.extend(list),
            Err(e) => return CertState::Error(CertError::Anchors(e.to_string())),
        }
    }
    let mut options = ChainOptions::new(purpose);
    let name = name.trim();
    if !name.is_empty() {
        match ServerName::parse(name) {
            Some(n) => options.name = Some(n),
            None => return CertState::Error(CertError::BadName(name.into())),
        }
    }
    let inventory = x509::parse_certificates(&input, &limits)
        .map(|certs| certs.into_iter().map(|c| c.info).collect())
        .unwrap_or_default();
    let report = x509::verify_chain(&input, &anchors, &options, &limits, clock::now());
    CertState::Done {
        report: Box::new(report),
        inventory,
        anchors: anchors.len(),
    }
}

#[component]
pub(crate) fn CertsPage() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let (anchors, set_anchors) = signal(String::new());
    let (name, set_name) = signal(String::new());
    let (purpose, set_purpose) = signal(Purpose::Server);
    let (state, set_state) = signal(CertState::Idle);
    let lang = use_lang();
    let t = move |key: T| key.get(lang.get());

    let run = move |bytes: Vec<u8>| {
        let (a, n, p) = (
            anchors.get_untracked(),
            name.get_untracked(),
            purpose.get_untracked(),
        );
        set_state.set(CertState::Checking);
        spawn_local(async move { set_state.set(check(bytes, a, n, p).await) });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pasted = text.get_untracked();
        if pasted.trim().is_empty() {
            set_state.set(CertState::Error(CertError::Nothing));
        } else {
            run(pasted.into_bytes());
        }
    };
    let run_file = move |file: web_sys::File| {
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => run(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => set_state.set(CertState::Error(CertError::Unreadable(file.name()))),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            run_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        {
            run_file(file);
        }
    };
    view! {
        <main>
            <form class="inputs" on:submit=submit>
                <label for="cert-input">{move || t(T::CertPasteLabel)}</label>
                <textarea id="cert-input" data-testid="cert-input" rows="8" spellcheck="false"
                    placeholder="-----BEGIN CERTIFICATE-----"
                    prop:value=text
                    on:input=move |ev| set_text.set(event_target_value(&ev))></textarea>
                <div class="drop"
                    on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                    on:drop=on_drop>
                    <label for="cert-file">{move || t(T::CertDropLabel)}</label>
                    <input id="cert-file" data-testid="cert-file" type="file" accept=".pem,.crt,.cer,.der" on:change=on_file />
                </div>
                <label for="cert-name">{move || t(T::CertNameLabel)}</label>
                <input id="cert-name" data-testid="cert-name" type="text" placeholder="www.example.edu"
                    prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                <label for="cert-purpose">{move || t(T::CertPurposeLabel)}</label>
                <select id="cert-purpose" data-testid="cert-purpose"
                    on:change=move |ev| set_purpose.set(Purpose::parse(&event_target_value(&ev)).unwrap_or(Purpose::Server))>
                    <option value="server">{move || t(T::CertPurposeServer)}</option>
                    <option value="client">{move || t(T::CertPurposeClient)}</option>
                    <option value="credential">{move || t(T::CertPurposeCredential)}</option>
                </select>
                <label for="cert-trust">{move || t(T::CertTrustLabel)}</label>
                <textarea id="cert-trust" data-testid="cert-trust" rows="3" spellcheck="false"
                    prop:value=anchors on:input=move |ev| set_anchors.set(event_target_value(&ev))></textarea>
                <button type="submit" data-testid="cert-submit" class="primary">{move || t(T::CertCheck)}</button>
            </form>
            <section class="result" aria-live="polite">
                {move || { let lang = lang.get(); match state.get() {
                    CertState::Idle => view! { <p class="hint">{T::ResultHere.get(lang)}</p> }.into_any(),
                    CertState::Checking => view! { <p class="hint" data-testid="cert-checking">{T::Checking.get(lang)}</p> }.into_any(),
                    CertState::Error(m) => view! { <p class="error" role="alert" data-testid="cert-error">{m.text(lang)}</p> }.into_any(),
                    CertState::Done { report, inventory, anchors } => view! { <ChainView report=*report inventory anchors lang /> }.into_any(),
                }}}
            </section>
        </main>
    }
}

#[component]
fn ChainView(
    report: ChainReport,
    inventory: Vec<CertInfo>,
    anchors: usize,
    lang: Lang,
) -> impl IntoView {
    let verdict = report.verdict.as_str();
    let reason = report
        .checks
        .iter()
        .find(|c| c.outcome == verifier_core::Outcome::Failed)
        .map(|c| code_text(lang, c.code));
    let note = (anchors == 0).then_some(T::CertNoAnchors.get(lang));
    // The validated path, or every certificate read when there is none.
    let shown = if report.anchored {
        report.path.clone()
    } else {
        inventory
    };
    let last = shown.len().saturating_sub(1);
    let anchored = report.anchored;
    let policy_applied = report.checks.iter().any(|c| {
        matches!(
            c.code,
            Code::X509LifetimeCompliant | Code::X509LifetimeExceedsPolicy
        )
    });
    view! {
        <div class=format!("verdict {verdict}") data-testid="cert-verdict" data-verdict=verdict role="status">
            <div>
                <strong>{verdict_text(report.verdict, lang)}</strong>
                {reason.map(|r| view! { <p class="reason">{r}</p> })}
                {note.map(|n| view! { <p class="reason">{n}</p> })}
            </div>
        </div>
        {report.lifetime.map(|l| {
            let countdown = if l.days_left >= 0 {
                fill(T::CertDaysLeft.get(lang), &[&l.days_left.to_string()])
            } else {
                fill(T::CertExpiredAgo.get(lang), &[&(-l.days_left).to_string()])
            };
            // The CA/B Forum limit is only stated when it applied (TLS server certificates).
            let text = if policy_applied {
                fill(
                    T::CertLifetimePolicy.get(lang),
                    &[
                        &l.days.to_string(),
                        &l.limit_days.to_string(),
                        if l.compliant { T::CertWithin } else { T::CertExceeded }.get(lang),
                        &countdown,
                    ],
                )
            } else {
                fill(T::CertLifetime.get(lang), &[&l.days.to_string(), &countdown])
            };
            let compliant = policy_applied.then(|| l.compliant.to_string());
            view! { <p class="lifetime" data-testid="cert-lifetime" data-compliant=compliant>{text}</p> }
        })}
        <ol class="chain" data-testid="cert-chain" aria-label=T::CertChainLabel.get(lang)>
            {shown.into_iter().enumerate().map(|(i, c)| {
                let role = if i == 0 { "leaf" } else if anchored && i == last { "anchor" } else { "intermediate" };
                view! { <CertCard c role lang /> }
            }).collect_view()}
        </ol>
        <h2>{T::HowChecked.get(lang)}</h2>
        <ul class="checks">
            {report.checks.into_iter().map(|c| view! { <CheckRow c lang /> }).collect_view()}
        </ul>
    }
}

#[component]
fn CertCard(c: CertInfo, role: &'static str, lang: Lang) -> impl IntoView {
    let label = match role {
        "leaf" => T::CertLeaf,
        "anchor" => T::CertRoot,
        _ => T::CertIntermediate,
    }
    .get(lang);
    view! {
        <li class=format!("cert cert-{role}") data-role=role>
            <strong>{label}": "{c.subject.clone()}</strong>
            <dl>
                <dt>{T::IssuedBy.get(lang)}</dt><dd>{c.issuer}</dd>
                <dt>{T::CertValid.get(lang)}</dt><dd>{format!("{} → {}", c.not_before.to_rfc3339(), c.not_after.to_rfc3339())}</dd>
                {(!c.san.is_empty()).then(|| view! { <dt>{T::CertNames.get(lang)}</dt><dd>{c.san.join(", ")}</dd> })}
                <dt>{T::CertKey.get(lang)}</dt><dd>{c.public_key}{T::CertSignedWith.get(lang)}{c.signature_algorithm}</dd>
                <dt>{T::CertSerial.get(lang)}</dt><dd><code>{c.serial}</code></dd>
                <dt>"SHA-256"</dt><dd><code class="fingerprint">{c.fingerprint_sha256}</code></dd>
            </dl>
        </li>
    }
}
