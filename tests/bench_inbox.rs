//! The inbox benchmark (not a test: it prints figures and asserts nothing about time).
//!
//! `cargo test --release -p switchboard --test bench_inbox -- --ignored --nocapture`
//! (after `scripts/build-console.sh dist --release`) seeds a reference server with ten
//! thousand communication conversations beside the other backends' demo data, and one
//! thread of 2,000 messages, then measures in headless Chromium: the time to the console's
//! first rows, the time per keystroke of the text filter, the time to open the long
//! thread, the time to scroll the loaded list a screen at a time, and the heap (JS and
//! wasm memory). Each measure is taken three times, and printed as its median, minimum and
//! maximum beside the same for a plain hand-written DOM page rendering the same rows in the
//! same browser (the limit), with the ratio of the medians. The harness is `e2e_support`.
#![cfg(not(target_arch = "wasm32"))]

mod e2e_support;

use e2e_support::*;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// Conversations seeded on the communication backend.
const CONVERSATIONS: usize = 10_000;
/// Messages of the long thread.
const LONG_THREAD: usize = 2_000;
/// Requests the seeding keeps in flight.
const SEEDERS: usize = 16;
/// What the filter benchmark types, one key at a time.
const TYPED: &str = "question 77";

/// Conversation `i` with one message; the last one created is the long thread.
async fn seed(h: Arc<Harness>) -> String {
    let started = Instant::now();
    let client = reqwest::Client::new();
    // Signed in once, before the seeders start: each asking at once would be sixteen
    // sign-ins in a moment, which the server's sign-in throttle refuses (429).
    h.api_cookie().await;
    let workers = (0..SEEDERS).map(|w| {
        let (h, client) = (h.clone(), client.clone());
        tokio::spawn(async move {
            for i in (w..CONVERSATIONS - 1).step_by(SEEDERS) {
                let created = h
                    .api_post_with(&client, "/communication/v1/conversations", conversation(i))
                    .await;
                let id = created["id"].as_str().expect("an id").to_owned();
                let text =
                    format!("Question {i} about trip TRIP-BENCH-{i:05}: is it still on time?");
                h.api_post_with(
                    &client,
                    &format!("/communication/v1/conversations/{id}/messages"),
                    json!({ "content": text }),
                )
                .await;
            }
        })
    });
    futures::future::join_all(workers).await;
    let long = h
        .api_post_with(
            &client,
            "/communication/v1/conversations",
            conversation(CONVERSATIONS - 1),
        )
        .await;
    let long = long["id"].as_str().expect("an id").to_owned();
    for i in 0..LONG_THREAD {
        let text =
            format!("Message {i} of the long thread: a sentence or two, as customers write them.");
        h.api_post_with(
            &client,
            &format!("/communication/v1/conversations/{long}/messages"),
            json!({ "content": text }),
        )
        .await;
    }
    println!(
        "seeded {CONVERSATIONS} conversations and a thread of {LONG_THREAD} messages in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    long
}

fn conversation(i: usize) -> Value {
    json!({
        "tripPublicationId": format!("pub-bench-{i}"),
        "tripReference": format!("TRIP-BENCH-{i:05}"),
        "establishmentId": "est-bench",
        "customerId": format!("customer{i}@bench.example"),
    })
}

/// Runs an async script (its last argument is the callback) and returns what it gives.
async fn measure(h: &Harness, script: &str, args: Vec<Value>) -> Value {
    h.driver
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("the measure ran: {e}"))
        .json()
        .clone()
}

/// Waits for a frame to be painted after a change: the change's cost, layout included.
const NEXT_FRAME: &str =
    "const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));";

/// The next task, after every microtask the page queued (Leptos runs its effects there),
/// then style and layout forced: the main thread's work for a change, without the wait
/// for the display's next frame that `frame` includes (a message port, not a timer, so
/// no clamping adds to it).
const AFTER_WORK: &str = "const worked = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = () => { document.body.offsetHeight; r(); }; c.port2.postMessage(null); });";

/// Scrolls the loaded list to its end again and again until nothing more comes.
const LOAD_ALL: &str = r#"
const done = arguments[arguments.length - 1];
const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  const scroller = document.querySelector("[data-testid='list-scroller']");
  for (let i = 0; i < 2000; i++) {
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await frame();
    const more = document.querySelector("[data-testid='load-more']");
    if (!more) break;
    if (more.disabled) { await new Promise(r => setTimeout(r, 20)); }
  }
  scroller.scrollTop = 0;
  scroller.dispatchEvent(new Event('scroll'));
  await frame();
  done(document.querySelector("[data-testid='inbox-count']").textContent);
})();
"#;

