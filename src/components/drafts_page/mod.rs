//! The drafts page: every draft of this namespace with its organ, year, structure, last
//! change and completeness; new, open, rename, copy (optionally a year on), export, delete
//! with undo; backup files of all drafts, and importing one without silent overwrites.

use leptos::prelude::*;

use super::editor::{Editor, OpenRequest, View};
use crate::model::persisted::{encode, StoredDraft};
use crate::model::step;
use crate::model::template::{builtin_templates, template_or_default};
use crate::storage::backup::{encode_bundle, parse_backup};
use crate::storage::browser::BrowserStore;
use crate::storage::{new_draft_id, DraftRepository};
use crate::web;

pub type Repo = StoredValue<DraftRepository<BrowserStore>>;

fn display_name(s: &StoredDraft) -> String {
    let d = &s.draft;
    if !d.name.trim().is_empty() {
        return d.name.clone();
    }
    let title = d.title(template_or_default(&d.template));
    if title.trim().is_empty() {
        "未命名草稿".into()
    } else {
        title
    }
}

fn local_date_time(ms: f64) -> String {
    if ms <= 0.0 {
        return "—".into();
    }
    let d = js_sys::Date::new(&ms.into());
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[component]
pub fn DraftsPage() -> impl IntoView {
    let editor = Editor::use_context();
    let repo = expect_context::<Repo>();
    let refresh = RwSignal::new(0u32);
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let undo: RwSignal<Option<(String, String, String)>> = RwSignal::new(None); // id, raw, name
    let drafts = Memo::new(move |_| {
        refresh.track();
        editor.save.track();
        repo.with_value(|r| r.list()).unwrap_or_default()
    });
    let say = move |text: String| {
        error.set(String::new());
        message.set(text);
    };
    let fail = move |text: String| {
        message.set(String::new());
        error.set(text);
    };
    let save_copy = move |mut copy: StoredDraft| {
        copy.id = new_draft_id(web::now_ms(), web::random());
        copy.revision = 1;
        copy.saved_at = web::now_ms();
        match repo.with_value(|r| {
            r.save(&copy)
                .and_then(|_| r.set_current(&editor.draft_id.get_untracked()))
        }) {
            Ok(()) => {
                refresh.update(|n| *n += 1);
                true
            }
            Err(e) => {
                fail(format!(
                    "保存副本失败：{}",
                    crate::storage::save_state::SaveState::Failed(e).message()
                ));
                false
            }
        }
    };
    let new_template = RwSignal::new(crate::model::template::DEFAULT_TEMPLATE_ID.to_string());
    let file_input = NodeRef::<leptos::html::Input>::new();
    let import_file = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => return fail(format!("无法读取文件“{name}”。")),
            };
            match parse_backup(&text) {
                Err(e) => fail(format!("“{name}”{}", e.message())),
                Ok(list) => {
                    let (mut replaced, mut added) = (0, 0);
                    for mut d in list {
                        let exists = repo.with_value(|r| r.exists(&d.id)).unwrap_or(false);
                        if exists {
                            let question = format!("草稿“{}”已存在。\n确定：用文件中的版本替换本机的版本。\n取消：两份都保留（导入为新草稿）。", display_name(&d));
                            let replace = web_sys::window()
                                .and_then(|w| w.confirm_with_message(&question).ok())
                                .unwrap_or(false);
                            if replace {
                                // Keep the revision ahead of the local one, so open tabs see a newer version.
                                let local = repo.with_value(|r| r.load(&d.id, web::now_ms())).ok();
                                if let Some(crate::storage::LoadOutcome::Restored(l)) = local {
                                    d.revision = d.revision.max(l.revision + 1);
                                }
                                replaced += 1;
                            } else {
                                d.id = new_draft_id(web::now_ms(), web::random());
                                d.draft.name = format!("{}（导入）", display_name(&d));
                                added += 1;
                            }
                        } else {
                            added += 1;
                        }
                        if let Err(e) = repo.with_value(|r| r.save(&d)) {
                            return fail(
                                crate::storage::save_state::SaveState::Failed(e).message(),
                            );
                        }
                        let _ =
                            repo.with_value(|r| r.set_current(&editor.draft_id.get_untracked()));
                        if d.id == editor.draft_id.get_untracked() {
                            editor
                                .open_request
                                .set(Some(OpenRequest::Reload(d.id.clone())));
                        }
                    }
                    refresh.update(|n| *n += 1);
                    say(format!(
                        "已从“{name}”导入：新增 {added} 份，替换 {replaced} 份。"
                    ));
                }
            }
            if let Some(input) = file_input.get_untracked() {
                input.set_value("");
            }
        });
    };
    let export_all = move |_| {
        let list = drafts.get_untracked();
        if web::download(
            "法治政府建设报告-全部草稿备份.json",
            "application/json",
            &encode_bundle(&list),
        )
        .is_ok()
        {
            say(format!("已下载全部 {} 份草稿的备份文件。", list.len()));
        }
    };

    view! {
        <section class="drafts-page" aria-labelledby="drafts-title">
            <div class="drafts-head">
                <h2 id="drafts-title" tabindex="-1">"我的草稿"</h2>
                <button type="button" on:click=move |_| editor.view.set(View::Editor)>"← 返回正在编辑的草稿"</button>
            </div>
            <div class="drafts-actions">
                <label for="f-new-template">"新建草稿的结构"</label>
                <select id="f-new-template" on:change=move |ev| new_template.set(event_target_value(&ev))>
                    {builtin_templates().iter().map(|t| view! { <option value=t.id.clone()>{t.name.clone()}</option> }).collect_view()}
                </select>
                <button type="button" class="primary" on:click=move |_| editor.open_request.set(Some(OpenRequest::New(new_template.get_untracked())))>"＋ 新建草稿"</button>
                <span class="spacer"></span>
                <label class="file-button">
                    "导入备份文件…"
                    <input type="file" accept=".json,application/json" node_ref=file_input on:change=import_file />
                </label>
                <button type="button" on:click=export_all>"导出全部草稿"</button>
            </div>
            <p class="drafts-message" role="status" aria-live="polite">{move || message.get()}</p>
            <p class="drafts-error" role="alert">{move || error.get()}</p>
            {move || undo.get().map(|(id, raw, name)| view! {
                <div class="notice">
                    {format!("已删除草稿“{name}”。")}
                    <button type="button" on:click=move |_| {
                        let _ = repo.with_value(|r| r.restore(&id, &raw));
                        undo.set(None);
                        refresh.update(|n| *n += 1);
                    }>"撤销"</button>
                </div>
            })}
            <table class="drafts">
                <thead><tr><th>"名称"</th><th>"发文机关"</th><th>"年度"</th><th>"结构"</th><th>"最后修改"</th><th>"完成度"</th><th>"操作"</th></tr></thead>
                <tbody>
                    <For each=move || drafts.get() key=|s| (s.id.clone(), s.revision, s.saved_at.to_bits()) children=move |s| {
                        let id = s.id.clone();
                        let template = template_or_default(&s.draft.template);
                        let (done, total) = step::completeness(template, &s.draft);
                        let current = id == editor.draft_id.get_untracked();
                        let name = display_name(&s);
                        let (id_open, id_del, s_copy, s_next, s_export, s_rename) = (id.clone(), id.clone(), s.clone(), s.clone(), s.clone(), s.clone());
                        let name_del = name.clone();
                        view! {
                            <tr class:current=current>
                                <td>
                                    <label class="visually-hidden" for=format!("f-name-{id}")>"草稿名称"</label>
                                    <input id=format!("f-name-{id}") class="name" value=s.draft.name.clone() placeholder=name.clone()
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            if s_rename.id == editor.draft_id.get_untracked() {
                                                editor.edit(|d| d.name = v);
                                            } else {
                                                let mut d = s_rename.clone();
                                                d.draft.name = v;
                                                d.revision += 1;
                                                let _ = repo.with_value(|r| r.save(&d).and_then(|_| r.set_current(&editor.draft_id.get_untracked())));
                                                refresh.update(|n| *n += 1);
                                            }
                                        } />
                                    {current.then(|| view! { <span class="tag">"正在编辑"</span> })}
                                </td>
                                <td>{s.draft.header.organ.clone()}</td>
                                <td>{s.draft.header.year.clone()}</td>
                                <td>{template.name.clone()}</td>
                                <td>{local_date_time(s.saved_at)}</td>
                                <td><meter min="0" max=total.to_string() value=done.to_string()></meter>{format!(" {done}/{total}")}</td>
                                <td class="actions-cell"><div class="row-actions">
                                    <button type="button" disabled=current on:click=move |_| editor.open_request.set(Some(OpenRequest::Open(id_open.clone())))
                                        aria-label=format!("打开：{name}")>"打开"</button>
                                    <button type="button" on:click=move |_| {
                                        let mut c = s_copy.clone();
                                        c.draft.name = format!("{}（副本）", display_name(&s_copy));
                                        if save_copy(c) { say("已复制为新草稿。".into()); }
                                    } aria-label=format!("复制：{name}")>"复制"</button>
                                    <button type="button" on:click=move |_| {
                                        let mut c = s_next.clone();
                                        if c.draft.advance_year() {
                                            c.draft.name = String::new();
                                            if save_copy(c) { say("已复制并前移一年，可作为新一年报告的起点。".into()); }
                                        } else {
                                            fail("这份草稿还没有报告年度，无法前移。".into());
                                        }
                                    } aria-label=format!("复制并前移一年：{name}")>"复制为下一年"</button>
                                    <button type="button" on:click=move |_| {
                                        let file = web::safe_file_name(&format!("{}-草稿备份", display_name(&s_export)), "json");
                                        let _ = web::download(&file, "application/json", &encode(&s_export));
                                    } aria-label=format!("导出：{name}")>"导出"</button>
                                    <button type="button" class="danger" disabled=current on:click=move |_| {
                                        if let Ok(Some(raw)) = repo.with_value(|r| r.delete(&id_del)) {
                                            undo.set(Some((id_del.clone(), raw, name_del.clone())));
                                            refresh.update(|n| *n += 1);
                                        }
                                    } aria-label=format!("删除：{name}")>"删除"</button>
                                </div></td>
                            </tr>
                        }
                    } />
                </tbody>
            </table>
            {move || drafts.with(|d| d.is_empty()).then(|| view! { <p class="empty">"还没有保存的草稿。开始填写后会自动保存。"</p> })}
        </section>
    }
}
