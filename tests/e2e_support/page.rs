//! Driving the page as a person does, waiting on conditions (never fixed sleeps): finding
//! and waiting for elements and text, clicking, choosing, typing, the focus, the page's
//! path, signing in on the sign-in page; and what a page's layout should never do.

use super::*;

pub fn testid(id: &str) -> By {
    By::Css(format!("[data-testid='{id}']"))
}

/// A row of the communication API: other backends' rows share the list.
pub fn communication_row() -> By {
    By::Css("[data-testid='conversation-row'][data-key^='communication/']".to_owned())
}

impl Harness {
    /// Makes the browser refuse every URL matching `patterns` (none: refuse nothing), as a
    /// stopped server or a dropped connection would answer them.
    pub async fn block_urls(&self, patterns: &[&str]) {
        let devtools = self.driver.cdp();
        devtools
            .send_raw("Network.enable", serde_json::json!({}))
            .await
            .expect("the network domain");
        devtools
            .send_raw(
                "Network.setBlockedURLs",
                serde_json::json!({ "urls": patterns }),
            )
            .await
            .expect("the blocked URLs");
    }

    pub async fn wait_for(&self, by: By) -> WebElement {
        self.driver
            .query(by)
            .wait(WAIT, POLL)
            .first()
            .await
            .expect("the element appears")
    }

