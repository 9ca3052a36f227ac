//! The chosen article: its text with each event's trigger highlighted (colour by type) and its
//! agent, target, place and time marked, and the list of its events. Choosing an event in the
//! list scrolls to and emphasises its sentence, and the other way round.

use std::sync::Arc;

use leptos::prelude::*;

use super::i18n;
use super::state::{Entry, use_state};
use crate::engine::{DateOrigin, Modality};
use crate::explore::{self, Lang, Role, count_label, event_sentence, modality_label, type_label};

/// The article pane (or an invitation to choose one).
#[component]
pub fn ArticleView() -> impl IntoView {
    let st = use_state();
    let article = Memo::new(move |_| st.view.with(|v| v.article.clone()));
    let entry = Memo::new(move |_| {
        let id = article.get()?;
        st.corpus
            .with(|c| c.position(&id).map(|p| (p, c.entries[p].clone())))
    });
    move || match (article.get(), entry.get()) {
        (None, _) => view! { <Intro /> }.into_any(),
        // Until the articles are loaded, none is « not found ».
        (Some(_), None) if !st.ready.get() => ().into_any(),
        (Some(id), None) => {
            let lang = st.lang();
            view! {
                <IntroPanel title=lang.pick("Article introuvable", "Article not found")>
                    <p>
                        {lang.pick("Aucun article n'a l'identifiant ", "No article has the id ")}
                        <code>{id}</code>
                        {lang
                            .pick(
                                ". Il a peut-être été retiré, ou collé sur un autre appareil.",
                                ". It may have been removed, or pasted on another device.",
                            )}
                    </p>
                </IntroPanel>
            }
            .into_any()
        }
        (Some(_), Some((pos, entry))) => view! { <ArticleBody pos entry /> }.into_any(),
    }
}

#[component]
fn Intro() -> impl IntoView {
    let st = use_state();
    move || {
        let lang = st.lang();
        view! {
            <IntroPanel title=lang.pick("Choisissez un article", "Choose an article")>
                <p>
                    {lang
                        .pick(
                            "Dépêche relève dans des dépêches en français les événements d'un conflit : qui a fait quoi, à qui, où, quand, combien, selon qui. Choisissez un article dans la liste pour lire son texte, où chaque événement est surligné, avec la liste de ses événements.",
                            "Dépêche finds the events of a conflict in French news dispatches: who did what to whom, where, when, how many, according to whom. Choose an article in the list to read its text, with each event highlighted, next to the list of its events.",
                        )}
                </p>
                <p>
                    {lang
                        .pick(
                            "Les filtres s'appliquent aux listes et aux comptes ; « Tous les événements » les montre dans un tableau. L'adresse de la page garde la vue : partagez-la.",
                            "Filters apply to the lists and the counts; « All events » shows them in one table. The page's address keeps the view: share it.",
                        )}
                </p>
                <Legend />
            </IntroPanel>
        }
    }
}

/// The main pane when no article is shown: a heading that takes the focus, then the message.
#[component]
fn IntroPanel(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="panel intro">
            <h2 id="article-title" tabindex="-1">
                {title}
            </h2>
            {children()}
        </section>
    }
}