/// Types one key at a time into a field; the mean and the worst time to the next frame.
fn typing_script(field: &str) -> String {
    format!(
        r#"
const [typed, done] = arguments;
{NEXT_FRAME}
{AFTER_WORK}
(async () => {{
  const input = document.querySelector("{field}");
  const times = [];
  const work = [];
  for (const key of typed) {{
    const t0 = performance.now();
    input.value += key;
    input.dispatchEvent(new Event('input', {{ bubbles: true }}));
    await worked();
    work.push(performance.now() - t0);
    await frame();
    times.push(performance.now() - t0);
  }}
  const mean = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
  done({{ mean: mean(times), max: Math.max(...times), work: mean(work), work_max: Math.max(...work), each: work }});
}})();
"#
    )
}

/// Each key typed with its work in ms (`q 12.1, u 4.0, …`): where the worst one falls.
fn keystrokes_work(each: &Value) -> String {
    let work = each.as_array().map(Vec::as_slice).unwrap_or_default();
    TYPED
        .chars()
        .zip(work)
        .map(|(key, ms)| format!("{key:?} {:.1}", ms.as_f64().unwrap_or(f64::NAN)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Scrolls a box from top to bottom a screen at a time, one frame each.
fn scroll_script(scroller: &str) -> String {
    format!(
        r#"
const done = arguments[arguments.length - 1];
{NEXT_FRAME}
(async () => {{
  const box = document.querySelector("{scroller}");
  box.scrollTop = 0;
  await frame();
  const t0 = performance.now();
  let frames = 0;
  while (box.scrollTop + box.clientHeight < box.scrollHeight - 1 && frames < 5000) {{
    box.scrollTop += box.clientHeight;
    box.dispatchEvent(new Event('scroll'));
    await frame();
    frames++;
  }}
  done({{ ms: performance.now() - t0, frames }});
}})();
"#
    )
}

/// The plain page: the same rows as hand-written DOM, built at once, then the same
/// measures. Its data comes as an argument: only rendering is timed.
const PLAIN_PAGE: &str = r#"
const [rows, messages, typed, done] = arguments;
const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  document.body.innerHTML = '';
  const box = document.createElement('div');
  box.style.cssText = 'height: 600px; overflow-y: auto; font: 14px sans-serif';
  const input = document.createElement('input');
  document.body.append(input, box);
  let t0 = performance.now();
  const list = document.createElement('ul');
  for (const r of rows) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#' + r.key;
    const who = document.createElement('strong'); who.textContent = r.customer;
    const what = document.createElement('span'); what.textContent = ' ' + r.preview;
    a.append(who, what); li.append(a); list.append(li);
  }
  box.append(list);
  box.offsetHeight;
  await frame();
  const render = performance.now() - t0;
  const times = [];
  const work = [];
  const items = Array.from(list.children);
  const texts = rows.map(r => (r.customer + ' ' + r.preview).toLowerCase());
  for (const key of typed) {
    t0 = performance.now();
    input.value += key;
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    items.forEach((li, i) => { li.style.display = words.every(w => texts[i].includes(w)) ? '' : 'none'; });
    box.offsetHeight;
    work.push(performance.now() - t0);
    await frame();
    times.push(performance.now() - t0);
  }
  items.forEach(li => li.style.display = '');
  box.scrollTop = 0; await frame();
  t0 = performance.now();
  let frames = 0;
  while (box.scrollTop + box.clientHeight < box.scrollHeight - 1 && frames < 5000) {
    box.scrollTop += box.clientHeight; await frame(); frames++;
  }
  const scroll = performance.now() - t0;
  t0 = performance.now();
  const thread = document.createElement('ol');
  for (const m of messages) { const li = document.createElement('li'); li.textContent = m; thread.append(li); }
  document.body.append(thread);
  thread.offsetHeight;
  await frame();
  const open = performance.now() - t0;
  const mean = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
  done({ render, keystroke: { mean: mean(times), max: Math.max(...times), work: mean(work), work_max: Math.max(...work) },
         scroll: { ms: scroll, frames }, open, heap: performance.memory ? performance.memory.usedJSHeapSize : null });
})();
"#;

