//! English and French: every string the portal shows, and a sentence for every report code.
//!
//! The core has no text: reports carry stable codes ([`Code`]), and this catalogue says what each
//! means in the reader's language. A test checks that every code has its French sentence.
use leptos::prelude::*;
use verifier_core::Code;
use verifier_core::messages::english;

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    Fr,
}

impl Lang {
    pub(crate) const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    pub(crate) const fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }

    /// The language's own name, for the switch.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
        }
    }

    /// A BCP 47 tag (`fr-CA`, `en`) to the language it starts with.
    pub(crate) fn parse(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "fr" => Some(Self::Fr),
            _ => None,
        }
    }

    /// The locale dates are written in.
    pub(crate) const fn locale(self) -> &'static str {
        match self {
            Self::En => "en-GB",
            Self::Fr => "fr-FR",
        }
    }
}

/// The reactive current language, provided by the page frame.
#[derive(Clone, Copy)]
pub(crate) struct CurrentLang(pub(crate) RwSignal<Lang>);

/// The current language signal (English when no frame provides one, as in unit tests).
pub(crate) fn use_lang() -> RwSignal<Lang> {
    use_context::<CurrentLang>().map_or_else(|| RwSignal::new(Lang::En), |c| c.0)
}

/// `{0}`, `{1}`, … in `template` replaced by `args`.
pub(crate) fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

macro_rules! texts {
    ($( $key:ident => $en:literal, $fr:literal; )*) => {
        /// A user-visible string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum T { $( $key, )* }

        impl T {
            pub(crate) const fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (T::$key, Lang::En) => $en, (T::$key, Lang::Fr) => $fr, )*
                }
            }
        }
    };
}