/// The key to the marks in the text.
#[component]
fn Legend() -> impl IntoView {
    let st = use_state();
    move || {
        let lang = st.lang();
        let roles = [Role::Agent, Role::Target, Role::Place, Role::Time]
            .into_iter()
            .map(|r| {
                view! {
                    <li>
                        <span class=format!("role {}", role_class(r))>{i18n::role_label(r, lang)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="legend" aria-label=lang.pick("Légende", "Legend")>
                <li>
                    <span class="trg-key t-capture">{lang.pick("déclencheur", "trigger")}</span>
                </li>
                {roles}
                <li>
                    <span class="badge mod-planned">{modality_label(Modality::Planned, lang)}</span>
                </li>
            </ul>
        }
    }
}

fn role_class(r: Role) -> &'static str {
    match r {
        Role::Trigger => "trg",
        Role::Agent => "r-agent",
        Role::Target => "r-target",
        Role::Place => "r-place",
        Role::Time => "r-time",
    }
}

/// Selects an event and brings the other side (text or list) into view.
fn choose(doc: &str, i: usize, from_text: bool) {
    let st = use_state();
    st.selected.set(Some((doc.to_string(), i)));
    // From the text, the list follows only when it scrolls by itself (wide screens): on a
    // phone, where it is below the text, the page stays where the reader tapped.
    if from_text {
        super::scroll_to_id(&format!("li-{i}"), false);
    } else {
        super::scroll_to_id(&format!("ev-{i}"), true);
    }
}

#[component]
fn ArticleBody(pos: usize, entry: Entry) -> impl IntoView {
    let st = use_state();
    let doc = entry.doc.clone();
    let text = entry.text.clone();
    let doc_id = doc.id.clone();
    // The chosen event, if it belongs to this article.
    let sel = Memo::new(move |_| {
        st.selected
            .with(|s| s.as_ref().filter(|(a, _)| *a == doc_id).map(|(_, i)| *i))
    });
    // The events of this article that pass the filters (their indices in the document).
    let n_events = doc.events.len();
    let shown = Memo::new(move |_| {
        let filtered = st.filtered.get();
        st.corpus.with(|c| {
            filtered
                .iter()
                .map(|&i| &c.events[i])
                // (While the corpus changes under this view, stay within its document.)
                .filter(|e| e.doc == pos && e.index < n_events)
                .map(|e| e.index)
                .collect::<Vec<_>>()
        })
    });
    let header = {
        let doc = doc.clone();
        let title = entry.title.clone();
        let count = move || i18n::filtered_count(shown.with(Vec::len), n_events, st.lang());
        let mine = entry
            .user
            .then_some(move || super::articles::mine_badge(st.lang()));
        // A shipped article: where it was published, and how its date was established (three
        // of the texts print none), from the corpus manifest.
        let shipped = crate::corpus::ARTICLES
            .iter()
            .find(|a| !entry.user && a.id == doc.id)
            .map(|a| {
                let outlet = a.outlet.unwrap_or_default();
                let source = match a.url {
                    Some(url) => view! {
                        <a href=url rel="noopener noreferrer" target="_blank">
                            {if outlet.is_empty() { url } else { outlet }}
                        </a>
                    }
                    .into_any(),
                    None => view! { <span>{outlet}</span> }.into_any(),
                };
                view! {
                    <div class="a-meta shipped">
                        {source}
                        <details class="date-basis">
                            <summary>{move || st.lang().pick("Date : d'où vient-elle ?", "Date: where from?")}</summary>
                            <p lang="en">{a.date_basis}</p>
                        </details>
                    </div>
                }
            });
        // Your article's date, which its relative times are resolved against: correct it here.
        let redate = entry.user.then(|| {
            let id = doc.id.clone();
            let day = doc.date.clone().filter(|d| d.len() == 10).unwrap_or_default();
            view! {
                <label class="redate">
                    {move || st.lang().pick("Date de l'article", "Article's date")}
                    <input
                        type="date"
                        prop:value=day
                        on:change=move |ev| {
                            let d = event_target_value(&ev);
                            st.set_user_article_date(&id, Some(d.as_str()).filter(|d| explore::valid_date(d)));
                        }
                    />
                </label>
            }
        });
        view! {
            <header class="article-head">
                <h2 id="article-title" tabindex="-1">{title}</h2>
                <p class="a-meta">
                    {mine}
                    {doc.date.clone().map(|d| { let shown = d.clone(); view! { <time class="date" datetime=d>{shown}</time> } })}
                    <span class="n">{count}</span>
                    <code class="id">{doc.id.clone()}</code>
                    {redate}
                </p>
                {shipped}
                <Legend />
            </header>
        }
    };

    // The text's pieces and the list's items are keyed: a change of filter redraws only the
    // pieces whose marks change and adds or removes only the events that change; a change of
    // language draws them anew.
    let text_view = {
        let doc = doc.clone();
        let text = text.clone();
        move || {
            let lang = st.lang();
            let (doc, text) = (doc.clone(), text.clone());
            let pieces = {
                let (doc, text) = (doc.clone(), text.clone());
                move || shown.with(|s| explore::segments(&text, &doc.events, s))
            };
            view! {
                <For
                    each=pieces
                    key=|seg| seg.clone()
                    children=move |seg| render_segment(&text, &doc, seg, lang, sel)
                />
            }
        }
    };

    let list = {
        let doc = doc.clone();
        move || {
            let lang = st.lang();
            let doc = doc.clone();
            view! {
                <For
                    each=move || shown.get()
                    key=|&i| i
                    children=move |i| event_item(&doc, i, lang, sel)
                />
            }
        }
    };
    let no_event = {
        let none_at_all = doc.events.is_empty();
        move || {
            let lang = st.lang();
            shown.with(Vec::is_empty).then(|| {
                let msg = if none_at_all {
                    lang.pick(
                        "Aucun événement trouvé dans cet article.",
                        "No event found in this article.",
                    )
                } else {
                    lang.pick(
                        "Aucun événement de cet article ne passe les filtres.",
                        "No event of this article passes the filters.",
                    )
                };
                view! { <p class="empty">{msg}</p> }
            })
        }
    };

    let list_label = move || st.lang().pick("Événements", "Events");
    let text_label = move || st.lang().pick("Texte surligné", "Highlighted text");
    view! {
        <article class="article-view">
            {header}
            <div class="reader">
                <section class="text-pane" aria-label=text_label tabindex="0">
                    <div
                        class="text"
                        lang="fr"
                        on:pointerover=move |ev| place_tip(&ev)
                        on:focusin=move |ev| place_tip(&ev)
                    >
                        {text_view}
                    </div>
                </section>
                <section class="events-pane" aria-labelledby="events-h" tabindex="0">
                    <h3 id="events-h">{list_label}</h3>
                    <ol class="events" aria-label=list_label>
                        {list}
                    </ol>
                    {no_event}
                </section>
            </div>
        </article>
    }
}

fn render_segment(
    text: &Arc<str>,
    doc: &crate::engine::Document,
    seg: explore::Segment,
    lang: Lang,
    sel: Memo<Option<usize>>,
) -> AnyView {
    let piece = text[seg.start..seg.end].to_string();
    let sentence_of = seg.sentence_of.clone();
    let in_sentence = move || sel.get().is_some_and(|s| sentence_of.contains(&s));
    let doc_id = doc.id.clone();
    match seg.mark {
        None if seg.sentence_of.is_empty() => piece.into_any(),
        None => view! { <span class="s" class:sent-on=in_sentence>{piece}</span> }.into_any(),
        Some((i, Role::Trigger)) => {
            let e = &doc.events[i];
            let kind = e.kind;
            let tip = event_sentence(e, lang);
            let first = seg.start == e.trigger.start;
            let id = first.then(|| format!("ev-{i}"));
            let selected = move || sel.get() == Some(i);
            // The type's name after the trigger's last piece: drawn by the style sheet from this
            // attribute, so that the text (copied, read aloud, tested) stays the article's.
            let label = (seg.end == e.trigger.end).then(|| type_label(kind, lang));
            view! {
                <mark
                    id=id
                    class=format!("trg t-{} m-{}", kind.as_str(), e.modality.as_str())
                    class:sent-on=in_sentence
                    class:on=selected
                    data-type=kind.as_str()
                    data-label=label
                    data-tip=tip.clone()
                    aria-label=format!("{piece} : {tip}")
                    tabindex="0"
                    role="button"
                    on:click={
                        let d = doc_id.clone();
                        move |_| choose(&d, i, true)
                    }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            choose(&doc_id, i, true);
                        }
                    }
                >
                    {piece.clone()}
                </mark>
            }
            .into_any()
        }
        Some((i, role)) => {
            let title = format!(
                "{} — {}",
                i18n::role_label(role, lang),
                type_label(doc.events[i].kind, lang)
            );
            view! {
                <span
                    class=format!("role {}", role_class(role))
                    class:sent-on=in_sentence
                    class:own=move || sel.get() == Some(i)
                    title=title
                >
                    {piece}
                </span>
            }
            .into_any()
        }
    }
}

