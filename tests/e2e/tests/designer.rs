//! A form designer on the built app in headless Chromium: the JSON checked as it is typed
//! (a problem's click jumps to its place), the live preview, an XLSForm imported by the file
//! picker (its problems named by sheet and row), the other Uzbek script filled and listed for
//! checking (one by one or all at once; publishing before asks), the text kept over a reload,
//! a version published and downloaded, a field worker starting the published form, and the
//! preview in view beside the text on a portrait tablet.
//!
//! Needs `dist/` (`trunk build --release`) and chromedriver; `scripts/test` does both.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::json;
use xonadon_e2e::{
    cdp, click, dist, in_browser, js, open_page, profile, screenshot, until, wait_for, workspace,
    Driver, StaticServer, PNG_2X2,
};

const SMALL: &str = r#"{
  "settings": {"form_id": "visit", "version": "1", "default_language": "en"},
  "survey": [
    {"type": "text", "name": "head", "label": {"en": "Head of household"}},
    {"type": "integer", "name": "age", "label": {"en": "Age"}, "relevant": "${head} != ''"}
  ]
}"#;

/// Replaces the editor's text as a paste would (typing 200 characters through WebDriver is
/// slow; real typing is checked below on a few).
async fn set_text(c: &Client, text: &str) {
    js(
        c,
        "const a = document.getElementById('form-json'); a.value = arguments[0]; \
         a.dispatchEvent(new Event('input'));",
        vec![json!(text)],
    )
    .await;
}

