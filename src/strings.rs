//! Every user-facing Chinese string that the Rust code emits, in one place for review.
//! (Template guidance lives in `templates/*.json`.)

pub const APP_NAME: &str = "法治政府建设年度报告";
pub const APP_SUBTITLE: &str = "起草向导";

pub const STEP_HEADER: &str = "文头";
pub const STEP_OPENING: &str = "开头段";
pub const STEP_CLOSING: &str = "落款";
pub const STEP_OUTPUT: &str = "生成报告";
pub const UNTITLED_SUBSECTION: &str = "（未命名小节）";

pub const STATUS_EMPTY: &str = "未填写";
pub const STATUS_STARTED: &str = "填写中";
pub const STATUS_DONE: &str = "已完成";

pub const LABEL_ORGAN: &str = "发文机关";
pub const LABEL_YEAR: &str = "报告年度";
pub const LABEL_DOC_AGENCY: &str = "机关代字";
pub const LABEL_DOC_YEAR: &str = "发文年份";
pub const LABEL_DOC_SERIAL: &str = "序号";
pub const LABEL_TITLE: &str = "标题";
pub const LABEL_OPENING: &str = "开头段";
pub const LABEL_LEAD: &str = "引言段";
pub const LABEL_SUBSECTION_TITLE: &str = "小节标题";
pub const LABEL_ITEM_LEAD: &str = "要点（一句话概括）";
pub const LABEL_ITEM_DETAIL: &str = "具体内容";
pub const LABEL_SIGNATURE: &str = "署名";
pub const LABEL_DATE: &str = "成文日期";
pub const LABEL_NOTE: &str = "附注";
pub const LABEL_INDENT: &str = "段首缩进两字、落款右对齐（公文排版）";
pub const LABEL_BOLD_LEADS: &str = "条目首句加粗（如“一是加强组织领导。”）";

pub const HINT_DERIVED_TITLE: &str = "留空则自动生成：";
pub const HINT_DERIVED_SIGNATURE: &str = "留空则与发文机关相同";
pub const HINT_DOC_YEAR: &str = "留空则为报告年度的下一年";
pub const HINT_SERIAL: &str = "只填数字，不编虚位";
pub const HINT_YEAR_INVALID: &str = "请填写四位数字年份，如 2022";
pub const HINT_NO_NUMBERS: &str = "编号由工具自动生成，不要输入“一是”“（一）”等。";

pub const BTN_PREV: &str = "上一步";
pub const BTN_NEXT: &str = "下一步";
pub const BTN_ADD_ITEM: &str = "添加一条";
pub const BTN_ADD_SUBSECTION: &str = "添加小节";
pub const BTN_MOVE_UP: &str = "上移";
pub const BTN_MOVE_DOWN: &str = "下移";
pub const BTN_REMOVE: &str = "删除";
pub const BTN_UNDO: &str = "撤销";
pub const BTN_EDIT: &str = "编辑";
pub const BTN_COPY: &str = "复制全文";
pub const BTN_DOWNLOAD_TXT: &str = "下载 .txt 文本";
pub const BTN_SAVE_BACKUP: &str = "下载草稿备份";
pub const BTN_DOWNLOAD_DOCX: &str = "下载 Word 文档（.docx）";
pub const BTN_PRINT: &str = "打印 / 另存为 PDF（A4 公文版式）";
pub const BTN_RESET_TITLE: &str = "恢复自动标题";

pub const HEAD_GUIDE: &str = "写作要点";
pub const HEAD_EXAMPLE: &str = "示例（摘自张家港市科学技术局2022年度报告）";
pub const HEAD_PREVIEW: &str = "全文预览";
pub const PREVIEW_EMPTY: &str = "开始填写后，这里会显示报告全文。";
pub const HEAD_SUGGESTED: &str = "常见板块（点击加入）";
pub const HEAD_SUBSECTIONS: &str = "小节";
pub const HEAD_ITEMS: &str = "条目";

pub const SAVE_PENDING: &str = "正在保存…";
pub const SAVE_SAVED_AT: &str = "已自动保存";
pub const SAVE_NEVER: &str = "尚未保存（输入后自动保存到本机浏览器）";
pub const SAVE_RESTORED: &str = "已恢复上次的草稿";
pub const SAVE_FAILED_QUOTA: &str = "保存失败：浏览器存储空间已满。您输入的内容仍在页面中，请点击右侧“下载草稿备份”保存到文件，再清理浏览器存储。";
pub const SAVE_FAILED_UNAVAILABLE: &str = "无法保存：此浏览器禁用了本地存储（可能处于隐私/无痕模式）。您输入的内容仍在页面中，关闭前请点击右侧“下载草稿备份”。";
pub const SAVE_FAILED_OTHER: &str = "保存失败：";
// The top bar's short forms (the notice under it says the whole sentence).
pub const SAVE_FAILED_QUOTA_SHORT: &str = "保存失败：存储空间已满";
pub const SAVE_FAILED_UNAVAILABLE_SHORT: &str = "无法保存：浏览器禁用了本地存储";
pub const STORE_FAILED_OTHER_SHORT: &str = "保存失败：本地存储出错";
pub const SAVE_CONFLICT: &str = "暂停保存：此草稿已在另一个标签页中修改。请在上方选择保留哪一份。";
pub const CONFLICT_NOTICE: &str =
    "此草稿刚在另一个标签页（或窗口）中被修改。为免互相覆盖，本页已暂停保存。请选择：";