fn event_item(
    doc: &crate::engine::Document,
    i: usize,
    lang: Lang,
    sel: Memo<Option<usize>>,
) -> AnyView {
    let doc_id = doc.id.clone();
    let e = &doc.events[i];
    let kind = e.kind;
    let modality = e.modality;
    let selected = move || sel.get() == Some(i);
    let mod_badge = (modality != Modality::Asserted).then(|| {
        view! {
            <span class=format!("badge mod-{}", modality.as_str())>
                {modality_label(modality, lang)}
            </span>
        }
    });
    // Who did it to whom, as names: « agent → cible ».
    let (agent, target) = (
        explore::actors_label(&e.agent, lang, ", "),
        explore::actors_label(&e.target, lang, ", "),
    );
    let who = match (agent.is_empty(), target.is_empty()) {
        (true, true) => None,
        (false, true) => Some(view! { <strong>{agent}</strong> }.into_any()),
        (true, false) => Some(
            view! {
                {lang.pick("cible : ", "target: ")}
                <strong>{target}</strong>
            }
            .into_any(),
        ),
        (false, false) => Some(
            view! {
                <strong>{agent}</strong>
                <span class="arrow" aria-hidden="true">
                    " → "
                </span>
                <span class="sr-only">{lang.pick(" ; cible : ", "; target: ")}</span>
                <strong>{target}</strong>
            }
            .into_any(),
        ),
    };
    let who = who.map(|w| view! { <span class="ev-who">{w}</span> });
    let fact = |label: &'static str, value: String| {
        view! {
            <span>
                <span class="k">{label}</span>
                {value}
            </span>
        }
    };
    let place = (!e.location.is_empty()).then(|| {
        fact(
            lang.pick("lieu : ", "place: "),
            explore::places_label(&e.location),
        )
    });
    // The words of the text (« samedi »), then the date they name or the article's.
    let date = (e.time.is_some() || e.date.is_some()).then(|| {
        let words = e
            .time
            .as_ref()
            .filter(|t| e.date.as_ref().is_none_or(|d| !t.text.contains(&d.value)))
            .map(|t| t.text.clone());
        let date = super::when::event_date(e, lang);
        // « samedi (2017-10-21) », the date the words name; « récemment — 2017-11-09 (article) »,
        // words that name none, and the article's date.
        let from_text = e
            .date
            .as_ref()
            .is_some_and(|d| d.origin == DateOrigin::Text);
        let date = match (&words, date) {
            (Some(_), Some(d)) if from_text => view! { " (" {d} ")" }.into_any(),
            (Some(_), Some(d)) => view! { " — " {d} }.into_any(),
            (_, d) => d.into_any(),
        };
        view! {
            <span>
                <span class="k">{lang.pick("quand : ", "when: ")}</span>
                {words}
                {date}
            </span>
        }
    });
    let count = e
        .count
        .as_ref()
        .map(|c| fact(lang.pick("nombre : ", "count: "), count_label(c, lang)));
    let source = e.source.as_ref().map(|s| {
        fact(
            lang.pick("selon : ", "according to: "),
            explore::actor_label(s, lang),
        )
    });
    let trigger = e.trigger.text.clone();
    view! {
        <li
            id=format!("li-{i}")
            class=format!("event t-{} m-{}", kind.as_str(), modality.as_str())
            class:on=selected
            data-event-type=kind.as_str()
            data-modality=modality.as_str()
        >
            <button
                type="button"
                aria-pressed=move || selected().to_string()
                on:click=move |_| choose(&doc_id, i, false)
            >
                <span class="ev-head">
                    <span class=format!("badge t-{}", kind.as_str())>{type_label(kind, lang)}</span>
                    {mod_badge}
                    <span class="ev-trigger" lang="fr">
                        "« "
                        {trigger}
                        " »"
                    </span>
                </span>
                {who}
                <span class="ev-meta">{place} {date} {count} {source}</span>
            </button>
        </li>
    }
    .into_any()
}

