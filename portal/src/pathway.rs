//! The Pathway page: drop a learner's badges (or a CLR bundle) with a pathway document, or pick
//! a pathway named in trust.json, and see the blocks earned, those missing, and the degree
//! unlocked once every requirement is met. Every block is verified in full in the browser.
use leptos::prelude::*;
use leptos::task::spawn_local;
use verifier_core::pathway::{self, Pathway, Progress, Standing, Submitted};
use verifier_core::{Limits, Verdict};
use wasm_bindgen_futures::JsFuture;

use crate::fetch::FetchError;
use crate::i18n::{Lang, T, code_text, fill, use_lang};
use crate::{clock, fetch, trust, verify};

#[derive(Clone)]
enum PwState {
    Idle,
    Checking,
    Done(Box<Progress>),
    Error(PwError),
}

/// An input problem, told in the reader's language.
#[derive(Clone)]
enum PwError {
    NoPathway,
    Fetch(String, FetchError),
    Unusable(String),
    NoFiles,
    Unreadable(String),
}

impl PwError {
    fn text(&self, lang: Lang) -> String {
        match self {
            Self::NoPathway => T::PwNoPathway.get(lang).into(),
            Self::Fetch(url, e) => fill(T::PwFetchFailed.get(lang), &[url, &e.text(lang)]),
            Self::Unusable(e) => fill(T::PwUnusable.get(lang), &[e]),
            Self::NoFiles => T::PwNoFiles.get(lang).into(),
            Self::Unreadable(f) => fill(T::FileUnreadable.get(lang), &[f]),
        }
    }
}

type Files = Vec<(String, Vec<u8>)>;