/// Picks a row, then all of the view (every row loaded: timed to the next frame), then
/// reopens them all with the bulk bar (they are open: nothing changes but the writes),
/// timing the run and watching the page's frames throughout.
const BULK: &str = r#"
const done = arguments[arguments.length - 1];
const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
const q = id => document.querySelector(`[data-testid='${id}']`);
(async () => {
  q('row-pick').click();
  while (!q('bulk-select-all')) { await frame(); }
  const t0 = performance.now();
  q('bulk-select-all').click();
  await frame();
  const select = performance.now() - t0;
  let worst = 0, last = performance.now(), running = true;
  const watch = () => { const now = performance.now(); worst = Math.max(worst, now - last); last = now; if (running) requestAnimationFrame(watch); };
  requestAnimationFrame(watch);
  const t1 = performance.now();
  q('bulk-reopen').click();
  const finished = () => q('bulk-progress') && !q('bulk-stop') && /done/.test(q('bulk-progress').textContent);
  while (!finished()) { await new Promise(r => setTimeout(r, 50)); }
  running = false;
  const seconds = (performance.now() - t1) / 1000;
  const said = q('bulk-progress').textContent;
  const written = Number((said.match(/(\d+) done/) || [0, 0])[1]);
  q('bulk-clear').click();
  await frame();
  done({ select, per_second: written / seconds, worst_frame: worst, said });
})();
"#;

/// The plain page's "select all": as many rows with a box each, all checked at once,
/// timed to the next frame.
const PLAIN_SELECT: &str = r#"
const [count, done] = arguments;
const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  const list = document.createElement('ul');
  for (let i = 0; i < count; i++) {
    const li = document.createElement('li');
    const box = document.createElement('input');
    box.type = 'checkbox';
    li.append(box, ` conversation ${i}`);
    list.append(li);
  }
  document.body.append(list);
  await frame();
  const t0 = performance.now();
  for (const box of list.querySelectorAll('input')) { box.checked = true; }
  await frame();
  done(performance.now() - t0);
})();
"#;

/// Opens the long thread from its row and waits until its messages show. Says where the
/// time went too: when the header showed, and each download the opening made (its path,
/// when it started and ended, from the click), from the browser's resource timings.
const OPEN_THREAD: &str = r#"
const [key, done] = arguments;
(async () => {
  const row = Array.from(document.querySelectorAll("[data-testid='conversation-row']"))
    .find(a => a.getAttribute('data-key') === key);
  // Loading every row filled the browser's buffer of timings (250 by default).
  performance.clearResourceTimings();
  const t0 = performance.now();
  row.click();
  let header = null;
  const shown = () => {
    const h = document.querySelector("[data-testid='conversation-customer']");
    if (h && header === null) header = performance.now() - t0;
    return h && document.querySelector("[data-testid='thread'] li");
  };
  while (!shown()) { await new Promise(r => requestAnimationFrame(r)); }
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const total = performance.now() - t0;
  const steps = performance.getEntriesByType('resource')
    .filter(e => e.startTime >= t0)
    .map(e => { const u = new URL(e.name); return [u.pathname + u.search, e.startTime - t0, e.responseEnd - t0]; });
  done({ total, header, steps });
})();
"#;

/// Where an opening's time went, one line: the header, then each download (from, to).
fn opening_steps(open: &Value) -> String {
    let mut said = format!("header shown at {:.0} ms", ms(&open["header"]));
    for step in open["steps"].as_array().into_iter().flatten() {
        let path = step[0].as_str().unwrap_or("?");
        let path: String = path.chars().take(70).collect();
        said.push_str(&format!(
            "; {path} {:.0}–{:.0} ms",
            ms(&step[1]),
            ms(&step[2])
        ));
    }
    said
}

