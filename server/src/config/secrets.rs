//! Where a vendor's secret comes from: never the backends' file (it is shared, versioned,
//! shown on screens), always the environment. A variable `NAME` holds the secret itself,
//! or `NAME_FILE` names a file that does (the container-secrets convention: Docker and
//! Kubernetes mount secrets as files). The value is held as a [`SecretString`], which
//! prints as `[REDACTED]` in `Debug` and is never `Display`ed.

use secrecy::SecretString;
use std::path::Path;

/// How the environment is read: the process's in the binary, a map in tests.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The secret in `variable`, or in the file `variable_FILE` names; `what` says in words
/// which secret it is, for the error.
pub fn read(variable: &str, what: &str, env: Env<'_>) -> Result<SecretString, String> {
    let file_variable = format!("{variable}_FILE");
    match (env(variable), env(&file_variable)) {
        (Some(_), Some(_)) => Err(format!(
            "{what}: both {variable} and {file_variable} are set; set one"
        )),
        (Some(value), None) if !value.trim().is_empty() => Ok(SecretString::from(value)),
        (Some(_), None) => Err(format!("{what}: {variable} is set but empty")),
        (None, Some(path)) => from_file(Path::new(&path), &file_variable, what),
        (None, None) => Err(format!(
            "{what}: set {variable} to it, or {file_variable} to a file holding it"
        )),
    }
}

fn from_file(path: &Path, variable: &str, what: &str) -> Result<SecretString, String> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        format!(
            "{what}: cannot read {} (named by {variable}): {error}",
            path.display()
        )
    })?;
    // Files written by `echo` end with a newline that is not part of the secret.
    let value = text.trim_end_matches(['\r', '\n']);
    if value.is_empty() {
        return Err(format!(
            "{what}: {} (named by {variable}) is empty",
            path.display()
        ));
    }
    Ok(SecretString::from(value.to_owned()))
}

/// An environment of `pairs` only, for the config's tests.
#[cfg(test)]
pub(crate) fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: std::collections::HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    move |name| map.get(name).cloned()
}

#[cfg(test)]
mod tests {
    use super::{env, read};
    use secrecy::ExposeSecret;

    #[test]
    fn a_secret_comes_from_its_variable_or_the_file_its_file_variable_names() {
        let direct = env(&[("KEY", "s3cret")]);
        assert_eq!(
            read("KEY", "the key", &direct).unwrap().expose_secret(),
            "s3cret"
        );

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("key");
        std::fs::write(&file, "from-file\n").unwrap();
        let by_file = env(&[("KEY_FILE", file.to_str().unwrap())]);
        assert_eq!(
            read("KEY", "the key", &by_file).unwrap().expose_secret(),
            "from-file"
        );
    }

    #[test]
    fn a_missing_empty_or_doubly_set_secret_is_said_in_words_without_its_value() {
        let none = env(&[]);
        let error = read("KEY", "octopia's client secret", &none).unwrap_err();
        assert!(
            error.contains("octopia's client secret") && error.contains("KEY_FILE"),
            "{error}"
        );

        let empty = env(&[("KEY", "  ")]);
        assert!(read("KEY", "k", &empty).unwrap_err().contains("empty"));

        let both = env(&[("KEY", "visible-value"), ("KEY_FILE", "/nowhere")]);
        let error = read("KEY", "k", &both).unwrap_err();
        assert!(
            error.contains("both") && !error.contains("visible-value"),
            "{error}"
        );

        let missing_file = env(&[("KEY_FILE", "/nowhere/at/all")]);
        assert!(read("KEY", "k", &missing_file)
            .unwrap_err()
            .contains("/nowhere/at/all"));
    }

    #[test]
    fn a_secret_never_shows_in_debug_output() {
        let direct = env(&[("KEY", "s3cret")]);
        let secret = read("KEY", "k", &direct).unwrap();
        assert!(!format!("{secret:?}").contains("s3cret"));
    }
}
