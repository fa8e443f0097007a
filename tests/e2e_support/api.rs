//! The test's own requests to the server: its session, a colleague's, a customer's (no
//! session), each a request that must succeed, answered as JSON or bytes.

use super::*;

impl Harness {
    /// The test's own session on the server, signed in once.
    pub async fn api_cookie(&self) -> String {
        if let Some(cookie) = self.api_cookie.lock().unwrap().clone() {
            return cookie;
        }
        let cookie = self.session_cookie(DEMO_EMAIL).await;
        *self.api_cookie.lock().unwrap() = Some(cookie.clone());
        cookie
    }

    /// A POST as another demo agent (a colleague), signed in for it.
    pub async fn api_post_as(&self, email: &str, path: &str, body: serde_json::Value) {
        let cookie = self.session_cookie(email).await;
        self.post_json(&reqwest::Client::new(), Some(&cookie), path, body)
            .await;
    }

    /// A POST as a customer, as the public pages make it (no session); its JSON answer.
    pub async fn customer_post(&self, path: &str, body: serde_json::Value) -> serde_json::Value {
        self.post_json(&reqwest::Client::new(), None, path, body)
            .await
    }

    /// A customer writes through the contact page: their conversation's id, and the token
    /// of their private follow-up link (to write again as they would).
    pub async fn contact_us(&self, body: serde_json::Value) -> (String, String) {
        let contact = self
            .customer_post("/communication/v1/contact-us", body)
            .await;
        let token = contact["links"][0]["href"]
            .as_str()
            .and_then(|l| l.strip_prefix("/contact/follow-up#"))
            .expect("a follow-up link")
            .to_owned();
        let id = contact["id"].as_str().expect("an id");
        let stored = self
            .api_json(&format!("/communication/v1/contact-us/{id}"))
            .await;
        let conversation = stored["conversationId"]
            .as_str()
            .expect("its conversation")
            .to_owned();
        (conversation, token)
    }

    /// A PUT as another demo agent (a colleague), which must succeed.
    pub async fn api_put_as(&self, email: &str, path: &str, body: serde_json::Value) {
        let cookie = self.session_cookie(email).await;
        let response = reqwest::Client::new()
            .put(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .header(WRITE_HEADER, WRITE_HEADER_VALUE)
            .json(&body)
            .send()
            .await
            .expect("the server answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
    }

    /// A new session of the demo agent `email` (`name=value` of its cookie).
    pub(super) async fn session_cookie(&self, email: &str) -> String {
        let body = serde_json::json!({ "email": email, "password": DEMO_PASSWORD });
        let response = reqwest::Client::new()
            .post(format!("{}{SESSION_PATH}", self.base))
            .header("content-type", "application/json")
            .header(WRITE_HEADER, WRITE_HEADER_VALUE)
            .body(body.to_string())
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), 200, "the demo agent signs in");
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with(&format!("{SESSION_COOKIE}=")))
            .and_then(|value| value.split(';').next())
            .expect("the session cookie")
            .to_owned()
    }

    /// A GET as the signed-in demo agent.
    pub async fn api_get(&self, url: &str) -> reqwest::Response {
        reqwest::Client::new()
            .get(url)
            .header("cookie", self.api_cookie().await)
            .send()
            .await
            .expect("the server answers")
    }

    pub async fn api_json(&self, path: &str) -> serde_json::Value {
        let response = self.api_get(&format!("{}{path}", self.base)).await;
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        let text = response.text().await.expect("a body");
        serde_json::from_str(&text).expect("the server answers JSON")
    }

    /// A JSON POST as the signed-in demo agent, on `client` (one per caller keeps its
    /// connections); the answer's JSON, after asserting it succeeded.
    pub async fn api_post_with(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: serde_json::Value,
    ) -> serde_json::Value {
        let cookie = self.api_cookie().await;
        self.post_json(client, Some(&cookie), path, body).await
    }

    /// A JSON POST, with a session's cookie or none, which must succeed; its JSON answer.
    async fn post_json(
        &self,
        client: &reqwest::Client,
        cookie: Option<&str>,
        path: &str,
        body: serde_json::Value,
    ) -> serde_json::Value {
        let mut request = client.post(format!("{}{path}", self.base));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request
            .header(WRITE_HEADER, WRITE_HEADER_VALUE)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("the server answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        serde_json::from_str(&response.text().await.expect("a body")).expect("JSON")
    }

    pub async fn api_post(&self, path: &str, body: serde_json::Value) -> serde_json::Value {
        self.api_post_with(&reqwest::Client::new(), path, body)
            .await
    }

    pub async fn api_bytes(&self, url: &str) -> Vec<u8> {
        let response = self.api_get(url).await;
        assert!(
            response.status().is_success(),
            "{url}: {}",
            response.status()
        );
        response.bytes().await.expect("a body").to_vec()
    }
}