pub const BTN_TAKE_THEIRS: &str = "载入另一处的版本（先下载本页内容备份）";
pub const BTN_KEEP_MINE: &str = "保留本页的版本（覆盖另一处）";
pub const SYNCED_FROM_OTHER_TAB: &str = "已载入另一个标签页中保存的最新内容。";
pub const LOAD_CORRUPT: &str = "本机保存的草稿无法读取（数据损坏或由更新版本的工具写入），已原样另存，未被覆盖。已为您新建空白草稿。";
pub const UNLOAD_WARNING: &str = "草稿未能保存到浏览器，离开将丢失改动。";

pub const COPY_DONE: &str = "已复制到剪贴板，可粘贴到 WPS 或 Word。";
pub const COPY_FAILED: &str =
    "复制失败：浏览器不允许访问剪贴板。请在下方文本框中全选（Ctrl+A）后复制（Ctrl+C）。";
pub const DOWNLOAD_DONE: &str = "已下载 .txt 文件（UTF-8 编码，Windows 记事本和 WPS 可直接打开）。";
pub const BACKUP_DONE: &str = "已下载草稿备份文件（.json）。";
pub const DOWNLOAD_FAILED: &str = "下载失败，请改用“复制全文”。";
pub const PRINT_OPENED: &str = "已在新窗口打开 A4 打印版式：按 Ctrl+P 打印，或选择“另存为 PDF”。";
pub const PRINT_BLOCKED: &str = "浏览器拦截了新窗口：请允许本页面打开弹出窗口后再试。";
pub const HEAD_OUTPUT_LAID: &str = "公文版式（GB/T 9704—2012）";
pub const HINT_OUTPUT_LAID: &str = "A4 纸，版心 156 × 225 毫米，每页 22 行、每行 28 字；标题 2 号小标宋，正文 3 号仿宋，一级标题黑体、二级标题楷体；页码“— 1 —”单页居右、双页居左。打印版式与 Word 文档的行距、每行字数、孤行控制、标题与下文同页的规则相同，用 LibreOffice 打开 Word 文档时分页一致；Word、WPS 默认允许行末标点伸出版心，中西文之间的留空也略有不同，个别行可能相差一字，分页偶有不同。";
pub const HEAD_OUTPUT_TEXT: &str = "纯文本";
pub const LABEL_OUTPUT: &str = "报告全文（只读，可全选复制）";

/// What the .docx download produced.
pub fn docx_done(file_name: &str, kilobytes: usize, bold_leads: bool, extras: &str) -> String {
    let bold = if bold_leads {
        "，条目首句加粗"
    } else {
        ""
    };
    format!("已下载 Word 文档（{file_name}，{kilobytes} KB）：A4 纸，GB/T 9704 公文版式{bold}{extras}。用 WPS 或 Word 打开即可核对、打印。")
}

pub const COUNT_UNIT: &str = "字";
pub const COUNT_TOTAL: &str = "全文";

pub const IMPORT_SUMMARY: &str = "从去年的报告开始：粘贴全文导入";
pub const IMPORT_HELP: &str = "把去年报告的全文（从网页、PDF、Word 或 WPS 复制）粘贴到下面，或选择去年的 Word（.docx）、文本（.txt）文件。工具会识别文头、开头段、一、（一）1. 一是等层次、落款和附注，按原文的编号方式填入各步骤；网页上的来源、发布时间等信息会去掉并列出，分页造成的断行会自动接上；无法归类的内容会暂存，不会丢失。";
pub const LABEL_IMPORT: &str = "粘贴报告全文";
pub const BTN_IMPORT: &str = "导入";
pub const BTN_ADVANCE_YEAR: &str = "年份前移一年（沿用去年的报告）";
pub const IMPORT_CONFIRM: &str =
    "导入会替换当前草稿的全部内容。当前内容可先在“生成报告”一步下载备份。确定导入吗？";
pub const IMPORT_EMPTY: &str = "请先粘贴报告全文。";
pub const LABEL_HOLDING: &str = "导入时未能归类的内容（不会出现在报告中，请移到合适位置后清空）";
pub const BTN_CLEAR_HOLDING: &str = "清空暂存内容";