texts! {
    // The frame
    Tagline => "Check a digital credential or a certificate chain in your browser. Nothing you check is uploaded.",
        "Vérifiez un titre numérique ou une chaîne de certificats dans votre navigateur. Rien de ce que vous vérifiez n'est envoyé.";
    Pages => "Pages", "Pages";
    NavVerify => "Verify a credential", "Vérifier un titre";
    NavPathway => "Pathway progress", "Progression d'un parcours";
    NavCertificates => "Check certificates", "Vérifier des certificats";
    LanguageLabel => "Language", "Langue";
    TitleVerify => "{0} — verify a credential", "{0} — vérifier un titre";
    Footer => "Verity verifies W3C Verifiable Credentials and Open Badges 3.0 entirely in your browser (WebAssembly).",
        "Verity vérifie les titres W3C Verifiable Credentials et Open Badges 3.0 entièrement dans votre navigateur (WebAssembly).";
    TrustInvalid => "This portal's trust.json is invalid ({0}); no issuer is shown as trusted.",
        "Le fichier trust.json de ce portail est invalide ({0}) ; aucun émetteur n'est présenté comme de confiance.";
    TrustRegistry => "The issuer registry {0} could not be read: {1}", "Le registre d'émetteurs {0} n'a pas pu être lu : {1}";
    ResultHere => "The result appears here.", "Le résultat s'affiche ici.";

    // Fetching
    FetchBadLink => "“{0}” is not a valid link.", "« {0} » n'est pas un lien valide.";
    FetchScheme => "Only http and https links can be fetched, not {0}", "Seuls les liens http et https peuvent être récupérés, pas {0}";
    FetchTimeout => "The server did not answer within 10 seconds.", "Le serveur n'a pas répondu en 10 secondes.";
    FetchFailed => "The link could not be fetched. The server may be unreachable, or it does not allow other sites to read this file (CORS). Download the file and drop it here instead.",
        "Le lien n'a pas pu être récupéré. Le serveur est peut-être injoignable, ou il ne permet pas à d'autres sites de lire ce fichier (CORS). Téléchargez le fichier et déposez-le ici.";
    FetchStatus => "The server answered {0} {1} for this link.", "Le serveur a répondu {0} {1} pour ce lien.";
    FetchTooLarge => "The linked file is too large.", "Le fichier lié est trop volumineux.";
    FetchInterrupted => "The download was interrupted or took too long.", "Le téléchargement a été interrompu ou a pris trop de temps.";
    FileUnreadable => "The file {0} could not be read.", "Le fichier {0} n'a pas pu être lu.";

    // The Verify page
    PasteLabel => "Paste a credential (JSON)", "Collez un titre (JSON)";
    LinkLabel => "…or paste a link to one", "…ou collez un lien vers un titre";
    DropLabel => "…or drop badge files here (JSON, JWT, or PNG / SVG badges with the credential baked in; several at once), or choose them: ",
        "…ou déposez ici des fichiers de badges (JSON, JWT, ou badges PNG / SVG contenant le titre ; plusieurs à la fois), ou choisissez-les : ";
    VerifyButton => "Verify", "Vérifier";
    TryDemo => "Try a demo: ", "Essayez une démo : ";
    Verifying => "Verifying…", "Vérification…";
    NothingToVerify => "Paste a credential, choose a file or paste a link first.", "Collez d'abord un titre, choisissez un fichier ou collez un lien.";
    PastedCredential => "Pasted credential", "Titre collé";
    DemoValid => "A valid badge", "Un badge valide";
    DemoTampered => "A tampered badge", "Un badge falsifié";
    DemoExpired => "An expired badge", "Un badge expiré";
    DemoJwt => "A badge as a JWT", "Un badge en JWT";
    DemoRevoked => "A revoked badge", "Un badge révoqué";
    DemoAnchored => "A badge anchored on Bitcoin (regtest)", "Un badge ancré sur Bitcoin (regtest)";
    DemoUnknown => "A badge from an unknown issuer", "Un badge d'un émetteur inconnu";
    VerdictValid => "Valid credential", "Titre valide";
    VerdictInvalid => "Not valid", "Non valide";
    VerdictExpired => "Authentic, but expired", "Authentique, mais expiré";
    VerdictRevoked => "Revoked by the issuer", "Révoqué par l'émetteur";
    VerdictSuspended => "Suspended by the issuer", "Suspendu par l'émetteur";
    VerdictIndeterminate => "Could not be fully checked", "N'a pas pu être entièrement vérifié";
    VerdictValidUnknown => "Authentic, but from an issuer this portal does not know", "Authentique, mais d'un émetteur que ce portail ne connaît pas";
    ThisPortal => "this portal", "ce portail";
    TrustTrusted => "Issued by {0}, a trusted issuer of {1}.", "Émis par {0}, émetteur de confiance de {1}.";
    TrustUntrusted => "{0} only accepts credentials from its trusted issuers, and this issuer is not one of them.",
        "{0} n'accepte que les titres de ses émetteurs de confiance, et cet émetteur n'en fait pas partie.";
    TrustUnknown => "Caution: the issuer ({0}) is not on {1}'s list of trusted issuers. The issuer name shown comes from the credential itself and is not confirmed.",
        "Attention : l'émetteur ({0}) ne figure pas sur la liste des émetteurs de confiance de {1}. Le nom affiché provient du titre lui-même et n'est pas confirmé.";
    TrustNone => "This portal has no list of trusted issuers: check who the issuer is yourself.",
        "Ce portail n'a pas de liste d'émetteurs de confiance : vérifiez vous-même qui est l'émetteur.";
    HowChecked => "How this was checked", "Comment cela a été vérifié";
    InThisBundle => "Credentials in this bundle", "Titres contenus dans ce dossier";
    CredentialN => "Credential {0}", "Titre {0}";
    Print => "Print", "Imprimer";
    ShareLabel => "Share this check: ", "Partager cette vérification : ";
    ShowRaw => "Show the credential (JSON)", "Afficher le titre (JSON)";
    BatchSummary => "{0} of {1} files are valid credentials.", "{0} fichier(s) sur {1} sont des titres valides.";
    Credential => "Credential", "Titre";
    AwardedTo => "Awarded to", "Décerné à";
    IssuedBy => "Issued by", "Émis par";
    Criteria => "Criteria", "Critères";
    ValidFrom => "Valid from", "Valide à partir du";
    ValidUntil => "Valid until", "Valide jusqu'au";
    IssuerId => "Issuer ID", "Identifiant de l'émetteur";
    AchievementType => "Type", "Type";
    Alignment => "Aligned with", "Aligné sur";
    Results => "Results", "Résultats";
    Evidence => "Evidence", "Preuves";
    ExpiresIn => "Expires in {0} days", "Expire dans {0} jours";
    ExpiredAgo => "Expired {0} days ago", "Expiré depuis {0} jours";
    ExpiresToday => "Expires today", "Expire aujourd'hui";
    OutcomePassed => "passed", "réussi";
    OutcomeFailed => "failed", "échoué";
    OutcomeSkipped => "skipped", "non vérifié";
    AnchoredOn => "Anchored on Bitcoin", "Ancré sur Bitcoin";
    Network => "Network", "Réseau";
    Transaction => "Transaction", "Transaction";
    BlockHeight => "Block height", "Hauteur du bloc";
    BlockTime => "Block time", "Heure du bloc";
    Confirmations => "Confirmations", "Confirmations";
    HowAnchorChecked => "How it was checked", "Comment cela a été vérifié";
    AnchorOnline => "Online: the block explorer {0} reports the transaction confirmed. This trusts that explorer; the credential carries no offline evidence.",
        "En ligne : l'explorateur de blocs {0} indique que la transaction est confirmée. Cela repose sur cet explorateur ; le titre ne contient pas de preuve hors ligne.";
    AnchorOffline => "Offline, from the evidence the credential carries: its Merkle path, the transaction, the block's proof and headers, tied to a known checkpoint of the chain.",
        "Hors ligne, à partir des preuves que contient le titre : son chemin de Merkle, la transaction, la preuve et les en-têtes du bloc, reliés à un point de contrôle connu de la chaîne.";
    MerklePath => "Merkle path from this credential to the anchored root", "Chemin de Merkle de ce titre jusqu'à la racine ancrée";
    CredentialOf => "credential {0} of {1}", "titre {0} sur {1}";
    ThisCredential => "this credential", "ce titre";
    Level => "level {0}", "niveau {0}";
    BatchRoot => "batch root", "racine du lot";
    OpReturn => "OP_RETURN in the transaction", "OP_RETURN dans la transaction";
    Block => "block", "bloc";

    QrPhotoLabel => "…or scan a QR code: take or choose a photo of it ", "…ou scannez un code QR : prenez-le en photo ou choisissez une photo ";
    QrCamera => "Scan with the camera", "Scanner avec la caméra";
    QrStop => "Stop the camera", "Arrêter la caméra";
    QrNone => "No QR code was found in this image.", "Aucun code QR n'a été trouvé dans cette image.";
    QrNotCredential => "This QR code holds neither a link nor a credential.", "Ce code QR ne contient ni lien ni titre.";
    QrNoCamera => "The camera could not be opened (no camera, or permission refused).", "La caméra n'a pas pu être ouverte (pas de caméra, ou autorisation refusée).";

    // The Certificates page
    CertVerdictValid => "Valid chain", "Chaîne valide";
    CertVerdictIndeterminate => "Could not be validated", "N'a pas pu être validée";
    CertAnchorsUnreadable => "The trust anchors could not be read: {0}.", "Les racines de confiance n'ont pas pu être lues : {0}.";
    CertBadName => "“{0}” is neither a host name nor an IP address.", "« {0} » n'est ni un nom d'hôte ni une adresse IP.";
    CertNothing => "Paste a certificate chain (PEM) or choose a file first.", "Collez d'abord une chaîne de certificats (PEM) ou choisissez un fichier.";
    CertPasteLabel => "Paste a certificate chain (PEM, the server's certificate first or in any order)",
        "Collez une chaîne de certificats (PEM, le certificat du serveur en premier ou dans n'importe quel ordre)";
    CertDropLabel => "…or drop a certificate file (PEM, DER, .crt, .cer), or choose one: ", "…ou déposez un fichier de certificat (PEM, DER, .crt, .cer), ou choisissez-en un : ";
    CertNameLabel => "Host name the certificate must be for (optional)", "Nom d'hôte que le certificat doit couvrir (facultatif)";
    CertPurposeLabel => "Purpose", "Usage";
    CertPurposeServer => "TLS server", "Serveur TLS";
    CertPurposeClient => "TLS client", "Client TLS";
    CertPurposeCredential => "Credential signing", "Signature de titres";
    CertTrustLabel => "Trust anchors (PEM), in addition to this portal's", "Racines de confiance (PEM), en plus de celles de ce portail";
    CertCheck => "Check", "Vérifier";
    Checking => "Checking…", "Vérification…";
    CertNoAnchors => "No trust anchors: this portal names none and none were pasted, so the chain cannot be validated. The certificates are listed below.",
        "Aucune racine de confiance : ce portail n'en indique aucune et aucune n'a été collée, la chaîne ne peut donc pas être validée. Les certificats sont listés ci-dessous.";
    CertDaysLeft => "{0} days left", "{0} jours restants";
    CertExpiredAgo => "expired {0} days ago", "expiré depuis {0} jours";
    CertLifetimePolicy => "Lifetime {0} days; the CA/Browser Forum limit for TLS certificates issued then is {1} days ({2}). {3}.",
        "Durée de vie {0} jours ; la limite du CA/Browser Forum pour les certificats TLS émis à cette date est de {1} jours ({2}). {3}.";
    CertWithin => "within it", "respectée";
    CertExceeded => "exceeded", "dépassée";
    CertLifetime => "Lifetime {0} days. {1}.", "Durée de vie {0} jours. {1}.";
    CertChainLabel => "Certificate chain, from the certificate to its root", "Chaîne de certificats, du certificat jusqu'à sa racine";
    CertLeaf => "Certificate", "Certificat";
    CertRoot => "Trusted root", "Racine de confiance";
    CertIntermediate => "Intermediate", "Intermédiaire";
    CertValid => "Valid", "Validité";
    CertNames => "Names", "Noms";
    CertKey => "Key", "Clé";
    CertSignedWith => " · signed with ", " · signé avec ";
    CertSerial => "Serial", "Numéro de série";

    // The Pathway page
    PwNoPathway => "Choose a pathway document, or one of this portal's pathways.", "Choisissez un document de parcours, ou l'un des parcours de ce portail.";
    PwFetchFailed => "The pathway {0} could not be fetched: {1}", "Le parcours {0} n'a pas pu être récupéré : {1}";
    PwUnusable => "The pathway document is not usable: {0}.", "Le document de parcours est inutilisable : {0}.";
    PwNoFiles => "Choose the learner's badges (or a CLR) first.", "Choisissez d'abord les badges de l'apprenant (ou un CLR).";
    PwFilesLabel => "The learner's badges (JSON, JWT, baked PNG or SVG) or a CLR, several at once: drop them here or choose them ",
        "Les badges de l'apprenant (JSON, JWT, PNG ou SVG) ou un CLR, plusieurs à la fois : déposez-les ici ou choisissez-les ";
    PwFileCount => "{0} file(s) chosen", "{0} fichier(s) choisi(s)";
    PwPathway => "Pathway", "Parcours";
    PwDocLabel => "…or a pathway document (JSON)", "…ou un document de parcours (JSON)";
    PwCheck => "Check progress", "Voir la progression";
    PwResultHere => "The progress appears here.", "La progression s'affiche ici.";
    PwVerifying => "Verifying every block…", "Vérification de chaque bloc…";
    PwComplete => "Complete: the degree is unlocked", "Terminé : le diplôme est débloqué";
    PwInProgress => "In progress: {0} of {1} requirements met", "En cours : {0} exigence(s) remplie(s) sur {1}";
    PwLearner => "Learner: ", "Apprenant : ";
    PwCredits => "{0} credits from verified blocks", "{0} crédits issus de blocs vérifiés";
    PwUnlocked => " — every requirement is met by verified blocks.", " — chaque exigence est remplie par des blocs vérifiés.";
    PwRequirementsMet => "Requirements met", "Exigences remplies";
    PwRequirements => "Requirements", "Exigences";
    PwCreditsOf => "{0} of {1} credits", "{0} crédits sur {1}";
    PwCountOf => "{0} of {1}", "{0} sur {1}";
    PwMissing => "missing", "manquant";
    PwEarned => "earned ({0})", "obtenu ({0})";
    PwCredentials => "Credentials", "Titres";
    PwCounted => "Counts", "Compte";
    PwBundle => "Bundle (its credentials are listed after it)", "Dossier (ses titres sont listés ensuite)";
    PwNotValid => "Does not count: not valid", "Ne compte pas : non valide";
    PwOtherLearner => "Does not count: it is another learner's", "Ne compte pas : il appartient à un autre apprenant";
    PwIssuerNotAccepted => "Does not count: the pathway does not accept its issuer", "Ne compte pas : le parcours n'accepte pas son émetteur";
    PwNotInPathway => "Does not count: not part of this pathway", "Ne compte pas : ne fait pas partie de ce parcours";
    PwDuplicate => "Does not count: the same block again", "Ne compte pas : le même bloc une seconde fois";
}

