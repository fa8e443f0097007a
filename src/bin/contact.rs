//! The public contact page on its own: customers write from phones, so their page
//! downloads only what it needs (its form, checks and sending), never the agents'
//! console. Built from `contact.html` by Trunk beside the console; the server sends it
//! for `/contact`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(switchboard::pages::contact::ContactPage);
}
