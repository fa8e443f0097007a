//! The agents' sign-in page on its own: a small download before the form shows, while
//! the console's main part is fetched in the background (`sign-in.html` prefetches it).
//! Built from `sign-in.html` by Trunk beside the console; the server sends it for
//! `/sign-in`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(switchboard::pages::sign_in::SignInApp);
}
