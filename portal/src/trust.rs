//! The portal's trust configuration: `trust.json` next to `index.html` (see verifier-core's
//! `trust` module), with the registries it lists merged in. Read once per page load.
use core::cell::RefCell;
use std::rc::Rc;
use verifier_core::trust::{MAX_TRUST_BYTES, TrustConfig};

use crate::fetch;
use crate::i18n::{Lang, T, fill};

/// What was loaded: the configuration (none if the file is absent), or why it was refused.
#[derive(Debug, Default)]
pub(crate) struct Trust {
    pub(crate) config: Option<TrustConfig>,
    /// For the page when trust.json or a registry is malformed or unreachable.
    pub(crate) problem: Option<Problem>,
}

/// Why the trust configuration is not (entirely) in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// trust.json is malformed (the reason).
    Invalid(String),
    /// A registry it lists could not be read (the registry, the reason).
    Registry(String, String),
}

impl Problem {
    pub(crate) fn text(&self, lang: Lang) -> String {
        match self {
            Self::Invalid(e) => fill(T::TrustInvalid.get(lang), &[e]),
            Self::Registry(r, e) => fill(T::TrustRegistry.get(lang), &[r, e]),
        }
    }
}

thread_local! {
    static LOADED: RefCell<Option<Rc<Trust>>> = const { RefCell::new(None) };
}

/// The trust configuration, fetched on first use.
pub(crate) async fn get() -> Rc<Trust> {
    if let Some(loaded) = LOADED.with(|l| l.borrow().clone()) {
        return loaded;
    }
    let loaded = Rc::new(load().await);
    LOADED.with(|l| *l.borrow_mut() = Some(loaded.clone()));
    loaded
}

async fn load() -> Trust {
    let Some(url) = fetch::resolve("trust.json") else {
        return Trust::default();
    };
    let bytes = match fetch::fetch_bytes(&url, MAX_TRUST_BYTES, false).await {
        Ok(bytes) => bytes,
        // No trust.json: a plain verifier without a trust list.
        Err(_) => return Trust::default(),
    };
    let mut config = match TrustConfig::parse(&bytes) {
        Ok(config) => config,
        Err(e) => {
            return Trust {
                config: None,
                problem: Some(Problem::Invalid(e.to_string())),
            };
        }
    };
    let mut problem = None;
    for registry in config.registries.clone() {
        let merged = match fetch::resolve(&registry) {
            Some(url) => match fetch::fetch_bytes(&url, MAX_TRUST_BYTES, false).await {
                Ok(bytes) => config.merge_registry(&bytes).map_err(|e| e.to_string()),
                Err(e) => Err(e.text(Lang::En)),
            },
            None => Err("not a valid link".into()),
        };
        if let Err(e) = merged {
            problem = Some(Problem::Registry(registry, e));
        }
    }
    Trust {
        config: Some(config),
        problem,
    }
}