pub fn imported(structure: &str, filled_steps: usize, held: usize) -> String {
    if held == 0 {
        format!("已导入（识别为“{structure}”）：{filled_steps} 个步骤已填入内容。请逐步核对，需要时点“年份前移一年”。")
    } else {
        format!("已导入（识别为“{structure}”）：{filled_steps} 个步骤已填入内容；另有 {held} 段未能归类，暂存在“生成报告”一步。")
    }
}

pub const HEAD_STRUCTURE: &str = "报告结构";

pub fn switched(structure: &str, held: usize) -> String {
    if held == 0 {
        format!("已切换为“{structure}”，原有内容均已移入对应部分。")
    } else {
        format!("已切换为“{structure}”；有 {held} 段内容在新结构中没有对应位置，暂存在“生成报告”一步，未丢失。")
    }
}

pub fn removed_item(what: &str) -> String {
    format!("已删除{what}。")
}

// The drafts page (我的草稿).
pub const HEAD_DRAFTS: &str = "我的草稿";
pub const BTN_BACK_TO_EDITOR: &str = "← 返回正在编辑的草稿";
pub const LABEL_NEW_TEMPLATE: &str = "新建草稿的结构";
pub const BTN_NEW_DRAFT: &str = "＋ 新建草稿";
pub const BTN_IMPORT_BACKUP: &str = "导入备份文件…";
pub const BTN_EXPORT_ALL: &str = "导出全部草稿";
pub const DRAFTS_COLUMNS: [&str; 7] = [
    "名称",
    "发文机关",
    "年度",
    "结构",
    "最后修改",
    "完成度",
    "操作",
];
pub const LABEL_DRAFT_NAME: &str = "草稿名称";
pub const TAG_CURRENT: &str = "正在编辑";
pub const BTN_OPEN: &str = "打开";
pub const BTN_COPY_DRAFT: &str = "复制";
pub const LABEL_COPY_NEXT_YEAR: &str = "复制并前移一年";
pub const BTN_EXPORT: &str = "导出";
pub const DRAFTS_EMPTY: &str = "还没有保存的草稿。开始填写后会自动保存。";
pub const DRAFT_UNNAMED: &str = "未命名草稿";
pub const COPIED: &str = "已复制为新草稿。";
pub const COPIED_NEXT_YEAR: &str = "已复制并前移一年，可作为新一年报告的起点。";
pub const NO_YEAR_TO_ADVANCE: &str = "这份草稿还没有报告年度，无法前移。";
pub const FILE_ALL_BACKUPS: &str = "法治政府建设报告-全部草稿备份.json";

pub fn copy_failed(reason: &str) -> String {
    format!("保存副本失败：{reason}")
}
pub fn file_unreadable(name: &str) -> String {
    format!("无法读取文件“{name}”。")
}
pub fn import_replace_question(draft: &str) -> String {
    format!("草稿“{draft}”已存在。\n确定：用文件中的版本替换本机的版本。\n取消：两份都保留（导入为新草稿）。")
}
pub fn imported_copy_name(draft: &str) -> String {
    format!("{draft}（导入）")
}
pub fn copy_name(draft: &str) -> String {
    format!("{draft}（副本）")
}
pub fn import_done(file: &str, added: usize, replaced: usize) -> String {
    format!("已从“{file}”导入：新增 {added} 份，替换 {replaced} 份。")
}
pub fn all_backups_done(count: usize) -> String {
    format!("已下载全部 {count} 份草稿的备份文件。")
}
pub fn draft_deleted(name: &str) -> String {
    format!("已删除草稿“{name}”。")
}
/// File name (without extension) of one draft's backup.
pub fn backup_file_stem(draft: &str) -> String {
    format!("{draft}-草稿备份")
}

// The checks panel (交稿前检查).
pub const HEAD_CHECKS: &str = "交稿前检查";
pub const HEAD_STATUTORY: &str = "规定必须报告的内容";
pub const HEAD_WRITING: &str = "格式与写作";
pub const STATUTORY_COVERED: &str = "已写到";
pub const STATUTORY_OPTIONAL: &str = "可选";
pub const STATUTORY_MISSING: &str = "未写到";
pub const BTN_VIEW: &str = "查看";
pub const BTN_GO_FILL: &str = "去填写";
pub const BTN_LOCATE: &str = "定位";
pub const BTN_FIX: &str = "一键补上";
pub const LABEL_STEP_FINDINGS: &str = "本步检查结果";
pub const ALL_CLEAR: &str = "没有发现问题。";