/// Keeps the tip of a trigger (drawn by the style sheet under the mark, on hover or keyboard
/// focus) inside the text: no wider than the text, moved left as far as its right edge needs,
/// and above the mark when there is no room below it in the pane. Sets the mark's `--tip-max`,
/// `--tip-x` and `--tip-y`.
fn place_tip(ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let Some(mark) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("mark.trg").ok().flatten())
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(text) = mark.closest(".text").ok().flatten() else {
        return;
    };
    let style = mark.style();
    let bounds = text.get_bounding_client_rect();
    let _ = style.set_property(
        "--tip-max",
        &format!("{}px", explore::fixed(bounds.width(), 0)),
    );
    let _ = style.remove_property("--tip-x");
    let _ = style.remove_property("--tip-y");
    // The tip hangs from the mark's first line.
    let first = mark
        .get_client_rects()
        .get(0)
        .unwrap_or_else(|| mark.get_bounding_client_rect());
    // The tip as drawn now (it shows while the pointer is over the mark or it has the focus).
    let tip = window()
        .get_computed_style_with_pseudo_elt(&mark, "::before")
        .ok()
        .flatten();
    let px = |prop: &str| {
        tip.as_ref()
            .and_then(|t| t.get_property_value(prop).ok())
            .and_then(|v| Some(js_sys::parse_float(v.strip_suffix("px")?)))
            .filter(|w| w.is_finite())
    };
    let width = px("width").unwrap_or(bounds.width());
    let x = (bounds.right() - (first.left() + width))
        .min(0.0)
        .max(bounds.left() - first.left());
    if x < 0.0 {
        let _ = style.set_property("--tip-x", &format!("{}px", explore::fixed(x, 0)));
    }
    // Below the mark unless it would pass the bottom of the pane (or of the window) and there is
    // more room above.
    let height = px("height").unwrap_or(0.0);
    let pane_bottom = mark
        .closest(".text-pane")
        .ok()
        .flatten()
        .map(|p| p.get_bounding_client_rect().bottom())
        .unwrap_or(f64::INFINITY);
    let view_bottom = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    let bottom = pane_bottom.min(view_bottom);
    let gap = 8.0;
    let top = text
        .closest(".text-pane")
        .ok()
        .flatten()
        .map_or(0.0, |p| p.get_bounding_client_rect().top().max(0.0));
    if first.bottom() + gap + height > bottom && first.top() - gap - height >= top {
        let _ = style.set_property(
            "--tip-y",
            &format!(
                "calc(-100% - {}px - 0.7rem)",
                explore::fixed(first.height(), 0)
            ),
        );
    }
}
