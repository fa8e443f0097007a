//! What the gateway counts, per upstream and route template, for Prometheus: calls (by
//! status), failures (by kind), latency, the breaker's state, answers shared instead of
//! asked again, and calls that waited on a vendor's `Retry-After`. Served as text on the
//! admin address (`[admin] address` in the backends' file), never on the console's.

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::time::Duration;

type Labels = Vec<(String, String)>;

fn latency_histogram() -> Histogram {
    // 5 ms to about 20 s.
    Histogram::new(exponential_buckets(0.005, 2.0, 13))
}

pub struct Metrics {
    registry: Registry,
    calls: Family<Labels, Counter>,
    failures: Family<Labels, Counter>,
    latency: Family<Labels, Histogram, fn() -> Histogram>,
    breaker: Family<Labels, Gauge>,
    shared: Family<Labels, Counter>,
    budget_waits: Family<Labels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("switchboard_upstream");
        let calls = Family::<Labels, Counter>::default();
        let failures = Family::<Labels, Counter>::default();
        let latency =
            Family::<Labels, Histogram, fn() -> Histogram>::new_with_constructor(latency_histogram);
        let breaker = Family::<Labels, Gauge>::default();
        let shared = Family::<Labels, Counter>::default();
        let budget_waits = Family::<Labels, Counter>::default();
        registry.register("calls", "Calls to a vendor's API, by status", calls.clone());
        registry.register(
            "failures",
            "Calls that got no answer or a 5xx, by kind",
            failures.clone(),
        );
        registry.register(
            "latency_seconds",
            "How long a vendor took to answer",
            latency.clone(),
        );
        registry.register(
            "breaker_state",
            "0 closed, 1 open (resting), 2 trying one call",
            breaker.clone(),
        );
        registry.register(
            "shared_answers",
            "Answers given from another agent's call, without asking the vendor",
            shared.clone(),
        );
        registry.register(
            "budget_waits",
            "Calls that waited for a vendor's Retry-After",
            budget_waits.clone(),
        );
        Metrics {
            registry,
            calls,
            failures,
            latency,
            breaker,
            shared,
            budget_waits,
        }
    }
}

fn labels(backend: &str, route: &str) -> Labels {
    vec![
        ("backend".to_owned(), backend.to_owned()),
        ("route".to_owned(), route.to_owned()),
    ]
}

impl Metrics {
    pub fn call(&self, backend: &str, route: &str, status: u16, took: Duration) {
        let mut with_status = labels(backend, route);
        with_status.push(("status".to_owned(), status.to_string()));
        self.calls.get_or_create(&with_status).inc();
        self.latency
            .get_or_create(&labels(backend, route))
            .observe(took.as_secs_f64());
    }

    pub fn failure(&self, backend: &str, route: &str, kind: &str) {
        let mut with_kind = labels(backend, route);
        with_kind.push(("kind".to_owned(), kind.to_owned()));
        self.failures.get_or_create(&with_kind).inc();
    }

    pub fn breaker(&self, backend: &str, state: i64) {
        let backend = vec![("backend".to_owned(), backend.to_owned())];
        self.breaker.get_or_create(&backend).set(state);
    }

    pub fn shared(&self, backend: &str, route: &str) {
        self.shared.get_or_create(&labels(backend, route)).inc();
    }

    pub fn budget_wait(&self, backend: &str, route: &str) {
        self.budget_waits
            .get_or_create(&labels(backend, route))
            .inc();
    }

    /// The text Prometheus scrapes.
    pub fn render(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut text, &self.registry);
        text
    }
}

/// `/discussions/{id}/messages` for `/discussions/8f3…/messages`: a segment with a digit
/// in it is an id, so the metrics' routes stay few whatever the ids.
pub fn route_template(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.chars().any(|c| c.is_ascii_digit()) {
                "{id}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::{route_template, Metrics};
    use std::time::Duration;

    #[test]
    fn ids_in_a_path_become_one_placeholder() {
        assert_eq!(
            route_template("/discussions/8f3a-11/messages"),
            "/discussions/{id}/messages"
        );
        assert_eq!(route_template("/tickets/open"), "/tickets/open");
    }

    #[test]
    fn the_text_names_each_upstream_and_route() {
        let metrics = Metrics::default();
        metrics.call("octopia", "/discussions", 200, Duration::from_millis(30));
        metrics.shared("octopia", "/discussions");
        metrics.breaker("octopia", 1);
        let text = metrics.render();
        assert!(text.contains("switchboard_upstream_calls_total{backend=\"octopia\",route=\"/discussions\",status=\"200\"} 1"), "{text}");
        assert!(
            text.contains("switchboard_upstream_shared_answers_total"),
            "{text}"
        );
        assert!(
            text.contains("switchboard_upstream_breaker_state{backend=\"octopia\"} 1"),
            "{text}"
        );
    }
}