// The editor's frame, notices and forms.
pub const BTN_BACK: &str = "返回编辑";
pub const NEW_DRAFT_TITLE: &str = "新报告草稿";
pub const DRAFT_UNREADABLE_NOT_OPENED: &str = "这份草稿无法读取，已另存，未打开。";
pub const DRAFT_CREATED: &str = "已新建草稿。";
pub const FILE_REPLACED_DRAFT: &str = "本页被替换前的草稿.json";
pub const FILE_UNREADABLE_DRAFT: &str = "无法读取的草稿.json";
pub const BTN_DOWNLOAD_UNREADABLE: &str = "下载无法读取的原始数据";
pub const LABEL_CLOSE_NOTICE: &str = "关闭提示";
pub const LABEL_STEPPER: &str = "报告各部分";
pub const LABEL_STEP_NAV: &str = "上一步 / 下一步";
pub const LABEL_DOC_NUMBER: &str = "发文字号";
pub const DOC_NUMBER_SUFFIX: &str = "号";
pub const LABEL_NOTE_CHIPS: &str = "常用附注";
pub const EXAMPLE_ORGAN: &str = "如：张家港市科学技术局";
pub const EXAMPLE_YEAR: &str = "如：2022";
pub const EXAMPLE_AGENCY: &str = "如：张科发";
pub const EXAMPLE_SERIAL: &str = "如：5";
pub const EXAMPLE_SUBSECTION: &str = "如：加强组织领导，推进依法行政能力建设";
pub const HINT_YEAR: &str = "报告的是哪一年的工作";
pub const HINT_TITLE_EDITED: &str = "已手动修改标题";

pub fn draft_opened(title: &str) -> String {
    format!("已打开草稿（{title}）。")
}
pub fn year_advanced(year: &str) -> String {
    format!("已前移一年：报告年度为{year}年；发文字号序号和成文日期已清空，签发时请填写。")
}
/// "将写作：2023年2月17日": how a field will read in the report.
pub fn will_read(text: &str) -> String {
    format!("将写作：{text}")
}
pub fn example(text: &str) -> String {
    format!("如：{text}")
}
/// "第三条", or "第三条（三是）" when the list numbers its items.
pub fn item_label(numeral: &str, word: Option<&str>) -> String {
    match word {
        Some(word) => format!("第{numeral}条（{word}）"),
        None => format!("第{numeral}条"),
    }
}
pub fn subsection_label(marker: &str) -> String {
    format!("小节{marker}")
}
/// "编辑条目（3条）：小节（一）": the visible words first (WCAG 2.5.3), then which.
pub fn edit_items_label(subsection: &str, items: usize) -> String {
    format!("{}：{subsection}", edit_items_text(items))
}
pub fn edit_items_text(items: usize) -> String {
    format!("{BTN_EDIT}{HEAD_ITEMS}{}", item_count(items))
}
pub fn item_count(n: usize) -> String {
    format!("（{n}条）")
}

// Messages of the embedding entry (to the page and its maintainer).
pub const EMBED_NOT_AN_ELEMENT: &str = "FazhiReport.mount：第一个参数应为页面元素（Element）。";
pub const EMBED_OPTIONS_NOT_OBJECT: &str =
    "FazhiReport.mount 的第二个参数应为选项对象，如 { organ: '某局', year: 2025 }。";
pub const EMBED_NO_SHADOW_ROOT: &str = "无法在此元素上创建 shadow root";
pub const EMBED_CONFIG_ERRORS: &str = "fazhi-report 配置有误：";
pub const EMBED_UNMOUNTED: &str = "起草工具已卸载";
pub const EMBED_DRAFT_UNREADABLE: &str =
    "loadDraft：无法读取给出的草稿对象（转换为 JSON 时出错）。当前草稿保持不变。";
pub const EMBED_CONFIG_BANNER: &str =
    "法治政府建设年度报告起草工具：嵌入配置有误，请联系页面维护人员。\n";

// --- session: switching drafts, other tabs, entries set aside ---
pub const SWITCH_REFUSED_UNSAVED: &str =
    "当前草稿尚未保存（见上方提示），为免丢失文字，暂不切换草稿。请先处理保存问题。";
pub const DRAFT_GONE_ELSEWHERE: &str = "这份草稿刚在另一个标签页中被修改或删除，请刷新列表后再试。";
pub const DELETED_ELSEWHERE_KEPT: &str =
    "这份草稿在另一个标签页中被删除了；本页的全部文字仍在，已重新保存。";
pub const UNDO_DELETE_NEWER_KEPT: &str =
    "另一个标签页已重新保存了这份草稿，保留了那个较新的版本，未用删除前的旧版本覆盖。";
