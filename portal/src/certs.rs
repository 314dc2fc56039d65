//! The Certificates page: drop or paste PEM / DER, see the chain (leaf → root), every check,
//! the lifetime against the CA/Browser Forum schedule with a countdown, and fingerprints.
//! Trust anchors come from trust.json (`x509Anchors`) and/or what the user pastes; nothing is
//! trusted implicitly.
use leptos::prelude::*;
use leptos::task::spawn_local;
use verifier_core::messages::english;
use verifier_core::x509::{self, CertInfo, ChainOptions, ChainReport, Purpose, names::ServerName};
use verifier_core::{Code, Limits, Verdict};
use wasm_bindgen_futures::JsFuture;

use crate::app::CheckRow;
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
    Error(String),
}

fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => "Valid chain",
        Verdict::Invalid => "Not valid",
        Verdict::Expired => "Expired",
        Verdict::Indeterminate => "Could not be validated",
        Verdict::Revoked | Verdict::Suspended => "Not valid",
    }
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
            Err(e) => {
                return CertState::Error(format!("The trust anchors could not be read: {e}."));
            }
        }
    }
    let mut options = ChainOptions::new(purpose);
    let name = name.trim();
    if !name.is_empty() {
        match ServerName::parse(name) {
            Some(n) => options.name = Some(n),
            None => {
                return CertState::Error(format!(
                    "“{name}” is neither a host name nor an IP address."
                ));
            }
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
            set_state.set(CertState::Error(
                "Paste a certificate chain (PEM) or choose a file first.".into(),
            ));
        } else {
            run(pasted.into_bytes());
        }
    };
    let run_file = move |file: web_sys::File| {
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => run(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => set_state.set(CertState::Error(format!(
                    "The file {} could not be read.",
                    file.name()
                ))),
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
                <label for="cert-input">"Paste a certificate chain (PEM, the server's certificate first or in any order)"</label>
                <textarea id="cert-input" data-testid="cert-input" rows="8" spellcheck="false"
                    placeholder="-----BEGIN CERTIFICATE-----"
                    prop:value=text
                    on:input=move |ev| set_text.set(event_target_value(&ev))></textarea>
                <div class="drop"
                    on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                    on:drop=on_drop>
                    <label for="cert-file">"…or drop a certificate file (PEM, DER, .crt, .cer), or choose one: "</label>
                    <input id="cert-file" data-testid="cert-file" type="file" accept=".pem,.crt,.cer,.der" on:change=on_file />
                </div>
                <label for="cert-name">"Host name the certificate must be for (optional)"</label>
                <input id="cert-name" data-testid="cert-name" type="text" placeholder="www.example.edu"
                    prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                <label for="cert-purpose">"Purpose"</label>
                <select id="cert-purpose" data-testid="cert-purpose"
                    on:change=move |ev| set_purpose.set(Purpose::parse(&event_target_value(&ev)).unwrap_or(Purpose::Server))>
                    <option value="server">"TLS server"</option>
                    <option value="client">"TLS client"</option>
                    <option value="credential">"Credential signing"</option>
                </select>
                <label for="cert-trust">"Trust anchors (PEM), in addition to this portal's"</label>
                <textarea id="cert-trust" data-testid="cert-trust" rows="3" spellcheck="false"
                    prop:value=anchors on:input=move |ev| set_anchors.set(event_target_value(&ev))></textarea>
                <button type="submit" data-testid="cert-submit" class="primary">"Check"</button>
            </form>
            <section class="result" aria-live="polite">
                {move || match state.get() {
                    CertState::Idle => view! { <p class="hint">"The result appears here."</p> }.into_any(),
                    CertState::Checking => view! { <p class="hint" data-testid="cert-checking">"Checking…"</p> }.into_any(),
                    CertState::Error(m) => view! { <p class="error" role="alert" data-testid="cert-error">{m}</p> }.into_any(),
                    CertState::Done { report, inventory, anchors } => view! { <ChainView report=*report inventory anchors /> }.into_any(),
                }}
            </section>
        </main>
    }
}

#[component]
fn ChainView(report: ChainReport, inventory: Vec<CertInfo>, anchors: usize) -> impl IntoView {
    let verdict = report.verdict.as_str();
    let reason = report
        .checks
        .iter()
        .find(|c| c.outcome == verifier_core::Outcome::Failed)
        .map(|c| english(c.code));
    let note = (anchors == 0).then_some(
        "No trust anchors: this portal names none and none were pasted, so the chain cannot be validated. The certificates are listed below.",
    );
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
                <strong>{verdict_text(report.verdict)}</strong>
                {reason.map(|r| view! { <p class="reason">{r}</p> })}
                {note.map(|n| view! { <p class="reason">{n}</p> })}
            </div>
        </div>
        {report.lifetime.map(|l| {
            let countdown = if l.days_left >= 0 {
                format!("{} days left", l.days_left)
            } else {
                format!("expired {} days ago", -l.days_left)
            };
            // The CA/B Forum limit is only stated when it applied (TLS server certificates).
            let text = if policy_applied {
                format!(
                    "Lifetime {} days; the CA/Browser Forum limit for TLS certificates issued then is {} days ({}). {countdown}.",
                    l.days,
                    l.limit_days,
                    if l.compliant { "within it" } else { "exceeded" }
                )
            } else {
                format!("Lifetime {} days. {countdown}.", l.days)
            };
            let compliant = policy_applied.then(|| l.compliant.to_string());
            view! { <p class="lifetime" data-testid="cert-lifetime" data-compliant=compliant>{text}</p> }
        })}
        <ol class="chain" data-testid="cert-chain" aria-label="Certificate chain, from the certificate to its root">
            {shown.into_iter().enumerate().map(|(i, c)| {
                let role = if i == 0 { "leaf" } else if anchored && i == last { "anchor" } else { "intermediate" };
                view! { <CertCard c role /> }
            }).collect_view()}
        </ol>
        <h2>"How this was checked"</h2>
        <ul class="checks">
            {report.checks.into_iter().map(|c| view! { <CheckRow c /> }).collect_view()}
        </ul>
    }
}

#[component]
fn CertCard(c: CertInfo, role: &'static str) -> impl IntoView {
    let label = match role {
        "leaf" => "Certificate",
        "anchor" => "Trusted root",
        _ => "Intermediate",
    };
    view! {
        <li class=format!("cert cert-{role}") data-role=role>
            <strong>{label}": "{c.subject.clone()}</strong>
            <dl>
                <dt>"Issued by"</dt><dd>{c.issuer}</dd>
                <dt>"Valid"</dt><dd>{format!("{} → {}", c.not_before.to_rfc3339(), c.not_after.to_rfc3339())}</dd>
                {(!c.san.is_empty()).then(|| view! { <dt>"Names"</dt><dd>{c.san.join(", ")}</dd> })}
                <dt>"Key"</dt><dd>{c.public_key}" · signed with "{c.signature_algorithm}</dd>
                <dt>"Serial"</dt><dd><code>{c.serial}</code></dd>
                <dt>"SHA-256"</dt><dd><code class="fingerprint">{c.fingerprint_sha256}</code></dd>
            </dl>
        </li>
    }
}