/// The sentence for a report code in `lang`.
pub(crate) fn code_text(lang: Lang, code: Code) -> &'static str {
    match lang {
        Lang::En => english(code),
        Lang::Fr => french(code).unwrap_or_else(|| english(code)),
    }
}

/// French sentences for the report codes (a test requires one for every code).
fn french(code: Code) -> Option<&'static str> {
    Some(match code {
        Code::InputParsed => "L'entrée a été lue comme un titre JSON.",
        Code::InputEmpty => "L'entrée est vide.",
        Code::LimitsInputSize => "L'entrée dépasse la taille acceptée par ce vérificateur.",
        Code::LimitsJsonDepth => "Le JSON est trop profondément imbriqué pour être un titre.",
        Code::LimitsJsonValues => {
            "Le JSON a bien plus de champs qu'aucun titre ; il n'a pas été lu."
        }
        Code::InputJsonInvalid => "L'entrée n'est pas un JSON bien formé.",
        Code::InputFormatUnsupported => {
            "Ce type d'entrée est reconnu mais ne peut pas être vérifié par cette version."
        }
        Code::InputUnrecognised => "L'entrée n'est pas un titre reconnu.",
        Code::InputBakedNone => "Cette image ne contient aucun titre.",
        Code::InputBakedInvalid => {
            "L'image est endommagée, ou le titre qu'elle contient est mal formé."
        }
        Code::StructureValid => {
            "Tous les champs obligatoires du titre sont présents et bien formés."
        }
        Code::StructureMissingField => "Un champ obligatoire est absent.",
        Code::StructureInvalidValue => "Un champ a une valeur d'un type incorrect.",
        Code::JwtMalformed => "L'entrée ressemble à un JWT mais n'est pas bien formée.",
        Code::JwtClaimMismatch => {
            "Une revendication du JWT contredit le titre qu'il porte (par exemple un autre émetteur ou une autre date)."
        }
        Code::JwtAlgForbidden => {
            "Le JWT ne demande aucune signature ou une vérification par secret partagé (HMAC), ce qui n'est jamais accepté."
        }
        Code::JwtHeaderInvalid => "L'en-tête du JWT n'est pas acceptable.",
        Code::IssuerKeyResolved => {
            "La clé de signature appartient à l'émetteur et peut signer des titres."
        }
        Code::IssuerVmNotIssuer => {
            "Le titre a été signé avec une clé qui n'appartient pas à son émetteur."
        }
        Code::IssuerVmNotFound => {
            "La clé de signature ne figure pas dans le document DID de l'émetteur."
        }
        Code::IssuerVmNotAssertion => "L'émetteur n'a pas autorisé cette clé à signer des titres.",
        Code::IssuerKeyEmbedded => {
            "La clé de signature ne provient que du titre lui-même : rien ne montre qu'elle appartient à l'émetteur."
        }
        Code::IssuerX5cUnverified => {
            "La chaîne de certificats de signature du titre n'a pas été validée."
        }
        Code::IssuerDidInvalid => {
            "L'identifiant de l'émetteur ou la référence de clé est mal formé."
        }
        Code::IssuerDidUnsupported => {
            "L'émetteur utilise un type d'identifiant que ce vérificateur ne sait pas résoudre."
        }
        Code::IssuerKeyInvalid => "La clé publique de l'émetteur est mal formée ou peu sûre.",
        Code::IssuerDocumentMissing => "Le document DID de l'émetteur n'a pas pu être obtenu.",
        Code::IssuerDocumentInvalid => {
            "Le document DID de l'émetteur est mal formé ou appartient à quelqu'un d'autre."
        }
        Code::ProofVerified => "La signature numérique est valide : le titre n'a pas été modifié.",
        Code::ProofMissing => "Le titre n'a pas de signature numérique.",
        Code::ProofMalformed => "La signature numérique est mal formée.",
        Code::ProofUnsupportedSuite => {
            "La signature utilise une méthode que ce vérificateur ne prend pas en charge."
        }
        Code::ProofPurposeMismatch => "La signature n'a pas été faite pour émettre des titres.",
        Code::ProofContextMismatch => {
            "Le contexte de la signature ne correspond pas à celui du titre."
        }
        Code::ProofExpired => "La signature elle-même a expiré.",
        Code::ProofSignatureMismatch => {
            "La signature numérique ne correspond pas : le titre a été modifié ou n'a pas été signé par cette clé."
        }
        Code::ProofKeyTypeMismatch => {
            "La méthode de signature ne correspond pas au type de clé de l'émetteur."
        }
        Code::ProofNoKey => {
            "La signature n'a pas pu être vérifiée car la clé de l'émetteur est indisponible."
        }
        Code::ContextUnknown => {
            "Le titre utilise un vocabulaire (contexte JSON-LD) que ce vérificateur ne possède pas ; il n'est jamais téléchargé."
        }
        Code::JsonldUndefinedTerm => {
            "Le titre contient un champ que son vocabulaire ne définit pas : la signature ne le couvrirait pas."
        }
        Code::JsonldInlineContext => {
            "Le titre redéfinit son vocabulaire en ligne, ce que ce vérificateur n'accepte pas."
        }
        Code::JsonldInvalid => "Le titre n'est pas un JSON-LD valide.",
        Code::LimitsRdfcPoison => {
            "Les données du titre sont construites pour rendre la canonicalisation interminable ; il a été rejeté."
        }
        Code::LimitsMerklePath => {
            "Le chemin de Merkle de l'ancrage est bien plus long que ce qu'exige un vrai lot ; il n'a pas été lu."
        }
        Code::AnchorVerified => {
            "Le titre est ancré dans un bloc Bitcoin : il existait, inchangé, quand ce bloc a été miné."
        }
        Code::AnchorConfirmedOnline => {
            "Un explorateur de blocs indique que la transaction d'ancrage est confirmée (vérifié en ligne, en se fiant à cet explorateur)."
        }
        Code::AnchorLookupFailed => {
            "La réponse de l'explorateur de blocs sur l'ancrage n'a pas pu être utilisée."
        }
        Code::AnchorMissing => {
            "Ce vérificateur exige un ancrage sur une blockchain, et le titre n'en a pas."
        }
        Code::AnchorMalformed => "L'ancrage du titre sur la blockchain est mal formé.",
        Code::AnchorMerkleMismatch => {
            "Le titre ne fait pas partie du lot que revendique son ancrage : il a été modifié ou l'ancrage a été copié d'un autre titre."
        }
        Code::AnchorMock => "L'ancrage est sur une chaîne de test : il ne prouve rien.",
        Code::AnchorUnsupportedChain => {
            "L'ancrage est sur une blockchain que ce vérificateur ne vérifie pas."
        }
        Code::AnchorEvidenceMissing => {
            "Le titre ne contient pas les preuves pour vérifier son ancrage hors ligne ; une consultation en ligne est nécessaire."
        }
        Code::AnchorTransactionInvalid => "La transaction d'ancrage est mal formée.",
        Code::AnchorRootNotInTransaction => {
            "La transaction d'ancrage ne porte pas l'empreinte de ce lot."
        }
        Code::AnchorBlockProofInvalid => {
            "La preuve que la transaction figure dans un bloc est mal formée."
        }
        Code::AnchorTransactionNotInBlock => {
            "La preuve de bloc n'inclut pas la transaction d'ancrage."
        }
        Code::AnchorProofOfWorkInvalid => {
            "Un en-tête de bloc ne porte pas la preuve de travail qu'exige le réseau Bitcoin."
        }
        Code::AnchorHeadersInvalid => {
            "Les en-têtes de blocs fournis avec l'ancrage ne s'enchaînent pas."
        }
        Code::AnchorHeaderUnknown => {
            "Le bloc de l'ancrage n'a pas pu être relié à la vraie chaîne Bitcoin : aucun point de contrôle connu n'y mène."
        }
        Code::AnchorUnconfirmed => {
            "Trop peu de blocs ont encore été minés au-dessus du bloc de l'ancrage."
        }
        Code::ValidityCurrent => "Le titre est dans sa période de validité.",
        Code::ValidityExpired => "Le titre a expiré.",
        Code::ValidityNotYetValid => "Le titre n'est pas encore valide.",
        Code::StatusNone => "Le titre n'a pas de statut de révocation à vérifier.",
        Code::StatusUnsupported => {
            "Le statut de révocation du titre utilise une méthode que ce vérificateur ne sait pas encore vérifier."
        }
        Code::StatusActive => {
            "La liste de statuts de l'émetteur indique que le titre n'est ni révoqué ni suspendu."
        }
        Code::StatusRevoked => "L'émetteur a révoqué ce titre.",
        Code::StatusSuspended => "L'émetteur a suspendu ce titre.",
        Code::StatusMessage => {
            "La liste de statuts de l'émetteur donne à ce titre un message de statut."
        }
        Code::StatusRefresh => {
            "Le titre indique où le renouveler ; cela ne dit rien de sa révocation."
        }
        Code::StatusEntryInvalid => "L'entrée de statut de révocation du titre est mal formée.",
        Code::StatusListMissing => {
            "La liste de statuts de l'émetteur n'a pas pu être obtenue : la révocation n'a pas pu être vérifiée."
        }
        Code::StatusListInvalid => {
            "La liste de statuts de l'émetteur est mal formée ou ne couvre pas ce titre : la révocation n'a pas pu être vérifiée."
        }
        Code::StatusListUnverified => {
            "La signature de la liste de statuts ne se vérifie pas : elle n'a pas été prise en compte."
        }
        Code::StatusListIssuerMismatch => {
            "La liste de statuts n'a pas été publiée par l'émetteur du titre : elle n'a pas été prise en compte."
        }
        Code::StatusListExpired => {
            "La liste de statuts est hors de sa période de validité : elle ne dit rien d'aujourd'hui."
        }
        Code::LimitsDecompressedSize => {
            "La liste de statuts se décompresse en plus de données que ce vérificateur n'en accepte ; elle n'a pas été lue."
        }
        Code::TrustTrustedIssuer => {
            "L'émetteur figure sur la liste des émetteurs de confiance de ce vérificateur."
        }
        Code::TrustUnknownIssuer => {
            "L'émetteur ne figure pas sur la liste des émetteurs de confiance de ce vérificateur."
        }
        Code::TrustNotConfigured => {
            "Ce vérificateur n'a pas de liste d'émetteurs de confiance ; vérifiez vous-même qui est l'émetteur."
        }
        Code::TrustUntrustedIssuer => {
            "Ce vérificateur n'accepte que des émetteurs de confiance, et cet émetteur n'en est pas un."
        }
        Code::ContentsCredentialValid => "Un titre contenu dans ce dossier est valide.",
        Code::ContentsCredentialNotValid => "Un titre contenu dans ce dossier n'est pas valide.",
        Code::LimitsNestedCredentials => {
            "Le dossier contient plus de titres que ce vérificateur n'en vérifie, ou un dossier dans un dossier."
        }
        Code::X509Parsed => "L'entrée a été lue comme des certificats X.509.",
        Code::X509None => "L'entrée ne contient aucun certificat.",
        Code::X509Malformed => "Un certificat est mal formé.",
        Code::LimitsCertificates => {
            "L'entrée contient plus de certificats que ce vérificateur n'en lit."
        }
        Code::X509Current => "Le certificat est dans sa période de validité.",
        Code::X509Expired => "Un certificat a expiré.",
        Code::X509NotYetValid => "Un certificat n'est pas encore valide.",
        Code::X509UsageValid => "Le certificat peut être utilisé pour cet usage.",
        Code::X509EkuMismatch => {
            "Le certificat n'est pas autorisé pour cet usage (usage étendu de la clé)."
        }
        Code::X509KeyUsageInvalid => "L'usage de la clé du certificat ne permet pas de signer.",
        Code::X509LeafIsCa => "Le certificat final est un certificat d'autorité.",
        Code::X509UnknownCriticalExtension => {
            "Un certificat a une extension critique que ce vérificateur ne comprend pas."
        }
        Code::X509NameMatched => "Le certificat couvre le nom demandé.",
        Code::X509NameMismatch => "Le certificat ne couvre pas le nom demandé.",
        Code::X509NameNotChecked => {
            "Aucun nom d'hôte n'a été donné : le certificat n'a pas été vérifié pour un nom."
        }
        Code::X509ChainValid => {
            "La chaîne mène à une racine de confiance et chacune de ses signatures est valide."
        }
        Code::X509NoTrustAnchors => {
            "Aucune racine de confiance n'a été donnée : la chaîne n'a pas pu être validée."
        }
        Code::X509UnknownIssuer => "La chaîne ne mène à aucune racine de confiance.",
        Code::X509SignatureInvalid => "Une signature de la chaîne n'est pas valide.",
        Code::X509UnsupportedAlgorithm => {
            "Un certificat utilise un algorithme de signature ou de clé que ce vérificateur n'accepte pas."
        }
        Code::X509NotCa => "Un certificat de la chaîne en signe d'autres sans y être autorisé.",
        Code::X509PathLenExceeded => "La chaîne est plus longue que ce qu'un émetteur autorise.",
        Code::X509NameConstraintsViolated => {
            "Un nom sort de ce qu'un émetteur est autorisé à certifier."
        }
        Code::X509ProfileViolation => {
            "Un certificat enfreint les règles que doivent suivre les certificats (RFC 5280, CA/Browser Forum)."
        }
        Code::LimitsNameConstraints => {
            "La vérification des contraintes de noms de la chaîne a demandé plus de travail que ce vérificateur n'en permet."
        }
        Code::LimitsChainDepth => "La chaîne est plus longue que ce que suit ce vérificateur.",
        Code::LimitsSignatureChecks => {
            "La construction de la chaîne a demandé plus de vérifications de signature que ce vérificateur n'en permet."
        }
        Code::X509LifetimeCompliant => {
            "La durée de vie du certificat respecte la limite du CA/Browser Forum pour sa date d'émission."
        }
        Code::X509LifetimeExceedsPolicy => {
            "La durée de vie du certificat dépasse la limite du CA/Browser Forum pour sa date d'émission."
        }
        Code::X509WeakSignature => "Le certificat est signé avec SHA-1, qui n'est plus sûr.",
        Code::X509WeakKey => "La clé du certificat est trop faible (RSA de moins de 2048 bits).",
        Code::X509SanMissing => {
            "Le certificat n'a pas de subjectAltName ; les navigateurs ne l'acceptent pour aucun hôte."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_french_sentence() {
        let missing: Vec<&str> = Code::ALL
            .iter()
            .filter(|c| french(**c).is_none())
            .map(|c| c.as_str())
            .collect();
        assert!(missing.is_empty(), "no French for {missing:?}");
    }

    #[test]
    fn languages_from_tags() {
        assert_eq!(Lang::parse("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(fill("{0} of {1}", &["2", "3"]), "2 of 3");
    }
}
