//! The customers' follow-up page on its own (`/contact/follow-up#TOKEN`): a customer who
//! opens their private link downloads their conversation's page, never the agents'
//! console. Built from `follow-up.html` by Trunk beside the console; the server sends it
//! for `/contact/follow-up`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(switchboard::pages::follow_up::FollowUpApp);
}
