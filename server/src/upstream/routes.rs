//! The vendor routes the gateway knows by their templates: `{}` stands for one segment
//! (`/conversations/{}/messages`), and a trailing slash makes no difference (PostCenter's
//! paths end with one). One matcher for every declaration handed down by the dialects
//! (identities, files, versioned resources).

fn segments(text: &str) -> Vec<&str> {
    text.trim_end_matches('/').split('/').collect()
}

fn same(template: &[&str], path: &[&str]) -> bool {
    template
        .iter()
        .zip(path)
        .all(|(t, p)| (*t == "{}" && !p.is_empty()) || t == p)
}

/// Whether `path` (under the base) is `template`'s.
pub fn matches(template: &str, path: &str) -> bool {
    let (template, path) = (segments(template), segments(path));
    template.len() == path.len() && same(&template, &path)
}

/// The segment of `path` that `template`'s `n`th `{}` (from 0) stands for, when `path`
/// is `template`'s: `c-1` for `/conversations/c-1/messages` and `/conversations/{}/messages`.
pub fn placeholder(template: &str, path: &str, n: usize) -> Option<String> {
    let (template_segments, path_segments) = (segments(template), segments(path));
    if !matches(template, path) {
        return None;
    }
    template_segments
        .iter()
        .zip(path_segments)
        .filter(|(t, _)| **t == "{}")
        .nth(n)
        .map(|(_, p)| p.to_owned())
}

/// The resource `path` is at or under, if any of `templates` is one:
/// `/conversations/42` for `/conversations/42/assigned-agent` with `/conversations/{}`.
pub fn resource_of(path: &str, templates: &[&str]) -> Option<String> {
    let path = segments(path);
    templates.iter().find_map(|template| {
        let template = segments(template);
        (path.len() >= template.len() && same(&template, &path))
            .then(|| path[..template.len()].join("/"))
    })
}

#[cfg(test)]
mod tests {
    use super::{matches, placeholder, resource_of};

    #[test]
    fn a_placeholder_names_the_segment_it_stands_for() {
        let template = "/v2/ticket/{}/close/";
        assert_eq!(
            placeholder(template, "/v2/ticket/5b6/close", 0).as_deref(),
            Some("5b6")
        );
        assert_eq!(placeholder(template, "/v2/ticket/5b6/close", 1), None);
        assert_eq!(placeholder(template, "/v2/ticket/5b6/reassign", 0), None);
    }

    #[test]
    fn a_route_template_matches_one_segment_per_placeholder_and_ignores_a_trailing_slash() {
        assert!(matches(
            "/conversations/{}/messages",
            "/conversations/c-1/messages"
        ));
        assert!(!matches("/conversations/{}/messages", "/conversations/c-1"));
        assert!(!matches(
            "/conversations/{}/messages",
            "/conversations//messages"
        ));
        assert!(matches("/v2/ticket/{}/close/", "/v2/ticket/5b6/close"));
        assert!(matches("/messages", "/messages"));
        assert!(!matches("/messages", "/messages/m-1"));
    }

    #[test]
    fn a_path_belongs_to_the_resource_it_is_at_or_under() {
        let templates = ["/conversations/{}"];
        assert_eq!(
            resource_of("/conversations/42", &templates).as_deref(),
            Some("/conversations/42")
        );
        assert_eq!(
            resource_of("/conversations/42/assigned-agent", &templates).as_deref(),
            Some("/conversations/42")
        );
        assert_eq!(resource_of("/conversations", &templates), None);
        assert_eq!(resource_of("/contact-us/42", &templates), None);
        assert_eq!(resource_of("/conversations/", &templates), None);
    }
}
