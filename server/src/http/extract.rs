//! Request extractors whose every refusal is an [`HttpError`] naming the field, instead of
//! axum's plain-text rejections.

use super::error::{problem, HttpError, Location, Problem};
use super::pace::{declares_more_than, BodyLimit};
use super::upload::{Upload, UploadedFile};
use axum::body::Bytes;
use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use bytes::BytesMut;
use http_body_util::LengthLimitError;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use switchboard_core::attachments::SNIFF_LEN;

/// A JSON object body deserialized into `T`.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = HttpError;

    async fn from_request(request: Request, state: &S) -> Result<Self, HttpError> {
        if !is_json(request.headers()) {
            return Err(HttpError::unsupported_media_type());
        }
        // The route's own limit when it set one ([`super::pace::limited`]), else the app's.
        let limit = request
            .extensions()
            .get::<BodyLimit>()
            .map_or(crate::BODY_LIMIT_BYTES, |limit| limit.0);
        if declares_more_than(request.headers(), limit) {
            return Err(HttpError::payload_too_large_over(limit));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    HttpError::payload_too_large_over(limit)
                } else {
                    HttpError::invalid_field(Location::Body, "body", "", "could not be read")
                }
            })?;
        parse_object(&bytes).map(ApiJson)
    }
}

/// The media type without its parameters, lower case; empty when there is none.
pub(crate) fn essence(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|content_type| content_type.split(';').next())
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// `application/json`, with or without parameters, or any `application/*+json`.
pub fn is_json(headers: &HeaderMap) -> bool {
    let essence = essence(headers);
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

// ---- JSON or multipart with files ---------------------------------------------------------

/// A JSON object, and the files sent beside it (none for a plain JSON body).
pub struct WithFiles<T> {
    pub body: T,
    pub files: Vec<UploadedFile>,
}

/// Reads a body that is either the JSON object alone (at most the upload's
/// `max_json_bytes`) or `multipart/form-data` with that object in `json_part` and the
/// files in `files_part`. Every part is read to the end, so all the problems of a request
/// are reported together; but a file's bytes are kept only while the file and the files
/// before it stay within the policy's limits ([`read_file_part`]): past them, the rest of
/// the part is counted and dropped as it streams.
pub async fn json_or_multipart<T: DeserializeOwned>(
    request: Request,
    upload: Upload,
) -> Result<WithFiles<T>, HttpError> {
    let essence = essence(request.headers());
    if is_json(request.headers()) {
        let bytes = read_within(request, upload.max_json_bytes).await?;
        return Ok(WithFiles {
            body: parse_object(&bytes)?,
            files: Vec::new(),
        });
    }
    if essence != "multipart/form-data" {
        return Err(HttpError::unsupported_media_type_for_upload());
    }
    let not_multipart = |issue: String| {
        HttpError::invalid_field(
            Location::Body,
            "body",
            "",
            format!("is not a valid multipart/form-data body: {issue}"),
        )
    };
    let read_error = |error: MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            upload.too_large()
        } else {
            not_multipart(error.body_text())
        }
    };
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|rejection| not_multipart(rejection.body_text()))?;
    let mut problems = Vec::new();
    let mut json: Option<Bytes> = None;
    let mut files: Vec<UploadedFile> = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(read_error)? {
        let part = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        if part == upload.json_part {
            let bytes = field.bytes().await.map_err(read_error)?;
            if json.is_some() {
                problems.push(problem(Location::Body, &part, "", "must be sent only once"));
            } else if bytes.len() > upload.max_json_bytes {
                // The JSON object has the limit it has alone; only files may be larger.
                return Err(HttpError::payload_too_large_over(upload.max_json_bytes));
            } else {
                json = Some(bytes);
            }
        } else if part == upload.files_part {
            let field_name = format!("{}[{}]", upload.files_part, files.len());
            let before: u64 = files.iter().map(|file| file.size).sum();
            let (data, size) = read_file_part(field, upload, before)
                .await
                .map_err(read_error)?;
            match file_name {
                Some(name) => files.push(UploadedFile { name, data, size }),
                None => {
                    // Counted all the same, so the next files keep their indices.
                    files.push(UploadedFile {
                        name: String::new(),
                        data,
                        size,
                    });
                    problems.push(unnamed_file(&field_name));
                }
            }
        } else {
            problems.push(unknown_part(upload, &part, file_name.as_deref()));
        }
    }
    let body = match json {
        Some(bytes) => match parse_object::<T>(&bytes) {
            Ok(body) => Some(body),
            Err(error) => {
                // The part, not the whole body, is what failed to parse.
                problems.extend(error.problems.into_iter().map(|mut d| {
                    if d.field == "body" {
                        d.field = upload.json_part.to_owned();
                    }
                    d
                }));
                None
            }
        },
        None => {
            problems.push(problem(
                Location::Body,
                upload.json_part,
                "",
                format!(
                    "is required: the multipart body needs a “{}” part holding the JSON object",
                    upload.json_part
                ),
            ));
            None
        }
    };
    match body {
        Some(body) if problems.is_empty() => Ok(WithFiles { body, files }),
        _ => Err(HttpError::invalid(problems)),
    }
}