    /// Waits until nothing matches `by`.
    pub async fn wait_gone(&self, by: By) {
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            let gone = self
                .driver
                .find_all(by.clone())
                .await
                .map(|all| all.is_empty())
                .unwrap_or(false);
            if gone {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("{by:?} is still there");
    }

    /// Waits until the element's text contains `expected`.
    pub async fn wait_for_text(&self, by: By, expected: &str) -> WebElement {
        let mut last = String::new();
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            if let Ok(el) = self.driver.find(by.clone()).await {
                last = el.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return el;
                }
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("{by:?} never contained {expected:?}; last text {last:?}");
    }

    /// Clicks the element once it is there, finding it again if the page re-rendered it
    /// between finding and clicking.
    pub async fn click(&self, by: By) {
        let mut last_error = None;
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            match self.driver.find(by.clone()).await {
                Ok(el) => match el.click().await {
                    Ok(()) => return,
                    Err(e) => last_error = Some(e),
                },
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("could not click {by:?}: {last_error:?}");
    }

    /// An attribute of the first match, re-finding it if the page re-rendered it.
    pub async fn attribute(&self, by: By, name: &str) -> String {
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            if let Ok(el) = self.driver.find(by.clone()).await {
                if let Ok(Some(value)) = el.attr(name).await {
                    return value;
                }
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("{by:?} never had a {name} attribute");
    }

    pub async fn select(&self, select: &str, value: &str) {
        self.click(By::Css(format!(
            "[data-testid='{select}'] option[value='{value}']"
        )))
        .await;
    }

    /// Types keys into whatever has focus, as a person at the keyboard does.
    pub async fn press(&self, keys: impl Into<TypingData>) {
        self.driver
            .action_chain()
            .send_keys(keys)
            .perform()
            .await
            .expect("the keys are typed");
    }

    /// Waits until the focused element is the one with this `data-testid`.
    pub async fn wait_for_focus(&self, id: &str) {
        let mut last = serde_json::Value::Null;
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            last = self
                .driver
                .execute(
                    "return document.activeElement && document.activeElement.dataset.testid;",
                    vec![],
                )
                .await
                .expect("a script")
                .json()
                .clone();
            if last == id {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("focus never reached {id}; it is on {last}");
    }

    /// How many requests the page made to URLs containing `part` since it loaded.
    pub async fn requests_to(&self, part: &str) -> u64 {
        self.driver
            .execute(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes(arguments[0])).length;",
                vec![serde_json::Value::from(part)],
            )
            .await
            .expect("a script")
            .json()
            .as_u64()
            .expect("a count")
    }

    /// The page's path, with its query.
    pub async fn path(&self) -> String {
        let url = self.driver.current_url().await.expect("a URL");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Waits until the page's path and query are `expected`.
    pub async fn wait_for_path(&self, expected: &str) {
        self.wait_for_path_where(expected, |now| now == expected)
            .await;
    }

    /// Waits until the page's path (with its query) starts with `prefix`.
    pub async fn wait_for_path_starting(&self, prefix: &str) {
        self.wait_for_path_where(prefix, |now| now.starts_with(prefix))
            .await;
    }

    async fn wait_for_path_where(&self, wanted: &str, ok: impl Fn(&str) -> bool) {
        let mut last = String::new();
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            last = self.path().await;
            if ok(&last) {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("the page never reached {wanted}; it is at {last}");
    }

    /// Puts the keyboard on the list's current row (else its first), presses `j`, and
    /// waits until another row has focus: the rows (`data-key`) it left and reached; the
    /// same twice when it never moved.
    pub async fn press_j_in_the_list(&self) -> (String, String) {
        let from = self
            .driver
            .execute(
                "const row = document.querySelector(\"a[data-testid='conversation-row'][tabindex='0']\")
                   || document.querySelector(\"a[data-testid='conversation-row']\");
                 row.focus(); return row.dataset.key;",
                Vec::new(),
            )
            .await
            .expect("a row to focus")
            .json()
            .as_str()
            .unwrap_or_default()
            .to_owned();
        self.press("j").await;
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            let on = match self.driver.active_element().await {
                Ok(el) => el.attr("data-key").await.ok().flatten().unwrap_or_default(),
                Err(_) => String::new(),
            };
            if !on.is_empty() && on != from {
                return (from, on);
            }
            tokio::time::sleep(POLL).await;
        }
        (from.clone(), from)
    }

    /// The look of the list's focused row and of a neighbour: (box-shadow, background)
    /// each; `None` while no row but the first has focus.
    pub async fn focused_row_look(&self) -> Option<((String, String), (String, String))> {
        let look = self
            .driver
            .execute(
                "const rows = [...document.querySelectorAll(\"a[data-testid='conversation-row']\")];
                 const at = rows.indexOf(document.activeElement);
                 if (at < 0) return null;
                 const other = rows[at + 1] || rows[at - 1];
                 const of = (el) => { const s = getComputedStyle(el); return [s.boxShadow, s.backgroundColor]; };
                 return [of(rows[at]), of(other)];",
                Vec::new(),
            )
            .await
            .expect("a script")
            .json()
            .clone();
        let pair = |v: &serde_json::Value| {
            (
                v[0].as_str().unwrap_or_default().to_owned(),
                v[1].as_str().unwrap_or_default().to_owned(),
            )
        };
        (!look.is_null()).then(|| (pair(&look[0]), pair(&look[1])))
    }

    /// Replaces a field's text as a person does: select all, type over it.
    pub async fn retype(&self, by: By, text: &str) {
        let field = self.wait_for(by).await;
        field.send_keys(Key::Control + "a").await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Fills the sign-in form on screen as the demo agent and sends it with Enter.
    pub async fn submit_sign_in(&self, password: &str) {
        self.submit_sign_in_as(DEMO_EMAIL, password).await;
    }

    pub async fn submit_sign_in_as(&self, email: &str, password: &str) {
        self.retype(testid("sign-in-email"), email).await;
        self.retype(testid("sign-in-password"), password).await;
        self.press(Key::Enter).await;
    }

    /// Opens `path` as an agent does: the console sends them to sign in, they sign in on
    /// the page, and it brings them back to `path`. Returns the signed-in agent's id.
    pub async fn sign_in_at(&self, path: &str) -> String {
        self.sign_in_as_at(DEMO_EMAIL, path).await
    }

    /// [`Harness::sign_in_at`] as the demo agent `email`; the test's own requests are then
    /// theirs too.
    pub async fn sign_in_as_at(&self, email: &str, path: &str) -> String {
        self.driver
            .goto(format!("{}{path}", self.base))
            .await
            .unwrap();
        self.wait_for(testid("sign-in-form")).await;
        self.submit_sign_in_as(email, DEMO_PASSWORD).await;
        let cookie = self.session_cookie(email).await;
        *self.api_cookie.lock().unwrap() = Some(cookie);
        self.wait_for(testid("signed-in-agent")).await;
        self.wait_for_path(path).await;
        let session = self.api_json(SESSION_PATH).await;
        session["agent"]["id"]
            .as_str()
            .expect("the demo agent's id")
            .to_owned()
    }

    /// Presses `key` with Ctrl held (Ctrl+Enter sends a reply or adds a note).
    pub async fn press_ctrl(&self, key: impl Into<TypingData>) {
        self.driver
            .action_chain()
            .key_down(Key::Control)
            .send_keys(key)
            .key_up(Key::Control)
            .perform()
            .await
            .expect("the keys are pressed");
    }
}

/// A file of `tests/fixtures`, to attach.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// What sticks out past the window's right edge (the page then scrolls sideways): the
/// outermost such elements, named by tag, class and test hook; empty when the page fits.
pub async fn sticking_out(h: &Harness) -> Vec<String> {
    let found = h
        .driver
        .execute(
            "if (document.documentElement.scrollWidth <= window.innerWidth) return [];
             const out = [...document.body.querySelectorAll('*')].filter(e =>
                 e.getBoundingClientRect().right > window.innerWidth + 1 &&
                 !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1));
             return out.slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' +
                 (e.dataset.testid || '') + ' ' + Math.round(e.getBoundingClientRect().right));",
            Vec::new(),
        )
        .await
        .unwrap();
    serde_json::from_value(found.json().clone()).unwrap_or_default()
}

/// The visible elements `css` finds that are not shown whole: cut by an ancestor that
/// clips (the element passes its edge), cut inside (its text is wider than its box,
/// ellipsis or not) or broken over two lines; each named by class and text.
pub async fn not_whole(h: &Harness, css: &str) -> Vec<String> {
    let found = h
        .driver
        .execute(
            "const cut = (el) => {
                 const r = el.getBoundingClientRect();
                 if (r.width === 0) return false;
                 if (el.scrollWidth > el.clientWidth + 1) return true;
                 const range = document.createRange();
                 range.selectNodeContents(el);
                 const lines = new Set([...range.getClientRects()]
                     .filter(x => x.width > 0).map(x => Math.round(x.bottom)));
                 if (lines.size > 1) return true;
                 for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                     if (getComputedStyle(a).overflowX === 'visible') continue;
                     const b = a.getBoundingClientRect();
                     if (r.left < b.left - 1 || r.right > b.right + 1) return true;
                 }
                 return false;
             };
             return [...document.querySelectorAll(arguments[0])].filter(cut)
                 .map(e => e.className + ': ' + e.textContent.trim());",
            vec![serde_json::Value::from(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(found.json().clone()).unwrap_or_default()
}