pub const RENAME_FAILED: &str = "改名未保存：";
pub const HEAD_SET_ASIDE: &str = "无法读取的草稿";
pub const HINT_SET_ASIDE: &str = "以下草稿数据无法读取（可能已损坏，或由更新版本的工具写入），已原样保留，未被覆盖。可下载保存为文件（交由新版本工具或技术人员处理），下载后可删除。";
pub const SET_ASIDE_COLUMNS: [&str; 4] = ["草稿编号", "另存时间", "原因", "操作"];
pub const SET_ASIDE_NOT_OPENED: &str = "未打开过（仍在原位置）";
pub const BTN_DOWNLOAD: &str = "下载";
pub const BTN_DELETE_SET_ASIDE: &str = "删除";
pub const CONFIRM_DELETE_SET_ASIDE: &str = "删除后无法恢复。确定已下载保存这份无法读取的草稿了吗？";
pub fn set_aside_file_name(id: &str) -> String {
    format!("无法读取的草稿-{id}")
}
pub fn import_skipped(n: usize) -> String {
    format!("另有 {n} 份草稿在询问期间已在另一个标签页中保存，为免覆盖未替换。")
}

// --- 版头, 版记 and the laid-out outputs (output step, print) ---
pub const LEGEND_MASTHEAD: &str = "版头";
pub const LABEL_MASTHEAD_PLAIN: &str = "无版头（发文机关、发文字号居中两行，与现在相同）";
pub const LABEL_MASTHEAD_RED: &str =
    "红头（发文机关标志套红、发文字号、红色分隔线，GB/T 9704 第 7.2 条）";
pub const LABEL_MARK: &str = "发文机关标志";
pub const HINT_MARK: &str = "留空则用发文机关名称；也可写“××局文件”。";
pub const LABEL_SIGNER: &str = "签发人（上行文填写）";
pub const HINT_SIGNER: &str = "向上级机关报送时填写签发人姓名；填写后发文字号居左、签发人居右。";
pub const LABEL_IMPRINT: &str = "版记（抄送、印发机关和印发日期，GB/T 9704 第 7.4 条；紧接附注排印，如需置于末页底部可在其前加空行）";
pub const LABEL_COPY_TO: &str = "抄送";
pub const HINT_COPY_TO: &str = "如：市依法治市办，市司法局（末尾句号自动添加）；留空则不印抄送行。";
pub const LABEL_PRINTER: &str = "印发机关";
pub const HINT_PRINTER: &str = "留空则用发文机关名称。";
pub const LABEL_PRINTED_ON: &str = "印发日期";
pub const HINT_PRINTED_ON: &str = "留空则与成文日期相同。";
pub const DOCX_RED_HEAD: &str = "，红头";
pub const DOCX_IMPRINT: &str = "，含版记";

// --- clerk: dates, undo, steps, checks, accessibility ---
pub const SEVERITY_ERROR: &str = "错误";
pub const SEVERITY_WARNING: &str = "注意";
pub const SEVERITY_TO_FILL: &str = "待填写";
pub const SEVERITY_HINT: &str = "提示";

/// The header badge: errors, warnings, and what is still to fill (not a warning).
pub fn findings_summary(errors: usize, warnings: usize, to_fill: usize) -> String {
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(format!("{errors} 处错误"));
    }
    if warnings > 0 {
        parts.push(format!("{warnings} 处注意"));
    }
    if to_fill > 0 {
        parts.push(format!("待填写 {to_fill} 处"));
    }
    if parts.is_empty() {
        "检查：无问题".to_string()
    } else {
        format!("检查：{}", parts.join(" · "))
    }
}

/// The name of a checklist row's button: its visible word first (WCAG 2.5.3), then what.
pub fn statutory_button_label(visible: &str, number: u8, title: &str) -> String {
    format!("{visible}：第{number}项 {title}")
}

/// Why typed text is not a date.
pub fn date_error(e: crate::model::date::DateError) -> String {
    use crate::model::date::DateError;
    match e {
        DateError::Unrecognised => {
            "无法识别为日期。请写成“2023年2月17日”或“2023-2-17”“2023.2.17”“20230217”。".into()
        }
        DateError::ShortYear => "年份请写全四位，如“2023年2月17日”。".into(),
        DateError::YearOutOfRange(y) => format!("年份“{y}”不对，请写四位年份，如 2023。"),
        DateError::NoSuchMonth(m) => format!("没有{m}月，月份应在1到12之间。"),
        DateError::NoSuchDay { year, month, day } => {
            format!("{year}年{month}月没有{day}日。")
        }
    }
}
pub const HINT_DATE_FORMATS: &str = "可写作 2023年2月17日、2023-2-17、2023.2.17 或 20230217";
pub const DATE_INVALID_PREFIX: &str = "不是有效日期：";

/// "第 3 步，共 7 步" or, inside part 一's subsections, "第 3 步，共 7 步 · 小节 2/5":
/// the count is of parts, so adding a 小节 does not move the goalposts.
pub fn step_position_of(index: usize, total: usize, sub: Option<(usize, usize)>) -> String {
    match sub {
        Some((i, n)) => format!(
            "第 {} 步，共 {} 步 · 小节 {}/{}",
            index + 1,
            total,
            i + 1,
            n
        ),
        None => format!("第 {} 步，共 {} 步", index + 1, total),
    }
}