/// A file part without a file name, `field_name` being `files[i]`.
pub(crate) fn unnamed_file(field_name: &str) -> Problem {
    problem(
        Location::Body,
        field_name,
        "",
        "must be a file: the part needs a filename",
    )
}

/// A part the upload does not name (neither its JSON nor its files).
pub(crate) fn unknown_part(upload: Upload, part: &str, file_name: Option<&str>) -> Problem {
    let shown = if part.is_empty() { "part" } else { part };
    problem(
        Location::Body,
        shown,
        file_name.unwrap_or_default(),
        format!(
            "is not a part this request takes: send “{}” (the JSON object) and one “{}” \
             part per file",
            upload.json_part, upload.files_part
        ),
    )
}

/// One file part, chunk by chunk: its bytes while it stays within the policy's size per
/// file and, with the `before` bytes of the files ahead of it, per message; past either
/// only its head is kept (to name the refusal) and the rest is counted as it goes by.
async fn read_file_part(
    mut field: axum::extract::multipart::Field<'_>,
    upload: Upload,
    before: u64,
) -> Result<(Bytes, u64), MultipartError> {
    let policy = upload.policy;
    let mut kept = BytesMut::new();
    let mut size: u64 = 0;
    let mut within = true;
    while let Some(chunk) = field.chunk().await? {
        size += chunk.len() as u64;
        if within && size <= policy.max_file_bytes && before + size <= policy.max_message_bytes {
            kept.extend_from_slice(&chunk);
            continue;
        }
        if within {
            // Over a limit: the bytes kept so far go, but their head.
            within = false;
            kept.truncate(SNIFF_LEN);
            kept = BytesMut::from(&kept[..]);
        }
        let room = SNIFF_LEN.saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..room.min(chunk.len())]);
    }
    Ok((kept.freeze(), size))
}

/// The whole body, refused with a 413 as soon as it passes `limit` (at once when its
/// declared length does).
pub async fn read_within(request: Request, limit: usize) -> Result<Bytes, HttpError> {
    if declares_more_than(request.headers(), limit) {
        return Err(HttpError::payload_too_large_over(limit));
    }
    axum::body::to_bytes(request.into_body(), limit)
        .await
        .map_err(|error| {
            let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&error);
            while let Some(current) = cause {
                if current.is::<LengthLimitError>() {
                    return HttpError::payload_too_large_over(limit);
                }
                cause = current.source();
            }
            HttpError::invalid_field(Location::Body, "body", "", "could not be read")
        })
}

/// Parses a JSON object into `T`, naming each field whose value has the wrong shape.
pub fn parse_object<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, HttpError> {
    object_from_value(parse_value(bytes, "body")?, "body")
}

/// Parses any JSON value; a refusal names the body as a whole `root` (`body` for most
/// dialects; one whose bodies have a `body` field of their own picks another name).
pub fn parse_value(bytes: &[u8], root: &str) -> Result<Value, HttpError> {
    serde_json::from_slice(bytes).map_err(|error| {
        HttpError::invalid_field(
            Location::Body,
            root,
            "",
            format!("is not valid JSON ({error})"),
        )
    })
}

/// A JSON object as `T`, naming each field whose value has the wrong shape, and the body
/// as a whole `root` when it is not an object.
pub fn object_from_value<T: DeserializeOwned>(value: Value, root: &str) -> Result<T, HttpError> {
    let Value::Object(object) = value else {
        return Err(HttpError::invalid_field(
            Location::Body,
            root,
            &value.to_string(),
            "must be a JSON object",
        ));
    };
    match serde_json::from_value::<T>(Value::Object(object.clone())) {
        Ok(parsed) => Ok(parsed),
        Err(whole_error) => Err(HttpError::invalid(misshapen_fields::<T>(
            &object,
            &whole_error,
            root,
        ))),
    }
}

