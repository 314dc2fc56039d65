//! The portal's only clock read: the core takes `now` as a parameter.
use verifier_core::UnixTime;

#[expect(
    clippy::as_conversions,
    reason = "Date.now() is an f64 of milliseconds; whole seconds fit i64"
)]
pub(crate) fn now() -> UnixTime {
    UnixTime((js_sys::Date::now() / 1000.0).floor() as i64)
}
