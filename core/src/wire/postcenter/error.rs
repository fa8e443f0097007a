//! PostCenter's error body: the document shows one, `{"message": "Non-existent status",
//! "status": 404}`, and puts `status` inside every successful body too. Switchboard's
//! reference server answers every refusal in that shape (`docs/backends/postcenter.md`,
//! "Errors"); the request's trace id travels in the `X-Correlation-ID` header.

use super::StatusMessageDto;
use crate::error::ApiError;

/// A PostCenter error response as the one domain error. An HTML page or an empty body
/// leaves the status to speak.
pub fn decode_error(status: u16, body: &str, correlation_id: Option<String>) -> ApiError {
    let mut error = ApiError::from_status(status, correlation_id);
    if let Ok(parsed) = serde_json::from_str::<StatusMessageDto>(body) {
        error.backend_message = parsed.message.filter(|m| !m.trim().is_empty());
    }
    error
}

/// A body whose own `status` is not a success, though HTTP said 200: the body is
/// believed (the document puts the real answer there). `None` when it says 2xx or nothing.
pub fn body_refusal(status: Option<u16>, message: Option<&str>) -> Option<ApiError> {
    let status = status.filter(|s| !(200..300).contains(s))?;
    let mut error = ApiError::from_status(status, None);
    error.backend_message = message
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_owned);
    Some(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn the_documents_error_body_is_read() {
        let e = decode_error(
            404,
            r#"{"message": "Non-existent status", "status": 404}"#,
            Some("c-1".into()),
        );
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert_eq!(e.backend_message.as_deref(), Some("Non-existent status"));
        assert_eq!(e.correlation_id.as_deref(), Some("c-1"));
        let html = decode_error(502, "<html>Bad gateway</html>", None);
        assert_eq!(html.kind, ErrorKind::Unavailable);
        assert_eq!(html.backend_message, None);
    }

    #[test]
    fn a_200_whose_body_says_404_is_a_refusal() {
        assert!(body_refusal(Some(200), Some("Ok")).is_none());
        assert!(body_refusal(None, None).is_none());
        let e = body_refusal(Some(404), Some("Non-existent status")).expect("refused");
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert_eq!(e.backend_message.as_deref(), Some("Non-existent status"));
    }
}