/// serde's error does not say which field failed. Every body type here has all its fields
/// optional, so trying each field alone finds the ones at fault.
fn misshapen_fields<T: DeserializeOwned>(
    object: &Map<String, Value>,
    whole_error: &serde_json::Error,
    root: &str,
) -> Vec<Problem> {
    let mut details: Vec<_> = object
        .iter()
        .filter_map(|(field, value)| {
            let alone = Map::from_iter([(field.clone(), value.clone())]);
            serde_json::from_value::<T>(Value::Object(alone))
                .err()
                .map(|error| problem(Location::Body, field, &shown(value), issue_of(&error)))
        })
        .collect();
    if details.is_empty() {
        details.push(problem(Location::Body, root, "", issue_of(whole_error)));
    }
    details
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn issue_of(error: &serde_json::Error) -> String {
    // serde says "invalid type: integer `5`, expected a string"; the field is named apart.
    format!("has the wrong type: {error}")
}

/// The query string as name/value pairs; blank values count as absent.
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// The first non-blank value given for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, value)| key == name && !value.trim().is_empty())
            .map(|(_, value)| value.trim())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryParams {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, HttpError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|_| {
                HttpError::invalid_field(
                    Location::Query,
                    "query",
                    parts.uri.query().unwrap_or_default(),
                    "is not a valid query string",
                )
            })?;
        Ok(QueryParams(pairs))
    }
}

/// The one path parameter of a route, percent-decoded.
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, HttpError> {
        let Path(id) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_a_path_segment(parts))?;
        Ok(PathId(id))
    }
}

/// A route's two path parameters, percent-decoded, refused in this API's error body like
/// [`PathId`].
pub struct PathPair(pub String, pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathPair {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, HttpError> {
        let Path((first, second)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_a_path_segment(parts))?;
        Ok(PathPair(first, second))
    }
}

/// A path parameter that does not decode, refused in this API's error body.
fn not_a_path_segment(parts: &Parts) -> HttpError {
    HttpError::invalid_field(
        Location::Path,
        "id",
        parts.uri.path(),
        "is not a valid path segment",
    )
}

/// An id the console chose for something it creates (a UUID, so a retry keeps one), read
/// from the path's `field`, in its one written form (lower case, hyphenated).
pub fn uuid_in_path(field: &str, id: &str) -> Result<String, HttpError> {
    match uuid::Uuid::parse_str(id) {
        Ok(uuid) => Ok(uuid.hyphenated().to_string()),
        Err(_) => Err(HttpError::invalid_field(
            Location::Path,
            field,
            id,
            "must be a UUID",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::wire::communication::ConversationDto;

    #[test]
    fn malformed_json_is_refused_with_the_body_named() {
        let error = parse_object::<ConversationDto>(b"{\"tripReference\": ").unwrap_err();
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
        assert_eq!(error.problems[0].field, "body");
        assert!(error.problems[0].issue.contains("not valid JSON"));
    }

    #[test]
    fn a_non_object_is_refused() {
        let error = parse_object::<ConversationDto>(b"[1,2]").unwrap_err();
        assert_eq!(error.problems[0].issue, "must be a JSON object");
    }

    #[test]
    fn each_misshapen_field_is_named() {
        let error = parse_object::<ConversationDto>(
            br#"{"tripReference": 5, "customerId": "ok", "participants": "x"}"#,
        )
        .unwrap_err();
        let mut fields: Vec<_> = error.problems.iter().map(|d| d.field.as_str()).collect();
        fields.sort();
        assert_eq!(fields, ["participants", "tripReference"]);
        assert!(error.problems.iter().all(|p| p.location == Location::Body));
    }

    #[test]
    fn json_content_types_are_recognised() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, value.parse().unwrap());
            is_json(&headers)
        };
        assert!(with("application/json"));
        assert!(with("Application/JSON; charset=utf-8"));
        assert!(with("application/merge-patch+json"));
        assert!(!with("text/plain"));
        assert!(!with("application/x-www-form-urlencoded"));
        assert!(!is_json(&HeaderMap::new()));
    }
}
