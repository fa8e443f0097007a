//! Widgets, grouped by where they live on screen: the inbox's list and what narrows it
//! ([`inbox`]), the open conversation and its reply ([`conversation`]), and the frame
//! around every page with what all of them share ([`shell`]).

pub mod conversation;
pub mod inbox;
pub mod shell;

#[cfg(test)]
mod tests {
    use std::path::Path;

    // The widgets were once ~38 flat files; grouped by area they stay findable only if a
    // new one goes into its area's folder rather than beside this file.
    #[test]
    fn no_widget_file_sits_directly_in_components_only_in_an_area_folder() {
        let components = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
        let mut loose: Vec<String> = std::fs::read_dir(&components)
            .expect("src/components is readable")
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                let name = path.file_name()?.to_str()?.to_owned();
                let is_rust = path.extension().is_some_and(|ext| ext == "rs");
                (path.is_file() && is_rust && name != "mod.rs").then_some(name)
            })
            .collect();
        loose.sort();
        assert!(
            loose.is_empty(),
            "move these into inbox/, conversation/ or shell/: {loose:?}"
        );
    }
}
