//! The form that changes one backend's policy (admins only): which hours count, the zone,
//! each weekday's hours, holidays, the time to answer and the alarm. It checks as the
//! server does before sending, each problem beside its field; what the server refuses
//! (a zone it does not know) is said in words, and nothing typed is lost.

use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::deadlines::put_policy;
use crate::i18n::{tr, use_i18n};
use crate::state::api_origin;
use leptos::prelude::*;
use switchboard_core::deadlines::form::{day_word, FormProblem, PolicyForm, WEEK};
use switchboard_core::deadlines::{BackendPolicy, Policy};

#[component]
pub fn PolicyEditor(
    kept: BackendPolicy,
    on_done: Callback<Option<BackendPolicy>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = RwSignal::new(PolicyForm::of(&kept.policy));
    let problems = RwSignal::new(Vec::<FormProblem>::new());
    let backend = StoredValue::new(kept.backend.clone());
    let origin = StoredValue::new(api_origin());
    let save = Action::new_local(move |policy: &Policy| {
        let (policy, origin, backend) = (policy.clone(), origin.get_value(), backend.get_value());
        async move { put_policy(&origin, &backend, &policy).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            on_done.run(Some(saved));
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.with(|f| f.read(i18n.lang())) {
            Ok(policy) => {
                problems.set(Vec::new());
                save.dispatch(policy);
            }
            Err(found) => problems.set(found),
        }
    };
    let id = move |field: &str| format!("policy-{}-{field}", backend.get_value());
    view! {
        <form class="saved-reply-editor" data-testid="deadline-policy-form" novalidate on:submit=on_submit>
            <fieldset>
                <legend>{tr(msg!("policy-form-clock"))}</legend>
                <label>
                    <input type="radio" name=id("clock") data-testid="policy-always"
                        prop:checked=move || form.with(|f| !f.business)
                        on:change=move |_| form.update(|f| f.business = false) />
                    " " {tr(msg!("policy-form-always"))}
                </label>
                <label>
                    <input type="radio" name=id("clock") data-testid="policy-business"
                        prop:checked=move || form.with(|f| f.business)
                        on:change=move |_| form.update(|f| f.business = true) />
                    " " {tr(msg!("policy-form-business"))}
                </label>
            </fieldset>
            <Show when=move || form.with(|f| f.business)>
                <Field form problems field="zone" label=tr(msg!("policy-form-zone"))
                    read=|f: &PolicyForm| f.zone.clone()
                    write=|f: &mut PolicyForm, v: String| f.zone = v />
                <p class="state-hint">{tr(msg!("policy-form-week-hint"))}</p>
                {WEEK.iter().enumerate().map(|(i, day)| view! {
                    <Field form problems field=day.to_string() label=Signal::derive(move || day_word(*day, i18n.lang()))
                        read=move |f: &PolicyForm| f.week[i].clone()
                        write=move |f: &mut PolicyForm, v: String| f.week[i] = v />
                }).collect_view()}
                <Field form problems field="holidays" label=tr(msg!("policy-form-holidays")) multiline=true
                    read=|f: &PolicyForm| f.holidays.clone()
                    write=|f: &mut PolicyForm, v: String| f.holidays = v />
            </Show>
            <Field form problems field="target" label=tr(msg!("policy-form-target"))
                read=|f: &PolicyForm| f.target_hours.clone()
                write=|f: &mut PolicyForm, v: String| f.target_hours = v />
            <Field form problems field="alarm" label=tr(msg!("policy-form-alarm"))
                read=|f: &PolicyForm| f.alarm_hours.clone()
                write=|f: &mut PolicyForm, v: String| f.alarm_hours = v />
            {move || match save.value().get() {
                Some(Err(error)) => Some(view! { <ErrorPanel error context=tr(msg!("policy-not-saved")) /> }),
                _ => None,
            }}
            <div class="saved-reply-actions">
                <button type="submit" class="button primary" data-testid="deadline-policy-save" disabled=move || save.pending().get()>
                    {tr(msg!("settings-deadlines-save"))}
                </button>
                <button type="button" class="button" data-testid="deadline-policy-cancel" on:click=move |_| on_done.run(None)>
                    {tr(msg!("settings-deadlines-cancel"))}
                </button>
            </div>
        </form>
    }
}

/// One labelled field of the form, its problem (if any) beside it.
#[component]
fn Field(
    form: RwSignal<PolicyForm>,
    problems: RwSignal<Vec<FormProblem>>,
    #[prop(into)] field: String,
    #[prop(into)] label: Signal<String>,
    read: impl Fn(&PolicyForm) -> String + Copy + Send + Sync + 'static,
    write: impl Fn(&mut PolicyForm, String) + Copy + Send + Sync + 'static,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let input_id = format!("policy-field-{field}");
    let problem_id = format!("{input_id}-problem");
    let problem = {
        let field = field.clone();
        Memo::new(move |_| {
            problems.with(|p| p.iter().find(|p| p.field == field).map(|p| p.said.clone()))
        })
    };
    let described = {
        let problem_id = problem_id.clone();
        move || problem.with(Option::is_some).then(|| problem_id.clone())
    };
    let invalid = move || problem.with(Option::is_some).then_some("true");
    let testid = format!("policy-{field}");
    let control = if multiline {
        view! {
            <textarea id=input_id.clone() data-testid=testid rows="3" aria-invalid=invalid aria-describedby=described
                prop:value=move || form.with(read)
                on:input=move |ev| form.update(|f| write(f, event_target_value(&ev)))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=input_id.clone() data-testid=testid type="text" aria-invalid=invalid aria-describedby=described
                prop:value=move || form.with(read)
                on:input=move |ev| form.update(|f| write(f, event_target_value(&ev))) />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=input_id>{label}</label>
            {control}
            {move || problem.get().map(|said| view! {
                <p class="field-error" id=problem_id.clone() data-testid="policy-problem">{said}</p>
            })}
        </div>
    }
}
