//! The Pathway page: drop a learner's badges (or a CLR bundle) with a pathway document, or pick
//! a pathway named in trust.json, and see the blocks earned, those missing, and the degree
//! unlocked once every requirement is met. Every block is verified in full in the browser.
use leptos::prelude::*;
use leptos::task::spawn_local;
use verifier_core::messages::english;
use verifier_core::pathway::{self, Pathway, Progress, Standing, Submitted};
use verifier_core::{Limits, Verdict};
use wasm_bindgen_futures::JsFuture;

use crate::{clock, fetch, trust, verify};

#[derive(Clone)]
enum PwState {
    Idle,
    Checking,
    Done(Box<Progress>),
    Error(String),
}

type Files = Vec<(String, Vec<u8>)>;

async fn read_files(list: web_sys::FileList) -> Result<Files, String> {
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("The file {} could not be read.", file.name()))?;
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
                return PwState::Error(
                    "Choose a pathway document, or one of this portal's pathways.".into(),
                );
            };
            match fetch::fetch_bytes(&url, limits.max_document_bytes, false).await {
                Ok(b) => b,
                Err(e) => {
                    return PwState::Error(format!("The pathway {url} could not be fetched: {e}"));
                }
            }
        }
    };
    let pathway = match Pathway::parse(&bytes, &limits) {
        Ok(p) => p,
        Err(e) => return PwState::Error(format!("The pathway document is not usable: {e}.")),
    };
    if files.is_empty() {
        return PwState::Error("Choose the learner's badges (or a CLR) first.".into());
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
                    <label for="pathway-files">"The learner's badges (JSON, JWT, baked PNG or SVG) or a CLR, several at once: drop them here or choose them "</label>
                    <input id="pathway-files" data-testid="pathway-files" type="file" multiple
                        accept=".json,.jwt,.png,.svg" on:change=on_files />
                    <p class="hint" data-testid="pathway-file-count">{move || format!("{} file(s) chosen", files.get().len())}</p>
                </div>
                {move || (!offered.get().is_empty()).then(|| view! {
                    <label for="pathway-select">"Pathway"</label>
                    <select id="pathway-select" data-testid="pathway-select"
                        on:change=move |ev| set_named.set(event_target_value(&ev))>
                        {offered.get().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                    </select>
                })}
                <label for="pathway-doc">"…or a pathway document (JSON)"</label>
                <input id="pathway-doc" data-testid="pathway-doc" type="file" accept=".json" on:change=on_doc />
                <button type="submit" data-testid="pathway-submit" class="primary">"Check progress"</button>
            </form>
            <section class="result" aria-live="polite">
                {move || match state.get() {
                    PwState::Idle => view! { <p class="hint">"The progress appears here."</p> }.into_any(),
                    PwState::Checking => view! { <p class="hint" data-testid="pathway-checking">"Verifying every block…"</p> }.into_any(),
                    PwState::Error(m) => view! { <p class="error" role="alert" data-testid="pathway-error">{m}</p> }.into_any(),
                    PwState::Done(p) => view! { <ProgressView p=*p /> }.into_any(),
                }}
            </section>
        </main>
    }
}

fn amount(x: f64) -> String {
    // serde_json's shortest round-trip form (ryu), without core's larger float formatting.
    let s = serde_json::Number::from_f64(x).map_or_else(String::new, |n| n.to_string());
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

fn standing_text(s: Standing) -> &'static str {
    match s {
        Standing::Counted => "Counts",
        Standing::Bundle => "Bundle (its credentials are listed after it)",
        Standing::NotValid => "Does not count: not valid",
        Standing::OtherLearner => "Does not count: it is another learner's",
        Standing::IssuerNotAccepted => "Does not count: the pathway does not accept its issuer",
        Standing::NotInPathway => "Does not count: not part of this pathway",
        Standing::Duplicate => "Does not count: the same block again",
    }
}

#[component]
fn ProgressView(p: Progress) -> impl IntoView {
    let met = p.requirements.iter().filter(|r| r.met).count();
    let total = p.requirements.len();
    let complete = p.complete;
    let labels: Vec<String> = p.entries.iter().map(|e| e.label.clone()).collect();
    let headline = if complete {
        "Complete: the degree is unlocked".to_string()
    } else {
        format!("In progress: {met} of {total} requirements met")
    };
    view! {
        <div class=if complete { "verdict valid" } else { "verdict indeterminate" }
            data-testid="pathway-result" data-complete=complete.to_string() role="status">
            <div>
                <strong>{p.name.clone()}</strong>
                <p class="reason">{headline}</p>
                {p.learner.clone().map(|l| view! { <p class="reason" data-testid="pathway-learner">"Learner: "{l}</p> })}
                <p class="reason">{format!("{} credits from verified blocks", amount(p.credits))}</p>
            </div>
        </div>
        {complete.then(|| view! {
            <p class="unlocked" data-testid="pathway-complete">"🎓 "{p.name.clone()}" — every requirement is met by verified blocks."</p>
        })}
        <progress max=total.to_string() value=met.to_string() aria-label="Requirements met"></progress>
        <h2>"Requirements"</h2>
        <ul class="requirements">
            {p.requirements.into_iter().map(|r| {
                let label = r.name.clone().unwrap_or_else(|| r.id.clone());
                let count = if r.kind == "minCredits" {
                    format!("{} of {} credits", amount(r.achieved), amount(r.required))
                } else {
                    format!("{} of {}", amount(r.achieved.min(r.required)), amount(r.required))
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
                                        {name}" — "{by.map_or_else(|| "missing".to_string(), |f| format!("earned ({f})"))}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2>"Credentials"</h2>
        <ul class="checks">
            {p.entries.into_iter().map(|e| {
                let verdict = e.report.verdict;
                let why = (verdict != Verdict::Valid)
                    .then(|| e.report.first_failure().map(|c| english(c.code)))
                    .flatten();
                let class = if e.standing == Standing::Counted { "passed" } else { "skipped" };
                view! {
                    <li data-testid="pathway-credential" data-file=e.label.clone()
                        data-standing=e.standing.as_str() data-verdict=verdict.as_str() class=class>
                        <strong>{e.label.clone()}</strong>" — "{standing_text(e.standing)}
                        {(e.standing == Standing::NotValid).then(|| format!(" ({})", verdict.as_str()))}
                        {why.map(|w| view! { <small class="data">{w}</small> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