pub const BTN_ADD_NEXT_SUBSECTION: &str = "再添加一个小节";
pub fn added_subsection(marker: &str) -> String {
    format!("已添加小节{marker}，请填写标题和条目。")
}
/// The inline undo row where a removed item was.
pub fn removed_here(what: &str) -> String {
    format!("已删除{what}。")
}
pub fn undo_label(what: &str) -> String {
    format!("{BTN_UNDO}删除{what}")
}
pub const HINT_SINGLE_ITEM: &str = "只有一条时，报告中不编“一是”。";
pub const EXAMPLE_DATE: &str = "如：2023年2月17日";
/// "报告各部分（某市科学技术局）": a landmark of an embedded instance, named after its organ.
pub fn landmark_of(base: &str, organ: &str) -> String {
    if organ.is_empty() {
        base.to_string()
    } else {
        format!("{base}（{organ}）")
    }
}

// --- robust: why a draft, a file or storage was refused (DecodeError, BackupError, StoreError) ---
// Every message these error types show is built here; none passes on a Rust or JavaScript
// error text (serde's, a DOMException's): those name things a clerk cannot act on.

pub fn decode_not_json(line: usize, column: usize) -> String {
    format!("不是有效的 JSON 数据（第 {line} 行第 {column} 列附近有错），可能不是本工具的草稿数据，或已经损坏。")
}
pub const DECODE_NOT_A_DRAFT: &str =
    "这不是本工具的草稿数据（缺少格式版本 schema）。请使用本工具“下载草稿备份”或 getDraft() 得到的数据。";
pub fn decode_bundle(drafts: usize) -> String {
    format!("这是“导出全部草稿”的备份文件（含 {drafts} 份草稿），不是单份草稿。请在“我的草稿”页面用“导入备份文件…”导入。")
}
pub fn decode_newer(version: u64, supported: u32) -> String {
    format!("草稿由更新版本的工具写入（格式版本 {version}，本工具支持到 {supported}），请使用新版本工具打开。")
}
pub fn decode_missing(field: &str) -> String {
    format!("草稿数据缺少必需的字段 {field}。")
}
pub fn decode_wrong_type(path: &str, expected: &str, found: &str) -> String {
    format!("草稿数据中有字段类型不对：{path} 应为{expected}，实际是{found}。")
}
pub fn decode_unknown_field(path: &str) -> String {
    format!("草稿数据中有本工具不认识的字段 {path}（可能由更新版本的工具写入）。为免其中内容在保存时丢失，未读入。")
}
pub fn decode_unknown_template(template: &str, known: &str) -> String {
    format!(
        "草稿使用的报告结构“{template}”本工具没有（可用的有：{known}），可能由更新版本的工具写入。"
    )
}
pub fn decode_bad_id(max: usize) -> String {
    format!("草稿编号 id 无效：应为 1 到 {max} 个字符的文字，不含控制字符。")
}
/// A subsection title kept in the holding section (its part takes no subsections).
pub fn held_subsection_title(title: &str) -> String {
    format!("小节：{title}")
}

/// `bytes` in MB to one decimal, rounded as `{:.1}` rounds (half to even), in integers: the
/// wasm then carries no fixed-precision float formatting for this one message.
pub fn backup_too_large(bytes: usize) -> String {
    let (mib, tenths) = megabytes_tenths(bytes as u64);
    format!("文件太大（{mib}.{tenths} MB），不是本工具的草稿备份。草稿备份通常小于 1 MB。")
}
fn megabytes_tenths(bytes: u64) -> (u64, u64) {
    const MIB: u64 = 1 << 20;
    let scaled = bytes * 10;
    let mut tenths = scaled / MIB;
    let rest = scaled % MIB;
    if rest > MIB / 2 || (rest == MIB / 2 && tenths % 2 == 1) {
        tenths += 1;
    }
    (tenths / 10, tenths % 10)
}
pub const BACKUP_EMPTY: &str = "文件中没有草稿。";
pub fn backup_refused(reason: &str) -> String {
    format!("无法导入：{reason}")
}
pub fn backup_refused_draft(index: usize, reason: &str) -> String {
    format!("无法导入：第 {index} 份草稿有问题。{reason}")
}
pub const BACKUP_DRAFTS_NOT_A_LIST: &str = "备份文件中的 drafts 应为草稿的数组。";

pub const STORE_FAILED_OTHER: &str = "保存失败：浏览器的本地存储出错，未能写入。您输入的内容仍在页面中，请点击右侧“下载草稿备份”保存到文件。";

// The embedding API's refusals (embed.rs). The loader's own start-up messages (no
// WebAssembly, a CSP that forbids it, a failed start) are shown before the wasm runs, so
// they live in scripts/single-file.mjs, not here.
pub const EMBED_OPTIONS_UNREADABLE: &str =
    "FazhiReport.mount 的选项对象无法读取（读取时出错，可能是 Proxy）。请传入普通对象，如 { organ: '某局', year: 2025 }。";
