use crate::{
    channel::Sender,
    graph::{
        AnySource, AnySubscriber, ReactiveNode, SourceSet, Subscriber,
        ToAnySubscriber,
    },
};
use or_poisoned::OrPoisoned;
use std::sync::{Arc, RwLock, Weak};

/// Handles internal subscription logic for effects.
#[derive(Debug)]
pub struct EffectInner {
    pub(crate) dirty: bool,
    pub(crate) observer: Sender,
    pub(crate) sources: SourceSet,
    /// This effect as its sources know it, so that it can leave them when dropped.
    pub(crate) me: Option<AnySubscriber>,
}

impl EffectInner {
    /// A new effect's state, which knows itself as its sources will know it.
    pub(crate) fn new_shared(
        observer: Sender,
        dirty: bool,
    ) -> Arc<RwLock<EffectInner>> {
        let inner = Arc::new(RwLock::new(EffectInner {
            dirty,
            observer,
            sources: SourceSet::new(),
            me: None,
        }));
        let me = inner.to_any_subscriber();
        inner.write().or_poisoned().me = Some(me);
        inner
    }
}

// Patched (Switchboard): a dropped effect leaves its sources. Upstream 0.2.16 leaves it in
// every source's subscriber set, where its allocation stays for as long as the source
// lives: a list that renders rows as it scrolls grew by about 1 KB per row.
impl Drop for EffectInner {
    fn drop(&mut self) {
        if let Some(me) = self.me.take() {
            self.sources.clear_sources(&me);
        }
    }
}

impl ToAnySubscriber for Arc<RwLock<EffectInner>> {
    fn to_any_subscriber(&self) -> AnySubscriber {
        AnySubscriber(
            Arc::as_ptr(self) as usize,
            Arc::downgrade(self) as Weak<dyn Subscriber + Send + Sync>,
        )
    }
}

impl ReactiveNode for RwLock<EffectInner> {
    fn mark_subscribers_check(&self) {}

    fn update_if_necessary(&self) -> bool {
        let mut guard = self.write().or_poisoned();

        if guard.dirty {
            guard.dirty = false;
            return true;
        }

        let sources = guard.sources.clone();

        drop(guard);

        sources
            .into_iter()
            .any(|source| source.update_if_necessary())
    }

    fn mark_check(&self) {
        self.write().or_poisoned().observer.notify()
    }

    fn mark_dirty(&self) {
        let mut lock = self.write().or_poisoned();
        lock.dirty = true;
        lock.observer.notify()
    }
}

impl Subscriber for RwLock<EffectInner> {
    fn add_source(&self, source: AnySource) {
        self.write().or_poisoned().sources.insert(source);
    }

    fn clear_sources(&self, subscriber: &AnySubscriber) {
        self.write().or_poisoned().sources.clear_sources(subscriber);
    }
}