async fn read_files(list: web_sys::FileList) -> Result<Files, PwError> {
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| PwError::Unreadable(file.name()))?;
        out.push((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    Ok(out)
}

async fn evaluate(files: Files, doc: Option<Vec<u8>>, named: String) -> PwState {
    let trust = trust::get().await;
    let limits = Limits::default();
    let bytes = match doc {
        Some(bytes) => bytes,
        None => {
            let Some(url) = trust
                .config
                .as_ref()
                .and_then(|c| c.pathways.iter().find(|(name, _)| *name == named))
                .and_then(|(_, url)| fetch::resolve(url))
            else {
                return PwState::Error(PwError::NoPathway);
            };
            match fetch::fetch_bytes(&url, limits.max_document_bytes, false).await {
                Ok(b) => b,
                Err(e) => {
                    return PwState::Error(PwError::Fetch(url, e));
                }
            }
        }
    };
    let pathway = match Pathway::parse(&bytes, &limits) {
        Ok(p) => p,
        Err(e) => return PwState::Error(PwError::Unusable(e.to_string())),
    };
    if files.is_empty() {
        return PwState::Error(PwError::NoFiles);
    }
    let inputs: Vec<&[u8]> = files.iter().map(|(_, b)| b.as_slice()).collect();
    let ctx = verify::context_for(&inputs, &trust).await;
    let submitted: Vec<Submitted<'_>> = files
        .iter()
        .map(|(label, bytes)| Submitted { label, bytes })
        .collect();
    let progress = pathway::evaluate(&pathway, &submitted, &[], &ctx, clock::now());
    PwState::Done(Box::new(progress))
}

#[component]
pub(crate) fn PathwayPage() -> impl IntoView {
    let (files, set_files) = signal(Files::new());
    let (doc, set_doc) = signal(None::<Vec<u8>>);
    let (named, set_named) = signal(String::new());
    let (offered, set_offered) = signal(Vec::<String>::new());
    let (state, set_state) = signal(PwState::Idle);
    let lang = use_lang();
    let t = move |key: T| key.get(lang.get());
    spawn_local(async move {
        let trust = trust::get().await;
        let names: Vec<String> = trust
            .config
            .as_ref()
            .map(|c| c.pathways.iter().map(|(n, _)| n.clone()).collect())
            .unwrap_or_default();
        if let Some(first) = names.first() {
            set_named.set(first.clone());
        }
        set_offered.set(names);
    });
    let take_files = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        spawn_local(async move {
            match read_files(list).await {
                Ok(read) => set_files.set(read),
                Err(e) => set_state.set(PwState::Error(e)),
            }
        });
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        take_files(input.files());
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        take_files(ev.data_transfer().and_then(|dt| dt.files()));
    };
    let on_doc = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        spawn_local(async move {
            match read_files(list).await {
                Ok(mut read) => set_doc.set(read.pop().map(|(_, b)| b)),
                Err(e) => set_state.set(PwState::Error(e)),
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (f, d, n) = (
            files.get_untracked(),
            doc.get_untracked(),
            named.get_untracked(),
        );
        set_state.set(PwState::Checking);
        spawn_local(async move { set_state.set(evaluate(f, d, n).await) });
    };
    view! {
        <main>
            <form class="inputs" on:submit=submit>
                <div class="drop"
                    on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                    on:drop=on_drop>
                    <label for="pathway-files">{move || t(T::PwFilesLabel)}</label>
                    <input id="pathway-files" data-testid="pathway-files" type="file" multiple
                        accept=".json,.jwt,.png,.svg" on:change=on_files />
                    <p class="hint" data-testid="pathway-file-count">{move || fill(t(T::PwFileCount), &[&files.get().len().to_string()])}</p>
                </div>
                {move || (!offered.get().is_empty()).then(|| view! {
                    <label for="pathway-select">{move || t(T::PwPathway)}</label>
                    <select id="pathway-select" data-testid="pathway-select"
                        on:change=move |ev| set_named.set(event_target_value(&ev))>
                        {offered.get().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                    </select>
                })}
                <label for="pathway-doc">{move || t(T::PwDocLabel)}</label>
                <input id="pathway-doc" data-testid="pathway-doc" type="file" accept=".json" on:change=on_doc />
                <button type="submit" data-testid="pathway-submit" class="primary">{move || t(T::PwCheck)}</button>
            </form>
            <section class="result" aria-live="polite">
                {move || { let lang = lang.get(); match state.get() {
                    PwState::Idle => view! { <p class="hint">{T::PwResultHere.get(lang)}</p> }.into_any(),
                    PwState::Checking => view! { <p class="hint" data-testid="pathway-checking">{T::PwVerifying.get(lang)}</p> }.into_any(),
                    PwState::Error(m) => view! { <p class="error" role="alert" data-testid="pathway-error">{m.text(lang)}</p> }.into_any(),
                    PwState::Done(p) => view! { <ProgressView p=*p lang /> }.into_any(),
                }}}
            </section>
        </main>
    }
}

fn amount(x: f64) -> String {
    // serde_json's shortest round-trip form (ryu), without core's larger float formatting.
    let s = serde_json::Number::from_f64(x).map_or_else(String::new, |n| n.to_string());
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

fn standing_text(s: Standing, lang: Lang) -> &'static str {
    match s {
        Standing::Counted => T::PwCounted,
        Standing::Bundle => T::PwBundle,
        Standing::NotValid => T::PwNotValid,
        Standing::OtherLearner => T::PwOtherLearner,
        Standing::IssuerNotAccepted => T::PwIssuerNotAccepted,
        Standing::NotInPathway => T::PwNotInPathway,
        Standing::Duplicate => T::PwDuplicate,
    }
    .get(lang)
}

#[component]
fn ProgressView(p: Progress, lang: Lang) -> impl IntoView {
    let met = p.requirements.iter().filter(|r| r.met).count();
    let total = p.requirements.len();
    let complete = p.complete;
    let labels: Vec<String> = p.entries.iter().map(|e| e.label.clone()).collect();
    let headline = if complete {
        T::PwComplete.get(lang).to_string()
    } else {
        fill(
            T::PwInProgress.get(lang),
            &[&met.to_string(), &total.to_string()],
        )
    };
    view! {
        <div class=if complete { "verdict valid" } else { "verdict indeterminate" }
            data-testid="pathway-result" data-complete=complete.to_string() role="status">
            <div>
                <strong>{p.name.clone()}</strong>
                <p class="reason">{headline}</p>
                {p.learner.clone().map(|l| view! { <p class="reason" data-testid="pathway-learner">{T::PwLearner.get(lang)}{l}</p> })}
                <p class="reason">{fill(T::PwCredits.get(lang), &[&amount(p.credits)])}</p>
            </div>
        </div>
        {complete.then(|| view! {
            <p class="unlocked" data-testid="pathway-complete">"🎓 "{p.name.clone()}{T::PwUnlocked.get(lang)}</p>
        })}
        <progress max=total.to_string() value=met.to_string() aria-label=T::PwRequirementsMet.get(lang)></progress>
        <h2>{T::PwRequirements.get(lang)}</h2>
        <ul class="requirements">
            {p.requirements.into_iter().map(|r| {
                let label = r.name.clone().unwrap_or_else(|| r.id.clone());
                let count = if r.kind == "minCredits" {
                    fill(T::PwCreditsOf.get(lang), &[&amount(r.achieved), &amount(r.required)])
                } else {
                    fill(T::PwCountOf.get(lang), &[&amount(r.achieved.min(r.required)), &amount(r.required)])
                };
                view! {
                    <li data-testid="pathway-requirement" data-requirement=r.id.clone() data-met=r.met.to_string()
                        class=if r.met { "passed" } else { "failed" }>
                        <span class="icon" aria-hidden="true">{if r.met { "✔" } else { "✖" }}</span>
                        <strong>{label}</strong>" — "{count}
                        <ul class="blocks">
                            {r.blocks.into_iter().map(|(b, earned)| {
                                let name = b.name.clone().unwrap_or_else(|| b.achievement.clone());
                                let by = earned.and_then(|i| labels.get(i).cloned());
                                let is_earned = by.is_some().to_string();
                                view! {
                                    <li data-block=b.achievement.clone() data-earned=is_earned>
                                        {name}" — "{by.map_or_else(|| T::PwMissing.get(lang).to_string(), |f| fill(T::PwEarned.get(lang), &[&f]))}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2>{T::PwCredentials.get(lang)}</h2>
        <ul class="checks">
            {p.entries.into_iter().map(|e| {
                let verdict = e.report.verdict;
                let why = (verdict != Verdict::Valid)
                    .then(|| e.report.first_failure().map(|c| code_text(lang, c.code)))
                    .flatten();
                let class = if e.standing == Standing::Counted { "passed" } else { "skipped" };
                view! {
                    <li data-testid="pathway-credential" data-file=e.label.clone()
                        data-standing=e.standing.as_str() data-verdict=verdict.as_str() class=class>
                        <strong>{e.label.clone()}</strong>" — "{standing_text(e.standing, lang)}
                        {(e.standing == Standing::NotValid).then(|| format!(" ({})", verdict.as_str()))}
                        {why.map(|w| view! { <small class="data">{w}</small> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