pub fn embed_option_unreadable(name: &str) -> String {
    format!("选项 {name} 无法读取（读取时出错）。请传入普通的值，而不是会出错的 getter。")
}
pub const EMBED_CSP_STYLES: &str = "本页面的内容安全策略（CSP）不允许起草工具使用样式，工具可以使用但显示会不正常。请页面维护人员在 style-src 中允许 'unsafe-inline'，或使用支持 adoptedStyleSheets 的浏览器。";
pub fn embed_load_refused(reason: &str) -> String {
    format!("loadDraft：未载入，当前草稿保持不变。{reason}")
}
pub fn embed_load_not_a_draft(what: &str) -> String {
    format!("loadDraft 需要一份草稿（getDraft() 的结果，或其 JSON 文字），收到的是 {what}。当前草稿保持不变。")
}
pub fn loaded_with_held(held: usize) -> String {
    format!(
        "已载入草稿；其中 {held} 段内容在本报告结构中没有对应位置，暂存在“生成报告”一步，未丢失。"
    )
}
/// Added to the import message when parts of a file did not fit their structure.
pub fn backup_import_held(held: usize) -> String {
    format!(
        "其中 {held} 段内容在草稿的报告结构中没有对应位置，已暂存在该草稿“生成报告”一步，未丢失。"
    )
}

// --- import of last year's report (files, summary, carried-over sentences) ---
pub fn docx_error(e: &crate::parse::docx::DocxError) -> &'static str {
    use crate::parse::docx::DocxError::*;
    match e {
        TooLarge => "文件太大（超过 20 MB），不像一份年度报告。",
        NotZip => "这不是 Word 文档（.docx）：文件不是 ZIP 格式。旧版 .doc 文件请在 Word 中另存为 .docx 后再导入。",
        NotWord => "这个压缩文件里没有 Word 正文（word/document.xml），不是 .docx 文档。",
        Corrupt => "Word 文档已损坏，无法读取。",
        Bomb => "Word 文档解压后过大（可能是恶意文件），已停止读取。",
        Encrypted => "Word 文档已加密，请先在 Word 中取消密码后再导入。",
        TooManyParagraphs => "Word 文档段落过多（超过 2 万段），不像一份年度报告，已停止读取。",
    }
}
/// "与去年报告相同的句子：12 句" (the review's total of 照搬去年 sentences).
pub fn carried_over_total(n: usize, years_only: usize) -> String {
    if years_only == 0 {
        format!("与去年报告相同的句子：{n} 句，请按今年的情况改写。")
    } else {
        format!(
            "与去年报告相同的句子：{n} 句（其中 {years_only} 句仅年份不同），请按今年的情况改写。"
        )
    }
}
/// One field's sentences carried over from last year.
pub fn carried_over_field(n: usize, years_only: usize, first: &str) -> String {
    let first: String = first.chars().take(24).collect();
    let more = if n > 1 {
        format!("等 {n} 句")
    } else {
        String::new()
    };
    let years = if years_only > 0 {
        format!("（{years_only} 句仅年份不同）")
    } else {
        String::new()
    };
    format!("本段“{first}……”{more}与去年报告相同{years}。")
}
pub const BTN_IMPORT_FILE: &str = "选择去年的 Word（.docx）或文本（.txt）文件…";
pub const HEAD_IMPORT_REPORT: &str = "导入结果";
pub const BTN_SEE_HELD: &str = "查看暂存内容";
pub fn import_too_long(chars: usize) -> String {
    format!("粘贴的内容过长（约 {chars} 字），不像一份年度报告（通常一至三万字），未导入。请只复制报告正文。")
}
pub fn import_wrong_kind(name: &str) -> String {
    format!("“{name}”不是 .docx 或 .txt 文件。旧版 .doc、WPS 或 PDF 文件请先另存为 .docx，或复制全文后粘贴。")
}
pub fn import_not_text(name: &str) -> String {
    format!("“{name}”既不是 UTF-8 也不是 GBK 编码的文本，无法读取。请用记事本另存为 UTF-8 后再导入，或复制全文后粘贴。")
}
pub fn import_structure(name: &str) -> String {
    format!("识别的结构：{name}。各步骤收到的段落（点击前往）：")
}
pub fn import_held(n: usize) -> String {
    if n == 0 {
        "全部内容都已归入各步骤，没有暂存。".into()
    } else {
        format!("另有 {n} 段未能归类，暂存在“生成报告”一步。")
    }
}
pub fn import_dropped(n: usize) -> String {
    format!("作为网页信息（来源、发布时间、浏览次数、重复标题等）去掉的内容：{n} 条（点击查看）")
}
/// The structures an import recognises (template ids, and "thematic").
pub fn structure_name(key: &str) -> &'static str {
    match key {
        "five-items" => "规定五项（五段式）",
        "national-plan" => "按实施纲要分项（纲要式）",
        "thematic" => "按专题分项（各专题放入第一部分的小节）",
        _ => "部门简版（三段式）",
    }
}
pub const LABEL_ITEM_STYLE: &str = "条目编号方式";
pub const HINT_ITEM_STYLE: &str = "导入时按原文识别；报告按所选方式自动编号。";
pub fn item_style_name(key: &str) -> &'static str {
    match key {
        "arabic" => "1. 2. 3.（每条单独成段）",
        "arabic-paren" => "（1）（2）（3）（每条单独成段）",
        "chinese-paren" => "（一）（二）（三）（每条单独成段）",
        "sequence" => "首先、其次、再次、最后",
        "kept" => "保留原文编号（不自动编号）",
        _ => "一是、二是、三是",
    }
}
pub const HINT_PART_BODY: &str = "本部分标题下的正文段落（每行一段）。";
pub const LABEL_SUBSECTION_LEAD: &str = "小节开头语（可选）";
pub const HINT_SUBSECTION_LEAD: &str =
    "写在“一是”之前的概括句；没有条目的小节，正文写在这里（每行一段）。";