fn ms(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// Each measure is taken this many times, console and plain page alike, in the same run.
const RUNS: usize = 3;

/// What one run measures, in [`MEASURES`]' order.
type Figures = [f64; 13];

/// Each measure's name and unit, as the table prints them.
const MEASURES: [(&str, &str); 13] = [
    ("first rows / full render", "ms"),
    ("keystroke, work (mean)", "ms"),
    ("keystroke, work (worst)", "ms"),
    ("keystroke, to frame (mean)", "ms"),
    ("keystroke, to frame (worst)", "ms"),
    ("open the long thread", "ms"),
    ("scroll, per screen", "ms"),
    ("heap (JS + wasm memory)", "MB"),
    ("  of which the JS heap", "MB"),
    ("  of which wasm memory", "MB"),
    ("select all, to frame", "ms"),
    ("bulk reopen, per second", "/s"),
    ("worst frame during bulk", "ms"),
];

/// The median, the minimum and the maximum of one measure over the runs.
fn spread(runs: &[Figures], measure: usize) -> (f64, f64, f64) {
    let mut values: Vec<f64> = runs.iter().map(|run| run[measure]).collect();
    values.sort_by(f64::total_cmp);
    let median = values.get(values.len() / 2).copied().unwrap_or(f64::NAN);
    let min = values.first().copied().unwrap_or(f64::NAN);
    let max = values.last().copied().unwrap_or(f64::NAN);
    (median, min, max)
}

fn table(console: &[Figures], plain: &[Figures]) {
    println!("| measure                      | console: median [min - max] | plain page: median [min - max] | ratio |");
    println!("|------------------------------|-----------------------------|--------------------------------|-------|");
    for (i, (what, unit)) in MEASURES.iter().enumerate() {
        let (c, c_min, c_max) = spread(console, i);
        let (p, p_min, p_max) = spread(plain, i);
        // The plain page has no wasm memory and makes no writes: no ratio.
        let ratio = if p > 0.0 {
            format!("{:>5.2}", c / p)
        } else {
            "    -".to_owned()
        };
        let plain = if p.is_nan() {
            format!("{:>30}", "-")
        } else {
            format!("{p:>9.1} {unit} [{p_min:>8.1} - {p_max:>8.1}]")
        };
        println!(
            "| {what:<28} | {c:>8.1} {unit} [{c_min:>7.1} - {c_max:>7.1}] | {plain} | {ratio} |"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run it with --ignored --nocapture"]
async fn inbox_benchmark() {
    let h = Arc::new(start().await);
    let long = seed(h.clone()).await;
    let long_key = format!("communication/{long}");

    // The console's wasm instance, kept as it starts, for its memory: Trunk's loader and the
    // split build's (scripts/split-console.sh) both announce it.
    h.sign_in_at("/").await;
    h.driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "addEventListener('TrunkApplicationStarted', e => { window.__wasm = e.detail.wasm; });" }),
        )
        .await
        .expect("CDP");
    // The bulk measure writes to every loaded conversation: longer than a script's default.
    h.driver
        .set_script_timeout(Duration::from_secs(600))
        .await
        .expect("a longer script timeout");
    let mut console = Vec::new();
    for run in 1..=RUNS {
        console.push(console_run(&h, &long_key, run).await);
    }
    for (run, figures) in console.iter_mut().enumerate() {
        bulk_run(&h, run + 1, figures).await;
    }

    // The plain page, with the same rows as the API gives them.
    let rows = plain_rows(&h).await;
    let messages: Vec<String> = (0..LONG_THREAD)
        .map(|i| {
            format!("Message {i} of the long thread: a sentence or two, as customers write them.")
        })
        .collect();
    let mut plain = Vec::new();
    for _ in 0..RUNS {
        plain.push(plain_run(&h, &rows, &messages).await);
    }

    println!(
        "\n{} rows, {RUNS} runs of each measure; the plain page renders all of them at once, the console only those on screen.",
        rows.len()
    );
    table(&console, &plain);
    println!("The console's first rows count from navigation (wasm download and start included); its first opening of a thread in a run includes starting the conversation's part (fetched already, once the inbox is up).");
    println!("keystroke: work is the main thread's, from the input event to its effects run and the layout done; to frame adds the wait for the display's next frame (one frame is 16.7 ms at 60 Hz), so it can never read under one frame.");
    println!("select all: from the click to the next frame, every row of the view picked (the console keeps \"all of the view\", the plain page checks each box); bulk reopen: the bar's writes over every loaded conversation, four at a time, each a read and a write, and the longest gap between two frames meanwhile.");
    println!("targets: first rows < 0.2 of the plain full render, keystroke < 16 ms (its work, to land on the next frame), long thread < 150 ms, heap < 3x the plain page's.");
}

/// The inbox, loaded afresh, once its first rows show.
async fn open_inbox(h: &Harness) {
    h.driver
        .goto(format!("{}/", h.base))
        .await
        .expect("the inbox");
    h.wait_for(By::Css("[data-testid='conversation-row']".to_owned()))
        .await;
}

/// One run of the console: loaded afresh at the inbox, every row loaded, the filter typed
/// into, the list scrolled, the long thread opened, the heap read.
async fn console_run(h: &Harness, long_key: &str, run: usize) -> Figures {
    open_inbox(h).await;
    let first_rows = measure(
        h,
        r#"const done = arguments[0];
           const poll = () => { const m = performance.getEntriesByName('switchboard:first-rows');
             if (m.length) done(m[0].startTime); else setTimeout(poll, 20); }; poll();"#,
        Vec::new(),
    )
    .await;
    let loading = Instant::now();
    let count = measure(h, LOAD_ALL, Vec::new()).await;
    println!(
        "run {run}: loaded {} in {:.1} s (each backend's pages, appended as the list scrolls)",
        count.as_str().unwrap_or("?"),
        loading.elapsed().as_secs_f64()
    );
    let keystroke = measure(h, &typing_script("#inbox-filter"), vec![json!(TYPED)]).await;
    println!(
        "run {run}: each keystroke's work: {}",
        keystrokes_work(&keystroke["each"])
    );
    // Cleared: the whole list again, for scrolling and opening.
    h.driver
        .execute(
            "const i = document.querySelector('#inbox-filter'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true }));",
            Vec::new(),
        )
        .await
        .expect("cleared");
    h.wait_for(By::Css(format!("[data-key='{long_key}']")))
        .await;
    let scroll = measure(
        h,
        &scroll_script("[data-testid='list-scroller']"),
        Vec::new(),
    )
    .await;
    h.driver
        .execute(
            "const s = document.querySelector(\"[data-testid='list-scroller']\"); s.scrollTop = 0; s.dispatchEvent(new Event('scroll'));",
            Vec::new(),
        )
        .await
        .expect("back to the top");
    h.wait_for(By::Css(format!("[data-key='{long_key}']")))
        .await;
    let open = measure(h, OPEN_THREAD, vec![json!(long_key)]).await;
    println!(
        "run {run}: the long thread opened in {:.1} ms: {}",
        ms(&open["total"]),
        opening_steps(&open)
    );
    let heap = measure(
        h,
        "arguments[0]([performance.memory ? performance.memory.usedJSHeapSize : 0, window.__wasm ? window.__wasm.memory.buffer.byteLength : 0]);",
        Vec::new(),
    )
    .await;
    let (js, wasm) = (ms(&heap[0]) / 1e6, ms(&heap[1]) / 1e6);
    [
        ms(&first_rows),
        ms(&keystroke["work"]),
        ms(&keystroke["work_max"]),
        ms(&keystroke["mean"]),
        ms(&keystroke["max"]),
        ms(&open["total"]),
        per_screen(&scroll),
        js + wasm,
        js,
        wasm,
        f64::NAN,
        f64::NAN,
        f64::NAN,
    ]
}

/// One run of the bulk bar, after the other measures (its writes move rows about): the
/// inbox loaded afresh and whole, all of it selected, and reopened.
async fn bulk_run(h: &Harness, run: usize, figures: &mut Figures) {
    open_inbox(h).await;
    measure(h, LOAD_ALL, Vec::new()).await;
    let bulk = measure(h, BULK, Vec::new()).await;
    println!("bulk run {run}: {}", bulk["said"].as_str().unwrap_or("?"));
    figures[10] = ms(&bulk["select"]);
    figures[11] = ms(&bulk["per_second"]);
    figures[12] = ms(&bulk["worst_frame"]);
}

/// One run of the plain page, on a blank page of its own.
async fn plain_run(h: &Harness, rows: &[Value], messages: &[String]) -> Figures {
    h.driver.goto("about:blank").await.expect("a blank page");
    let plain = measure(
        h,
        PLAIN_PAGE,
        vec![json!(rows), json!(messages), json!(TYPED)],
    )
    .await;
    let select = measure(h, PLAIN_SELECT, vec![json!(rows.len())]).await;
    [
        ms(&plain["render"]),
        ms(&plain["keystroke"]["work"]),
        ms(&plain["keystroke"]["work_max"]),
        ms(&plain["keystroke"]["mean"]),
        ms(&plain["keystroke"]["max"]),
        ms(&plain["open"]),
        per_screen(&plain["scroll"]),
        ms(&plain["heap"]) / 1e6,
        ms(&plain["heap"]) / 1e6,
        0.0,
        ms(&select),
        // Writes have no plain page: the bulk bar is the console's own.
        f64::NAN,
        f64::NAN,
    ]
}

fn per_screen(scroll: &Value) -> f64 {
    ms(&scroll["ms"]) / scroll["frames"].as_f64().unwrap_or(f64::NAN)
}

/// Every communication conversation as the plain page shows it: key, customer, preview.
async fn plain_rows(h: &Harness) -> Vec<Value> {
    let mut rows = Vec::new();
    for page in 1.. {
        let body = h
            .api_json(&format!(
                "/communication/v1/conversations?currentPage={page}&sizePage=100"
            ))
            .await;
        let content = body["content"].as_array().cloned().unwrap_or_default();
        if content.is_empty() {
            break;
        }
        for c in content {
            rows.push(json!({
                "key": format!("communication/{}", c["id"].as_str().unwrap_or_default()),
                "customer": c["customerId"],
                "preview": c["tripReference"],
            }));
        }
    }
    rows
}