/// The editor has the focus, its caret on the line of the question `head`.
async fn assert_caret_on_head(c: &Client, what: &str) {
    let line = js(
        c,
        "const a = document.getElementById('form-json'); const v = a.value; \
         const s = v.lastIndexOf('\\n', a.selectionStart - 1) + 1; \
         const e = v.indexOf('\\n', a.selectionStart); \
         return document.activeElement === a ? v.slice(s, e) : 'not focused';",
        vec![],
    )
    .await;
    assert!(
        line.as_str()
            .unwrap_or_default()
            .contains(r#""name": "head""#),
        "{what}: the caret on row 2's question: {line}"
    );
}

/// Chooses the page's language in the header's menu, as a person would.
async fn choose_language(c: &Client, tag: &str) {
    js(
        c,
        "const s = document.querySelector('.designer header .language select'); \
         s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
        vec![json!(tag)],
    )
    .await;
}

/// From now on, the status line as each frame shows it (`window.statuses`, without repeats).
async fn record_status_lines(c: &Client) {
    js(
        c,
        "window.statuses = []; \
         const frame = () => { \
           const s = document.querySelector('.tools .status'); \
           const line = s ? s.textContent : ''; \
           if (statuses[statuses.length - 1] !== line) statuses.push(line); \
           requestAnimationFrame(frame); \
         }; \
         requestAnimationFrame(frame);",
        vec![],
    )
    .await;
}

/// Every line number stands beside its line: in each part of the text the first number is the
/// part's first line, level with it, and every line of the part shows (the part is its lines ×
/// the line height tall, and nothing is scrolled inside it). Returns the number of parts.
async fn numbers_beside_lines(c: &Client) -> usize {
    let out = js(
        c,
        "const parts = [...document.querySelectorAll('.editor .part')]; let next = 1; \
         const bad = []; \
         for (const p of parts) { \
           const pre = p.querySelector('.gutter'); const a = p.querySelector('textarea'); \
           const lh = parseFloat(getComputedStyle(a).lineHeight); \
           const lines = a.value.split('\\n').length; \
           const first = parseInt(pre.textContent); \
           const level = Math.abs(pre.getBoundingClientRect().top - a.getBoundingClientRect().top); \
           if (first !== next || level >= 1 || a.clientHeight !== lines * lh \
               || a.scrollHeight > a.clientHeight || pre.textContent.split('\\n').length !== lines + 1) \
             bad.push([first, next, level, a.clientHeight, lines * lh, a.scrollHeight]); \
           next += lines; \
         } \
         return [parts.length, bad];",
        vec![],
    )
    .await;
    assert_eq!(
        out[1],
        json!([]),
        "parts whose numbers are not beside their lines"
    );
    out[0].as_u64().unwrap_or(0) as usize
}

/// The whole text of the editor: its parts joined, a line end between each two.
async fn whole_text(c: &Client) -> String {
    js(
        c,
        "return [...document.querySelectorAll('.editor textarea')].map(a => a.value).join('\\n');",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// A form too large for one text area (the household form with 4,000 more choices in four
/// languages, 600 KB) pasted in: cut into parts laid out only in view, numbered on from part to
/// part, read as one text (the preview shows it), crossed with the arrow keys, and a problem in
/// a later part found from the problems list.
async fn large_form_in_parts(c: &Client, server: &StaticServer) {
    open_page(c, &format!("{}designer.html", server.url())).await;
    wait_for(c, "#form-json").await;
    let json = std::fs::read_to_string(workspace().join("forms/household.json")).unwrap();
    let mut form: serde_json::Value = serde_json::from_str(&json).unwrap();
    form["settings"]["title"] = json!({"en": "Large household form", "uz-Latn": "Katta shakl",
        "uz-Cyrl": "Катта шакл", "ru": "Большая форма"});
    form["choices"]["extra"] = (0..4000)
        .map(|i| {
            json!({"name": format!("e{i}"), "label": {"en": format!("Extra {i}"),
            "uz-Latn": format!("Qoʻshimcha {i}"), "uz-Cyrl": format!("Қўшимча {i}"),
            "ru": format!("Дополнительно {i}")}})
        })
        .collect();
    let text = xonadon_engine::form_text::to_text(&form);
    assert!(text.len() > 600_000, "{}", text.len());
    set_text(c, &text).await;
    until(
        c,
        "the large form previewed",
        "return document.querySelector('.preview').textContent.includes('Katta shakl') \
            || document.querySelector('.preview').textContent.includes('Large household form');",
    )
    .await;
    let parts = numbers_beside_lines(c).await;
    assert!(parts >= 4, "{parts} parts");
    assert_eq!(
        whole_text(c).await,
        text,
        "the parts join to the text pasted"
    );

    // ArrowDown on the last line of the first part goes on to the first line of the second,
    // in the same column.
    let column = js(
        c,
        "const a = document.getElementById('form-json'); a.focus(); \
         const last = a.value.lastIndexOf('\\n') + 1; a.setSelectionRange(last + 3, last + 3); \
         return 3;",
        vec![],
    )
    .await;
    c.active_element()
        .await
        .expect("the focused part")
        .send_keys("\u{E015}")
        .await
        .expect("ArrowDown");
    let at = js(
        c,
        "const parts = [...document.querySelectorAll('.editor textarea')]; \
         return [parts.indexOf(document.activeElement), document.activeElement.selectionStart];",
        vec![],
    )
    .await;
    assert_eq!(at, json!([1, column]), "the caret in the second part");

    // A character typed there breaks the JSON on that part's first line; the problem names
    // the line, and a click on it puts the caret back at it.
    let first_line = js(
        c,
        "return parseInt(document.querySelectorAll('.editor .gutter')[1].textContent);",
        vec![],
    )
    .await;
    c.active_element()
        .await
        .expect("the focused part")
        .send_keys("#")
        .await
        .expect("type");
    until(
        c,
        "the problem on the second part's first line",
        &format!(
            "const p = document.querySelector('.problems li.error .place'); \
             return !!p && p.textContent.startsWith('{first_line}-qator,');"
        ),
    )
    .await;
    js(
        c,
        "document.getElementById('form-json').focus(); \
         document.querySelector('.editor').scrollTop = 0;",
        vec![],
    )
    .await;
    click(c, ".problems li.error button").await;
    let at = js(
        c,
        "const parts = [...document.querySelectorAll('.editor textarea')]; \
         const a = document.activeElement; const box = document.querySelector('.editor'); \
         const r = a.getBoundingClientRect(), b = box.getBoundingClientRect(); \
         const lh = parseFloat(getComputedStyle(a).lineHeight); \
         const y = r.top + a.value.slice(0, a.selectionStart).split('\\n').length * lh - lh; \
         return [parts.indexOf(a), a.selectionStart <= 4, y >= b.top && y + lh <= b.bottom];",
        vec![],
    )
    .await;
    assert_eq!(
        at,
        json!([1, true, true]),
        "the caret at the problem, in view"
    );
}

async fn text(c: &Client) -> String {
    js(
        c,
        "return document.getElementById('form-json').value;",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// An XLSForm as a designer writes it in Excel: Cyrillic labels only, and a picture whose file
/// is not dropped with it.
fn xlsform(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let survey = book.add_worksheet();
    survey.set_name("survey").unwrap();
    survey
        .write_row(
            0,
            0,
            ["type", "name", "label::Ўзбек (uz-Cyrl)", "media::image"],
        )
        .unwrap();
    survey
        .write_row(1, 0, ["text", "head", "Оила бошлиғи", "head.png"])
        .unwrap();
    survey
        .write_row(2, 0, ["integer", "members", "Аъзолар сони", ""])
        .unwrap();
    survey
        .write_row(
            3,
            0,
            ["select_one_from_file tumanlar.csv", "district", "Туман", ""],
        )
        .unwrap();
    let settings = book.add_worksheet();
    settings.set_name("settings").unwrap();
    settings
        .write_row(
            0,
            0,
            ["form_id", "version", "default_language", "form_title"],
        )
        .unwrap();
    settings
        .write_row(
            1,
            0,
            [
                "oila",
                "2026112701",
                "Ўзбек (uz-Cyrl)",
                "Тошкент оила сўрови",
            ],
        )
        .unwrap();
    book.save(path).unwrap();
}

async fn scenario(c: &Client, server: &StaticServer) {
    open_page(c, &format!("{}designer.html", server.url())).await;
    wait_for(c, "#form-json").await;
    // The built-in form: no problems, and its first page in the preview.
    wait_for(c, ".problems .none").await;
    wait_for(c, ".preview .fill").await;

    // A small form: the preview follows.
    set_text(c, SMALL).await;
    until(
        c,
        "the preview of the small form",
        "return document.querySelector('.preview').textContent.includes('Head of household');",
    )
    .await;
    // The built-in form's answers are not carried into another form's preview.
    let head = js(
        c,
        "return document.querySelector('.preview [data-path=\"/head\"] input').value;",
        vec![],
    )
    .await;
    assert_eq!(head, json!(""));
    screenshot(c, "29-designer").await;

    // A typo: listed, placed, and a click puts the caret on it.
    set_text(c, &SMALL.replace("${head} !=", "${hed} !=")).await;
    wait_for(c, "#problems li.error").await;
    let listed = wait_for(c, "#problems li.error")
        .await
        .text()
        .await
        .unwrap();
    assert!(listed.contains("${hed}"), "{listed}");
    assert!(listed.starts_with("5-qator,"), "placed on line 5: {listed}");
    // The engine's message itself in the designer's language (Uzbek Latin, the default).
    assert!(
        listed.contains("nomaʼlum savol ${hed} (${head} nazarda tutilganmi?)"),
        "{listed}"
    );
    // All said in the designer's language: the engine's message, and around it the kind, the
    // line and column, the count.
    choose_language(c, "ru").await;
    until(
        c,
        "the problem in Russian",
        "const li = document.querySelector('#problems li.error'); \
         return li.querySelector('.place').textContent.startsWith('строка 5, столбец ') \
           && li.querySelector('.kind').textContent === 'Ошибка' \
           && li.querySelector('.what').textContent \
                .startsWith('`relevant` в `age`, позиция 1: неизвестный вопрос ${hed} (может быть, ${head}?)') \
           && document.getElementById('problem-count').textContent.startsWith('Ошибок: 1,');",
    )
    .await;
    choose_language(c, "uz-Latn").await;
    until(
        c,
        "back in Uzbek",
        "const li = document.querySelector('#problems li.error'); \
         return li.querySelector('.kind').textContent === 'Xato' \
           && li.querySelector('.what').textContent.includes('nomaʼlum savol ${hed}');",
    )
    .await;
    wait_for(c, ".preview .stale-note").await;
    click(c, "#problems li.error button").await;
    let caret = js(
        c,
        "const a = document.getElementById('form-json'); \
         return [a.selectionStart, a.value.indexOf('\"${hed}')];",
        vec![],
    )
    .await;
    assert_eq!(caret[0], caret[1], "the caret is on the value: {caret}");

    // Fixed by typing, as a person would: the list empties, the preview is live again.
    js(
        c,
        "const a = document.getElementById('form-json'); const i = a.value.indexOf('hed}'); \
         a.focus(); a.setSelectionRange(i, i + 3);",
        vec![],
    )
    .await;
    c.find(Locator::Id("form-json"))
        .await
        .unwrap()
        .send_keys("head")
        .await
        .expect("type");
    wait_for(c, ".problems .none").await;
    assert!(
        c.find(Locator::Css(".preview .stale-note")).await.is_err(),
        "the preview is live"
    );

    // An XLSForm by the file picker.
    let dir = std::env::temp_dir().join(format!("xonadon-e2e-designer-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let workbook = dir.join("oila.xlsx");
    xlsform(&workbook);
    let districts = dir.join("tumanlar.csv");
    std::fs::write(&districts, "name,label\nxiva,Хива\nurganch,Урганч\n").unwrap();
    record_status_lines(c).await;
    wait_for(c, "#import-xlsform")
        .await
        .send_keys(&format!("{}\n{}", workbook.display(), districts.display()))
        .await
        .expect("choose the workbook and its choices file");
    until(
        c,
        "the imported form in the editor",
        "return document.getElementById('form-json').value.includes('\"form_id\": \"oila\"');",
    )
    .await;
    // The steps of the import were on screen before its result.
    until(
        c,
        "the import's result in the status line",
        "return statuses[statuses.length - 1].startsWith('Import qilingan oila.xlsx');",
    )
    .await;
    let statuses = js(c, "return statuses;", vec![]).await;
    assert!(
        statuses.as_array().unwrap().iter().any(|s| [
            "JSON ga aylantirilmoqda…",
            "Muharrirga joylanmoqda…",
            "Tekshirilmoqda…"
        ]
        .contains(&s.as_str().unwrap_or_default())),
        "the progress line was shown: {statuses}"
    );
    let import_problems = wait_for(c, "#import-problems").await.text().await.unwrap();
    assert!(
        import_problems.contains("sheet survey, row 2, column `media::image`")
            && import_problems.contains("head.png"),
        "{import_problems}"
    );
    // A click on it goes to what that row became in the text.
    click(c, "#import-problems li button").await;
    assert_caret_on_head(c, "the import's problem").await;
    assert!(
        text(c).await.contains("\"label\": \"Урганч\""),
        "the choices file became a list"
    );
    until(
        c,
        "the imported form in the preview",
        "return document.querySelector('.preview').textContent.includes('Оила бошлиғи');",
    )
    .await;

    // The Latin texts, filled and listed until a person confirms them: the labels and the
    // workbook's plain title.
    click(c, "#transliterate").await;
    until(
        c,
        "four texts to check",
        "return document.querySelectorAll('#to-check li').length === 4;",
    )
    .await;
    let written = text(c).await;
    assert!(written.contains("Oila boshligʻi"), "Latin written");
    assert!(
        written.contains(r#""uz-Latn": "Toshkent oila soʻrovi""#),
        "the title in Latin too: {written}"
    );
    click(c, "#to-check li button:not(.link)").await;
    until(
        c,
        "three left to check",
        "return document.querySelectorAll('#to-check li').length === 3;",
    )
    .await;
    // The text rewritten, the import's problem still goes to its row's question.
    click(c, "#import-problems li button").await;
    assert_caret_on_head(c, "the import's problem after the transliteration").await;
    screenshot(c, "30-designer").await;

    // Kept over a reload.
    c.refresh().await.expect("reload");
    wait_for(c, "#form-json").await;
    assert!(
        text(c).await.contains("Oila boshligʻi"),
        "the text survives a reload"
    );
    until(
        c,
        "still three to check after the reload",
        "return document.querySelectorAll('#to-check li').length === 3;",
    )
    .await;

    // The picture its media column names, dropped on its own: kept for the form, shown in
    // the preview, saved with the version.
    let picture = dir.join("head.png");
    std::fs::write(&picture, PNG_2X2).unwrap();
    wait_for(c, "#import-xlsform")
        .await
        .send_keys(&picture.display().to_string())
        .await
        .expect("choose the picture");
    until(
        c,
        "the picture kept",
        "const s = document.querySelector('.tools .status'); \
         return !!s && s.textContent.includes('Shakl uchun saqlangan fayllar: 1');",
    )
    .await;
    until(
        c,
        "the picture in the preview",
        "const i = document.querySelector('.preview img.form-media[data-media=\"head.png\"]'); \
         return !!i && !i.hidden && i.complete && i.naturalWidth === 2;",
    )
    .await;

    // Publishing while three are unchecked asks first; cancelled, nothing is published.
    click(c, "#publish-form").await;
    until(
        c,
        "the question before publishing",
        "const d = document.querySelector('dialog.confirm'); \
         return d.open && d.textContent.includes('3 ta matn hali tekshirilmagan');",
    )
    .await;
    click(c, "dialog.confirm .actions button:not(.primary)").await;
    until(
        c,
        "the question closed",
        "return !document.querySelector('dialog.confirm').open;",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let status = js(
        c,
        "const s = document.querySelector('.tools .status'); return s ? s.textContent : '';",
        vec![],
    )
    .await;
    assert!(
        !status.as_str().unwrap_or_default().contains("Chiqarildi"),
        "not published: {status}"
    );
    // All confirmed at once: the list goes, and publishing asks nothing.
    click(c, "#confirm-all").await;
    until(
        c,
        "nothing left to check",
        "return !document.querySelector('#to-check');",
    )
    .await;

    // Published, and downloaded as it is.
    click(c, "#publish-form").await;
    until(
        c,
        "published",
        "const s = document.querySelector('.tools .status'); \
         return !!s && s.textContent.includes('oila 2026112701') \
           && s.textContent.includes('Chiqarildi');",
    )
    .await;
    assert!(
        !js(
            c,
            "return document.querySelector('dialog.confirm').open;",
            vec![]
        )
        .await
        .as_bool()
        .unwrap_or(true),
        "nothing asked once all are confirmed"
    );
    let status = wait_for(c, ".tools .status").await.text().await.unwrap();
    assert!(
        !status.contains("head.png"),
        "the picture is not missing: {status}"
    );
    cdp(
        c,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": dir.display().to_string() }),
    )
    .await;
    click(c, "#download-json").await;
    let downloaded = dir.join("oila-2026112701.json");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !downloaded.exists() {
        assert!(Instant::now() < deadline, "no JSON downloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(std::fs::read_to_string(&downloaded).unwrap(), text(c).await);
    // And as an XLSForm, which imports back to the same form.
    click(c, "#download-xlsform").await;
    let workbook = dir.join("oila-2026112701.xlsx");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !workbook.exists() {
        assert!(Instant::now() < deadline, "no XLSForm downloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let back = xonadon_xlsform::import("oila.xlsx", &std::fs::read(&workbook).unwrap()).unwrap();
    let shown: serde_json::Value = serde_json::from_str(&text(c).await).unwrap();
    assert_eq!(
        serde_json::to_value(&back.definition.survey).unwrap(),
        shown["survey"]
    );

    // The field worker starts the published form.
    click(c, "#open-home").await;
    wait_for(c, ".home").await;
    until(
        c,
        "the published form on the home list",
        "return [...document.querySelectorAll('.home .cards li')].some(li => li.textContent.includes('oila'));",
    )
    .await;
    js(
        c,
        "[...document.querySelectorAll('.home .cards li')].find(li => li.textContent.includes('oila')).querySelector('button.primary').click();",
        vec![],
    )
    .await;
    wait_for(c, ".fill").await;
    // In the app's language (Uzbek Latin), which the form has now.
    until(
        c,
        "the published form being filled",
        "return document.querySelector('.fill').textContent.includes('Oila boshligʻi');",
    )
    .await;
    until(
        c,
        "the form's picture on the tablet, from the saved version",
        "const i = document.querySelector('.fill img.form-media[data-media=\"head.png\"]'); \
         return !!i && !i.hidden && i.complete && i.naturalWidth === 2;",
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// The household needs assessment (98 questions, rosters, cascades over every district and
/// mahalla, four languages) as an XLSForm a designer brings from Excel: dropped in, previewed
/// without a problem, published under a new version, and filled by a field worker.
async fn household_from_excel(c: &Client, server: &StaticServer) {
    let json = std::fs::read_to_string(workspace().join("forms/household.json")).unwrap();
    let mut form = xonadon_engine::FormDefinition::from_json(&json).unwrap();
    form.settings.version = "2026112799".into();
    let dir = std::env::temp_dir().join(format!("xonadon-e2e-household-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let workbook = dir.join("household.xlsx");
    std::fs::write(&workbook, xonadon_xlsform::to_xlsform(&form).unwrap()).unwrap();

    open_page(c, &format!("{}designer.html", server.url())).await;
    wait_for(c, "#import-xlsform")
        .await
        .send_keys(&workbook.display().to_string())
        .await
        .expect("choose the workbook");
    until(
        c,
        "the household form imported",
        "return document.getElementById('form-json').value.includes('\"2026112799\"');",
    )
    .await;
    wait_for(c, ".problems .none").await;
    wait_for(c, ".preview [data-path=\"/intro/consent\"]").await;
    assert_eq!(
        numbers_beside_lines(c).await,
        1,
        "the household form is one part"
    );
    click(c, "#publish-form").await;
    until(
        c,
        "published",
        "const s = document.querySelector('.tools .status'); \
         return !!s && s.textContent.includes('2026112799');",
    )
    .await;

    click(c, "#open-home").await;
    wait_for(c, ".home .cards button.primary").await;
    click(c, ".home .cards button.primary").await;
    wait_for(c, ".fill").await;
    click(c, "[data-path=\"/intro/consent\"] input").await;
    click(c, "footer button.primary").await;
    // The cascade of the imported form: Khorezm's districts only.
    wait_for(c, "[data-path=\"/location/region\"] select").await;
    js(
        c,
        "const s = document.querySelector('[data-path=\"/location/region\"] select'); \
         s.value = 'khorezm'; s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![],
    )
    .await;
    until(
        c,
        "Khorezm's districts",
        "return document.querySelectorAll('[data-path=\"/location/district\"] option').length > 2;",
    )
    .await;
    let version = js(
        c,
        "return JSON.parse(localStorage.getItem('xonadon.published'))['household_needs'];",
        vec![],
    )
    .await;
    assert_eq!(version, json!("2026112799"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// An XForm (as ODK Central or Kobo hold forms; here pyxform's of the corpus cascade) chosen
/// in the designer: imported as a form, not taken for a choices file, and previewed; its status
/// line in the language chosen (English).
async fn xform_from_a_server(c: &Client, server: &StaticServer) {
    // Chromedriver takes only canonical paths for a file input.
    let xform = workspace()
        .join("crates/xform/tests/forms/xls_cascade.xml")
        .canonicalize()
        .expect("the corpus XForm is there");
    open_page(c, &format!("{}designer.html", server.url())).await;
    // In English: the import's status line, written by a task, follows the chosen language.
    wait_for(c, "#form-json").await;
    choose_language(c, "en").await;
    wait_for(c, "#import-xlsform")
        .await
        .send_keys(&xform.display().to_string())
        .await
        .expect("choose the XForm");
    until(
        c,
        "the XForm imported",
        "return document.getElementById('form-json').value.includes('\"xls_cascade\"');",
    )
    .await;
    wait_for(c, ".preview [data-path=\"/region\"]").await;
    let status = js(
        c,
        "return document.querySelector('.tools .status').textContent;",
        vec![],
    )
    .await;
    assert!(
        status
            .as_str()
            .is_some_and(|s| s.starts_with("Imported ") && s.contains("xml → JSON")),
        "{status}"
    );
}

/// How much of `selector`'s box is on screen: its visible height and whether it lies within
/// the viewport's width.
async fn on_screen(c: &Client, selector: &str) -> (f64, bool) {
    let got = js(
        c,
        "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
         return [Math.min(r.bottom, innerHeight) - Math.max(r.top, 0), \
                 r.left >= 0 && r.right <= innerWidth + 1];",
        vec![json!(selector)],
    )
    .await;
    (
        got[0].as_f64().unwrap_or(0.0),
        got[1].as_bool() == Some(true),
    )
}

/// A designer on a portrait tablet (800 × 1280): typing in the text, the preview beside it
/// stays in view and follows; publishing a transliteration nobody checked asks first, and
/// "publish anyway" publishes.
async fn on_a_tablet(c: &Client, server: &StaticServer) {
    c.set_window_size(800, 1280).await.expect("window size");
    open_page(c, &format!("{}designer.html", server.url())).await;
    wait_for(c, "#form-json").await;
    set_text(c, SMALL).await;
    until(
        c,
        "the preview of the small form",
        "return document.querySelector('.preview').textContent.includes('Head of household');",
    )
    .await;
    js(
        c,
        "const a = document.getElementById('form-json'); const i = a.value.indexOf('household'); \
         a.focus(); a.setSelectionRange(i, i + 'household'.length);",
        vec![],
    )
    .await;
    c.find(Locator::Id("form-json"))
        .await
        .unwrap()
        .send_keys("home")
        .await
        .expect("type");
    until(
        c,
        "the preview following the typing",
        "return document.querySelector('.preview').textContent.includes('Head of home');",
    )
    .await;
    let focused = js(
        c,
        "return document.activeElement.id === 'form-json';",
        vec![],
    )
    .await;
    assert_eq!(focused, json!(true), "still typing");
    screenshot(c, "designer-tablet").await;
    for pane in [".editor", ".preview"] {
        let (visible, within) = on_screen(c, pane).await;
        assert!(
            visible >= 500.0 && within,
            "{pane} in view on the tablet: {visible} px high, within the width: {within}"
        );
    }

    // A Latin text made from Cyrillic, unchecked: publishing asks, and goes on when told.
    set_text(
        c,
        r#"{"settings": {"form_id": "tablet", "version": "1", "title": "Оила"},
  "survey": [{"type": "text", "name": "head", "label": {"uz-Cyrl": "Оила бошлиғи"}}]}"#,
    )
    .await;
    wait_for(c, ".problems .none").await;
    click(c, "#transliterate").await;
    until(
        c,
        "the label and the title to check",
        "return document.querySelectorAll('#to-check li').length === 2;",
    )
    .await;
    click(c, "#publish-form").await;
    until(
        c,
        "the question before publishing",
        "const d = document.querySelector('dialog.confirm'); \
         return d.open && d.textContent.includes('2 ta matn');",
    )
    .await;
    click(c, "dialog.confirm button.primary").await;
    until(
        c,
        "published anyway",
        "const s = document.querySelector('.tools .status'); \
         return !!s && s.textContent.includes('tablet 1') && s.textContent.includes('Chiqarildi');",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_preview_stays_in_view_on_a_tablet() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("designer-tablet"),
        "designer-tablet",
        move |c| async move { on_a_tablet(&c, &server).await },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn xform_is_imported_and_previewed() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("designer-xform"),
        "designer-xform",
        move |c| async move { xform_from_a_server(&c, &server).await },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_form_is_edited_in_parts() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("designer-large"),
        "designer-large",
        move |c| async move { large_form_in_parts(&c, &server).await },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn household_xlsform_is_imported_published_and_filled() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("household-xlsform"),
        "household-xlsform",
        move |c| async move { household_from_excel(&c, &server).await },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn designer_edits_imports_and_publishes() {
    let server = std::sync::Arc::new(StaticServer::start(dist()));
    let driver = Driver::start();
    in_browser(
        &driver,
        &profile("designer"),
        "designer",
        move |c| async move { scenario(&c, &server).await },
    )
    .await;
}