pub const LABEL_ENDING: &str = "结束语（可选）";
pub const EXAMPLE_ENDING: &str = "如：特此报告。";
pub const HINT_ENDING: &str = "写在正文之后、署名之前。";

/// Under a text box that stopped wrapping (a run of over 1000 characters with no space).
pub const HINT_LONG_RUN: &str =
    "此段有一长串不含空格的字符，为免卡顿已不自动换行（左右滚动查看）。";

// --- drafts-page rename under storage faults ---
/// Storage refused a rename on the drafts page: the renamed draft was offered as a file.
pub fn rename_not_stored(error: &crate::storage::StoreError, offered: bool) -> String {
    let why = match error {
        crate::storage::StoreError::QuotaExceeded => "浏览器存储空间已满",
        crate::storage::StoreError::Unavailable => "此浏览器禁用了本地存储",
        crate::storage::StoreError::Other(_) => "浏览器存储出错",
    };
    if offered {
        format!("改名未保存（{why}）：已把改名后的草稿下载为备份文件，新名称不会丢失；清理存储后可再改名或导入该文件。")
    } else {
        format!("改名未保存（{why}），也无法下载备份文件：请记下新名称，稍后再改。")
    }
}

// --- Start-up of a long draft (issue 16) ---

/// The findings badge while a long draft's whole-text checks wait for its first paint.
pub const CHECKS_PENDING: &str = "检查：正在检查…";

// --- Repeated fields in a draft file ---
pub fn decode_repeated_field(line: usize, column: usize) -> String {
    format!("草稿数据中同一处有两个同名字段（第 {line} 行第 {column} 列附近）：只读其中一个会丢掉另一个的内容，所以未读入。文件可能被手工改过，请检查后再导入。")
}

// --- Invisible characters in a field (control, zero-width, bidirectional) ---
/// Where the first one is: the few characters before it, or the field's start.
pub fn invisible_characters(before: &str, count: usize, bidi: bool) -> String {
    let place = if before.is_empty() {
        "开头处".to_string()
    } else {
        format!("“{before}”之后")
    };
    let what = if bidi {
        "其中有文字方向控制符，会使文字显示颠倒"
    } else {
        "如零宽空格、控制字符"
    };
    format!("{place}有{count}个看不见的字符（{what}），多由复制粘贴带入，会原样进入复制出的全文，在其他系统中可能出错。")
}

// --- The opening's year against the reporting year ---
pub fn opening_year(written: i32, reporting: i32) -> String {
    format!("开头段以“{written}年”开头，而报告年度是{reporting}年：开头段概述的是所报告那一年的工作，可能是照搬去年报告时漏改。请核对。")
}

// --- A report chosen on the drafts page instead of a backup ---
pub fn backup_is_a_report(name: &str) -> String {
    format!("“{name}”是报告，不是草稿备份：这里只能导入“下载草稿备份”或“导出全部草稿”得到的 .json 文件。要用这份报告起草，请新建草稿，在“文头”一步点“从去年的报告开始：粘贴全文导入”，选择 Word（.docx）或文本（.txt）文件，或复制全文后粘贴。")
}

// --- One-click fix of an invisible-characters finding ---
pub const BTN_REMOVE_INVISIBLE: &str = "删除这些字符";

// --- A 小节 with a title and nothing under it; a 小节 title as long as a paragraph ---
pub fn subsection_without_text(name: &str) -> String {
    format!("“{name}”只有标题，下面还没有正文：生成的报告里这里只有一个标题。")
}
pub fn subsection_title_long(chars: usize) -> String {
    format!("小节标题有{chars}字，像是一段正文：标题宜简短，正文请写在下面的“具体内容”或“小节开头语”里。")
}
