//! The files of a reply being written, kept in the browser's IndexedDB (localStorage
//! holds text only): a reload, a crash or a closed tab loses no chosen file. Kept under
//! the same key as the draft's text (`storage::draft_key`: agent, backend, conversation),
//! so a draft never follows the agent into another conversation or another agent's
//! session on this browser; removed only once the reply is stored. A thin binding over
//! `web-sys`: IndexedDB stores `File`s as they are (structured clone). Where IndexedDB is
//! missing (some private modes), files are kept only as long as the page.

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "switchboard-drafts";
const VERSION: u32 = 1;
const FILES: &str = "files";

/// Waits for an IndexedDB request: its result, or `None` when it failed.
async fn finished(request: &IdbRequest) -> Option<JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let result = done.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::UNDEFINED, &result);
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::UNDEFINED);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.ok()
}

/// The drafts' database, its one store created on first use.
async fn open() -> Option<IdbDatabase> {
    let factory = web_sys::window()?.indexed_db().ok()??;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, VERSION).ok()?;
    let opening = request.clone();
    let upgrade = Closure::<dyn FnMut()>::new(move || {
        if let Some(db) = opening
            .result()
            .ok()
            .and_then(|db| db.dyn_into::<IdbDatabase>().ok())
        {
            if !db.object_store_names().contains(FILES) {
                let _ = db.create_object_store(FILES);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = finished(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into().ok()
}

/// Keeps `files` as the draft `key`'s; none removes the entry. Whether it was kept.
pub async fn save(key: &str, files: &[File]) -> bool {
    let Some(db) = open().await else {
        return false;
    };
    let Ok(store) = db
        .transaction_with_str_and_mode(FILES, IdbTransactionMode::Readwrite)
        .and_then(|tx| tx.object_store(FILES))
    else {
        return false;
    };
    let key = JsValue::from_str(key);
    let request = if files.is_empty() {
        store.delete(&key)
    } else {
        let list: Array = files.iter().collect();
        store.put_with_key(&list, &key)
    };
    let kept = match request {
        Ok(request) => finished(&request).await.is_some(),
        Err(_) => false,
    };
    db.close();
    kept
}

/// The files kept for the draft `key`; none when there are none or they cannot be read.
pub async fn load(key: &str) -> Vec<File> {
    let Some(db) = open().await else {
        return Vec::new();
    };
    let request = db
        .transaction_with_str(FILES)
        .and_then(|tx| tx.object_store(FILES))
        .and_then(|store| store.get(&JsValue::from_str(key)));
    let value = match request {
        Ok(request) => finished(&request).await,
        Err(_) => None,
    };
    db.close();
    value
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|list| {
            list.iter()
                .filter_map(|f| f.dyn_into::<File>().ok())
                .collect()
        })
        .unwrap_or_default()
}
