//! The app's own words (buttons, headings, messages) in the four languages of the field.
//! Form texts come from the form; these are everything around them.

use xonadon_export::ExportError;
use xonadon_storage::StorageError;

use crate::store::Notice;

pub use xonadon_engine::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    AppName,
    Forms,
    NewForm,
    Drafts,
    NoDrafts,
    Resume,
    Delete,
    ConfirmDelete,
    Cancel,
    Finalized,
    NoFinalized,
    Next,
    Previous,
    Sections,
    Finalize,
    FinalizeTitle,
    FixBeforeFinalize,
    ReadyToFinalize,
    GoToQuestion,
    AddMember,
    RemoveMember,
    ConfirmRemoveMember,
    Member,
    Open,
    Home,
    Language,
    Settings,
    Enumerator,
    DeviceId,
    Answered,
    Acknowledge,
    GetLocation,
    RetryLocation,
    Accuracy,
    WaitingForAccuracy,
    UseThisPosition,
    LocationUnavailable,
    ChooseOne,
    Members,
    OneQuestion,
    RequiredBeforeNext,
    FindHousehold,
    AddAnother,
    SavedAt,
    NoMoreMembers,
    SortBy,
    NewestFirst,
    OldestFirst,
    MaxImage,
    RemovePhoto,
    PhotoFailed,
    RemoveFile,
    FileFailed,
    Guidance,
    AddPoint,
    RemoveLastPoint,
    Points,
    MoveUp,
    MoveDown,
    KeepOrder,
    NoMembers,
    Supervisor,
    ImportBundles,
    ImportHint,
    ChooseFiles,
    Working,
    Conflicts,
    ConflictExplain,
    KeepHeld,
    TakeImported,
    Submissions,
    Form,
    DateFrom,
    DateTo,
    Status,
    Any,
    Pending,
    Approved,
    HasIssues,
    Export,
    ColumnsAsLabels,
    ExportBundle,
    NoSubmissions,
    Household,
    Date,
    Close,
    View,
    Print,
    Review,
    Comment,
    Approve,
    MarkIssues,
    Added,
    SkippedIdentical,
    NewerReviews,
    ConflictsFound,
    Summary,
    PerDay,
    PerEnumerator,
    NeedsIdentified,
    NoSupervisorSetting,
    Compare,
    OnThisDevice,
    Imported,
    Designer,
    ImportXlsFormHint,
    ChooseFile,
    TakePhoto,
    TakePhotoAgain,
    Problems,
    NoProblems,
    ImportProblems,
    Preview,
    PreviewStale,
    FormJson,
    Save,
    Publish,
    DownloadJson,
    Transliterate,
    ToCheck,
    Correct,
    Saved,
    Published,
    FixErrorsFirst,
    SavedForms,
    NothingToFill,
    DownloadXlsForm,
    Reading,
    Converting,
    Placing,
    Checking,
    MediaKept,
    MediaMissing,
    // The supervisor's keys (pages/supervisor/keys).
    SupervisorKey,
    KeyName,
    Passphrase,
    PassphraseAgain,
    MakeKey,
    Unlock,
    YourPublicKey,
    SendTo,
    SaveKey,
    PassphraseTooShort,
    WrongPassphrase,
    KeyLocked,
    KeyUnlocked,
    ReviewsRefused,
}

/// The text of `key` in `language` (BCP-47 tag); English for any other language.
pub fn t(language: &str, key: T) -> &'static str {
    let texts: [&str; 4] = match key {
        T::AppName => ["Xonadon", "Хонадон", "Хонадон", "Xonadon"],
        T::Forms => ["Soʻrovnomalar", "Сўровномалар", "Анкеты", "Forms"],
        T::NewForm => [
            "Yangi soʻrovnoma",
            "Янги сўровнома",
            "Новая анкета",
            "New form",
        ],
        T::Drafts => ["Qoralamalar", "Қораламалар", "Черновики", "Drafts"],
        T::NoDrafts => [
            "Qoralamalar yoʻq",
            "Қораламалар йўқ",
            "Черновиков нет",
            "No drafts",
        ],
        T::Resume => ["Davom ettirish", "Давом эттириш", "Продолжить", "Resume"],
        T::Delete => ["Oʻchirish", "Ўчириш", "Удалить", "Delete"],
        T::ConfirmDelete => [
            "Bu qoralama butunlay oʻchiriladi. Ishonchingiz komilmi?",
            "Бу қоралама бутунлай ўчирилади. Ишончингиз комилми?",
            "Черновик будет удалён безвозвратно. Вы уверены?",
            "This draft will be deleted for good. Are you sure?",
        ],
        T::Cancel => ["Bekor qilish", "Бекор қилиш", "Отмена", "Cancel"],
        T::Finalized => ["Yakunlangan", "Якунланган", "Завершённые", "Finalized"],
        T::NoFinalized => [
            "Yakunlangan soʻrovnomalar yoʻq",
            "Якунланган сўровномалар йўқ",
            "Завершённых анкет нет",
            "No finalized forms",
        ],
        T::Next => ["Keyingi", "Кейинги", "Далее", "Next"],
        T::Previous => ["Oldingi", "Олдинги", "Назад", "Previous"],
        T::Sections => ["Boʻlimlar", "Бўлимлар", "Разделы", "Sections"],
        T::Finalize => ["Yakunlash", "Якунлаш", "Завершить", "Finalize"],
        T::FinalizeTitle => [
            "Soʻrovnomani yakunlash",
            "Сўровномани якунлаш",
            "Завершение анкеты",
            "Finalize the form",
        ],
        T::FixBeforeFinalize => [
            "Yakunlashdan oldin quyidagilarni tuzating:",
            "Якунлашдан олдин қуйидагиларни тузатинг:",
            "Перед завершением исправьте:",
            "Fix these before finalizing:",
        ],
        T::ReadyToFinalize => [
            "Barcha javoblar toʻgʻri. Yakunlangandan soʻng oʻzgartirib boʻlmaydi.",
            "Барча жавоблар тўғри. Якунлангандан сўнг ўзгартириб бўлмайди.",
            "Все ответы в порядке. После завершения анкету нельзя изменить.",
            "All answers are in order. Once finalized, the form cannot be changed.",
        ],
        T::GoToQuestion => [
            "Savolga oʻtish",
            "Саволга ўтиш",
            "К вопросу",
            "Go to question",
        ],
        T::AddMember => ["Aʼzo qoʻshish", "Аъзо қўшиш", "Добавить", "Add"],
        T::RemoveMember => ["Olib tashlash", "Олиб ташлаш", "Удалить", "Remove"],
        T::ConfirmRemoveMember => [
            "Bu yozuv va uning barcha javoblari oʻchiriladi. Ishonchingiz komilmi?",
            "Бу ёзув ва унинг барча жавоблари ўчирилади. Ишончингиз комилми?",
            "Запись и все её ответы будут удалены. Вы уверены?",
            "This entry and all its answers will be removed. Are you sure?",
        ],
        T::Member => ["Yozuv", "Ёзув", "Запись", "Entry"],
        T::Open => ["Ochish", "Очиш", "Открыть", "Open"],
        T::Home => ["Bosh sahifa", "Бош саҳифа", "Главная", "Home"],
        T::Language => ["Til", "Тил", "Язык", "Language"],
        T::Settings => ["Sozlamalar", "Созламалар", "Настройки", "Settings"],
        T::Enumerator => [
            "Xodimning ismi",
            "Ходимнинг исми",
            "Имя сотрудника",
            "Your name",
        ],
        T::DeviceId => [
            "Qurilma raqami",
            "Қурилма рақами",
            "Код устройства",
            "Device ID",
        ],
        T::Answered => ["javob berilgan", "жавоб берилган", "отвечено", "answered"],
        T::Acknowledge => ["Tasdiqlayman", "Тасдиқлайман", "Подтверждаю", "I confirm"],
        T::GetLocation => [
            "Joylashuvni aniqlash",
            "Жойлашувни аниқлаш",
            "Определить местоположение",
            "Get location",
        ],
        T::RetryLocation => ["Qayta urinish", "Қайта уриниш", "Повторить", "Try again"],
        T::Accuracy => ["Aniqlik", "Аниқлик", "Точность", "Accuracy"],
        T::WaitingForAccuracy => ["kutilmoqda", "кутилмоқда", "ждём", "waiting for"],
        T::UseThisPosition => [
            "Shu joylashuvni olish",
            "Шу жойлашувни олиш",
            "Взять это место",
            "Use this position",
        ],
        T::LocationUnavailable => [
            "Joylashuv aniqlanmadi. Ruxsat berilganini va GPS yoqilganini tekshiring.",
            "Жойлашув аниқланмади. Рухсат берилганини ва GPS ёқилганини текширинг.",
            "Не удалось определить местоположение. Проверьте разрешение и включён ли GPS.",
            "Location not available. Check that location is allowed and GPS is on.",
        ],
        T::ChooseOne => ["Tanlang…", "Танланг…", "Выберите…", "Choose…"],
        T::Members => [
            "Roʻyxatga qaytish",
            "Рўйхатга қайтиш",
            "К списку",
            "Back to the list",
        ],
        T::OneQuestion => [
            "Bir ekranda bitta savol (shakl ruxsat bergan joyda)",
            "Бир экранда битта савол (шакл рухсат берган жойда)",
            "По одному вопросу на экране (где форма это позволяет)",
            "One question per screen (where the form allows it)",
        ],
        T::SavedAt => ["Saqlandi", "Сақланди", "Сохранено", "Saved"],
        T::AddAnother => [
            "yana bir aʼzo qoʻshilsinmi?",
            "яна бир аъзо қўшилсинми?",
            "добавить ещё одного?",
            "add another one?",
        ],
        T::NoMoreMembers => [
            "Yoʻq, davom etish",
            "Йўқ, давом этиш",
            "Нет, дальше",
            "No, go on",
        ],
        T::FindHousehold => [
            "Xonadonni qidirish",
            "Хонадонни қидириш",
            "Найти домохозяйство",
            "Find a household",
        ],
        T::SortBy => ["Tartib", "Тартиб", "Порядок", "Order"],
        T::NewestFirst => [
            "Avval yangilari",
            "Аввал янгилари",
            "Сначала новые",
            "Newest first",
        ],
        T::OldestFirst => [
            "Avval eskilari",
            "Аввал эскилари",
            "Сначала старые",
            "Oldest first",
        ],
        T::RequiredBeforeNext => [
            "Majburiy savolga javob berilmaguncha keyingi sahifaga oʻtmaslik",
            "Мажбурий саволга жавоб берилмагунча кейинги саҳифага ўтмаслик",
            "Не переходить дальше, пока не отвечен обязательный вопрос",
            "Do not go on while a required question is unanswered",
        ],
        T::MaxImage => [
            "Rasmning eng katta tomoni (piksel)",
            "Расмнинг энг катта томони (пиксел)",
            "Наибольшая сторона фото (пикселей)",
            "Longest side of photos (pixels)",
        ],
        T::RemovePhoto => [
            "Rasmni olib tashlash",
            "Расмни олиб ташлаш",
            "Удалить фото",
            "Remove photo",
        ],
        T::PhotoFailed => [
            "Rasm saqlanmadi. Qaytadan urinib koʻring.",
            "Расм сақланмади. Қайтадан уриниб кўринг.",
            "Фото не сохранилось. Попробуйте ещё раз.",
            "The photo was not saved. Please try again.",
        ],
        T::Guidance => [
            "Qoʻshimcha koʻrsatma",
            "Қўшимча кўрсатма",
            "Подробнее, как спрашивать",
            "More guidance",
        ],
        T::RemoveFile => [
            "Faylni olib tashlash",
            "Файлни олиб ташлаш",
            "Удалить файл",
            "Remove file",
        ],
        T::FileFailed => [
            "Fayl saqlanmadi. Qaytadan urinib koʻring.",
            "Файл сақланмади. Қайтадан уриниб кўринг.",
            "Файл не сохранился. Попробуйте ещё раз.",
            "The file was not saved. Please try again.",
        ],
        T::AddPoint => [
            "Joylashuvni nuqta sifatida qoʻshish",
            "Жойлашувни нуқта сифатида қўшиш",
            "Добавить точку (текущее место)",
            "Add my location as a point",
        ],
        T::RemoveLastPoint => [
            "Oxirgi nuqtani olib tashlash",
            "Охирги нуқтани олиб ташлаш",
            "Удалить последнюю точку",
            "Remove the last point",
        ],
        T::Points => ["Nuqtalar", "Нуқталар", "Точек", "Points"],
        T::MoveUp => ["Yuqoriga", "Юқорига", "Выше", "Move up"],
        T::MoveDown => ["Pastga", "Пастга", "Ниже", "Move down"],
        T::KeepOrder => [
            "Shu tartibni tanlash",
            "Шу тартибни танлаш",
            "Оставить этот порядок",
            "Keep this order",
        ],
        T::NoMembers => [
            "Hali yozuv yoʻq",
            "Ҳали ёзув йўқ",
            "Записей пока нет",
            "No entries yet",
        ],

        T::Supervisor => ["Nazoratchi", "Назоратчи", "Руководитель", "Supervisor"],
        T::ImportBundles => [
            "Planshetlardan maʼlumot olish",
            "Планшетлардан маълумот олиш",
            "Загрузка данных с планшетов",
            "Import from tablets",
        ],
        T::ImportHint => [
            "Planshetlardan eksport qilingan fayllarni (.json) shu yerga tashlang yoki \
             tanlang.",
            "Планшетлардан экспорт қилинган файлларни (.json) шу ерга ташланг ёки танланг.",
            "Перетащите сюда файлы (.json), выгруженные с планшетов, или выберите их.",
            "Drop the files (.json) exported from the tablets here, or choose them.",
        ],
        T::ChooseFiles => [
            "Fayllarni tanlash",
            "Файлларни танлаш",
            "Выбрать файлы",
            "Choose files",
        ],
        T::Working => ["Bajarilmoqda…", "Бажарилмоқда…", "Выполняется…", "Working…"],
        T::Conflicts => ["Ziddiyatlar", "Зиддиятлар", "Конфликты", "Conflicts"],
        T::ConflictExplain => [
            "Bu soʻrovnomalar qurilmada bor, lekin import qilingan nusxadagi javoblar \
             boshqacha. Qaysi biri toʻgʻri ekanini tanlang.",
            "Бу сўровномалар қурилмада бор, лекин импорт қилинган нусхадаги жавоблар бошқача. \
             Қайси бири тўғри эканини танланг.",
            "Эти анкеты уже есть на устройстве, но в загруженной копии другие ответы. \
             Выберите, какая верна.",
            "These submissions are on this device, but the imported copy has different \
             answers. Choose which one is right.",
        ],
        T::KeepHeld => [
            "Qurilmadagisini qoldirish",
            "Қурилмадагисини қолдириш",
            "Оставить имеющуюся",
            "Keep the one on this device",
        ],
        T::TakeImported => [
            "Import qilinganini olish",
            "Импорт қилинганини олиш",
            "Взять загруженную",
            "Take the imported copy",
        ],
        T::Submissions => [
            "Yakunlangan soʻrovnomalar",
            "Якунланган сўровномалар",
            "Завершённые анкеты",
            "Submissions",
        ],
        T::Form => ["Soʻrovnoma", "Сўровнома", "Анкета", "Form"],
        T::DateFrom => ["Sanadan", "Санадан", "С даты", "From"],
        T::DateTo => ["Sanagacha", "Санагача", "По дату", "To"],
        T::Status => ["Holati", "Ҳолати", "Статус", "Status"],
        T::Any => ["Hammasi", "Ҳаммаси", "Все", "Any"],
        T::Pending => [
            "Koʻrib chiqilmagan",
            "Кўриб чиқилмаган",
            "Не проверена",
            "Not reviewed",
        ],
        T::Approved => ["Tasdiqlangan", "Тасдиқланган", "Одобрена", "Approved"],
        T::HasIssues => [
            "Kamchiligi bor",
            "Камчилиги бор",
            "Есть замечания",
            "Has issues",
        ],
        T::Export => ["Eksport", "Экспорт", "Выгрузка", "Export"],
        T::ColumnsAsLabels => [
            "Ustun nomlari va javoblar tanlangan tilda",
            "Устун номлари ва жавоблар танланган тилда",
            "Заголовки и ответы — текстом на выбранном языке",
            "Headers and answers as text in the chosen language",
        ],
        T::ExportBundle => [
            "Toʻplam (JSON)",
            "Тўплам (JSON)",
            "Пакет (JSON)",
            "Bundle (JSON)",
        ],
        T::NoSubmissions => [
            "Mos soʻrovnomalar yoʻq",
            "Мос сўровномалар йўқ",
            "Подходящих анкет нет",
            "No matching submissions",
        ],
        T::Household => ["Xonadon", "Хонадон", "Семья", "Household"],
        T::Date => ["Sana", "Сана", "Дата", "Date"],
        T::Close => ["Yopish", "Ёпиш", "Закрыть", "Close"],
        T::View => ["Koʻrish", "Кўриш", "Открыть", "View"],
        T::Print => ["Chop etish", "Чоп этиш", "Печать", "Print"],
        T::Review => ["Tekshiruv", "Текширув", "Проверка", "Review"],
        T::Comment => ["Izoh", "Изоҳ", "Комментарий", "Comment"],
        T::Approve => ["Tasdiqlash", "Тасдиқлаш", "Одобрить", "Approve"],
        T::MarkIssues => [
            "Kamchilik bor",
            "Камчилик бор",
            "Есть замечания",
            "Has issues",
        ],
        T::Added => ["qoʻshildi", "қўшилди", "добавлено", "added"],
        T::SkippedIdentical => [
            "bir xil, oʻtkazib yuborildi",
            "бир хил, ўтказиб юборилди",
            "совпадают, пропущено",
            "identical, skipped",
        ],
        T::NewerReviews => [
            "yangi tekshiruv natijasi",
            "янги текширув натижаси",
            "новых проверок",
            "newer reviews",
        ],
        T::ConflictsFound => ["ziddiyat", "зиддият", "конфликтов", "conflicts"],
        T::Summary => ["Umumiy koʻrinish", "Умумий кўриниш", "Сводка", "Summary"],
        T::PerDay => ["Kunlar boʻyicha", "Кунлар бўйича", "По дням", "Per day"],
        T::PerEnumerator => [
            "Xodimlar boʻyicha",
            "Ходимлар бўйича",
            "По сотрудникам",
            "Per social worker",
        ],
        T::NeedsIdentified => [
            "Aniqlangan ehtiyojlar",
            "Аниқланган эҳтиёжлар",
            "Выявленные потребности",
            "Needs identified",
        ],
        T::NoSupervisorSetting => [
            "soʻrovnomada hudud yoki ehtiyojlar savollari koʻrsatilmagan \
             (settings.supervisor), shuning uchun koʻrsatilmaganlari uchun filtr va diagramma \
             yoʻq",
            "сўровномада ҳудуд ёки эҳтиёжлар саволлари кўрсатилмаган \
             (settings.supervisor), шунинг учун кўрсатилмаганлари учун фильтр ва диаграмма йўқ",
            "в анкете не указаны вопросы о месте или о потребностях \
             (settings.supervisor), поэтому для неуказанного нет фильтров и диаграмм",
            "the form does not name its place or needs questions (settings.supervisor), so \
             what it leaves out has no filter or chart here",
        ],
        T::Compare => [
            "Farqlarini koʻrish",
            "Фарқларини кўриш",
            "Сравнить",
            "Compare",
        ],
        T::OnThisDevice => ["Qurilmada", "Қурилмада", "На устройстве", "On this device"],
        T::Imported => [
            "Import qilingan",
            "Импорт қилинган",
            "Загруженная",
            "Imported",
        ],
        T::Designer => [
            "Shakl muharriri",
            "Шакл муҳаррири",
            "Редактор анкет",
            "Form designer",
        ],
        T::ImportXlsFormHint => [
            "XLSForm (.xlsx, .xls, .ods) yoki XForm (.xml) faylini CSV fayllari va rasmlari \
             bilan shu yerga tashlang yoki tanlang",
            "XLSForm (.xlsx, .xls, .ods) ёки XForm (.xml) файлини CSV файллари ва расмлари \
             билан шу ерга ташланг ёки танланг",
            "Перетащите сюда XLSForm (.xlsx, .xls, .ods) или XForm (.xml) с его файлами CSV и \
             картинками или выберите файлы",
            "Drop an XLSForm (.xlsx, .xls, .ods) or an XForm (.xml) here with its CSV files \
             and pictures, or choose them",
        ],
        T::TakePhoto => [
            "📷 Rasmga olish",
            "📷 Расмга олиш",
            "📷 Сфотографировать",
            "📷 Take a photo",
        ],
        T::TakePhotoAgain => [
            "📷 Qaytadan olish",
            "📷 Қайтадан олиш",
            "📷 Переснять",
            "📷 Take it again",
        ],
        T::ChooseFile => [
            "Faylni tanlash",
            "Файлни танлаш",
            "Выбрать файл",
            "Choose a file",
        ],
        T::Problems => ["Muammolar", "Муаммолар", "Проблемы", "Problems"],
        T::NoProblems => ["Muammo yoʻq", "Муаммо йўқ", "Проблем нет", "No problems"],
        T::ImportProblems => [
            "XLSForm importidagi muammolar",
            "XLSForm импортидаги муаммолар",
            "Проблемы при импорте XLSForm",
            "Problems found importing the XLSForm",
        ],
        T::Preview => ["Koʻrinishi", "Кўриниши", "Предпросмотр", "Preview"],
        T::PreviewStale => [
            "Xatolar tuzatilguncha oxirgi ishlagan koʻrinish",
            "Хатолар тузатилгунча охирги ишлаган кўриниш",
            "Последний рабочий вариант — пока есть ошибки",
            "The last version that worked, until the errors are fixed",
        ],
        T::FormJson => [
            "Shakl (JSON)",
            "Шакл (JSON)",
            "Анкета (JSON)",
            "Form (JSON)",
        ],
        T::Save => ["Saqlash", "Сақлаш", "Сохранить", "Save"],
        T::Publish => [
            "Planshetga chiqarish",
            "Планшетга чиқариш",
            "Опубликовать на планшете",
            "Publish",
        ],
        T::DownloadJson => [
            "JSON yuklab olish",
            "JSON юклаб олиш",
            "Скачать JSON",
            "Download JSON",
        ],
        T::Transliterate => [
            "Lotin/kirill matnlarni toʻldirish",
            "Лотин/кирилл матнларни тўлдириш",
            "Заполнить латиницу/кириллицу",
            "Fill Latin / Cyrillic texts",
        ],
        T::ToCheck => [
            "Transliteratsiya qilingan — tekshiring",
            "Транслитерация қилинган — текширинг",
            "Транслитерировано — проверьте",
            "Transliterated — please check",
        ],
        T::Correct => ["Toʻgʻri", "Тўғри", "Верно", "Correct"],
        T::Saved => ["Saqlandi", "Сақланди", "Сохранено", "Saved"],
        T::Published => [
            "Chiqarildi: yangi soʻrovnomalar shu versiyada boshlanadi",
            "Чиқарилди: янги сўровномалар шу версияда бошланади",
            "Опубликовано: новые анкеты начинаются с этой версии",
            "Published: new forms start with this version",
        ],
        T::FixErrorsFirst => [
            "Avval xatolarni tuzating",
            "Аввал хатоларни тузатинг",
            "Сначала исправьте ошибки",
            "Fix the errors first",
        ],
        T::SavedForms => [
            "Saqlangan shakllar",
            "Сақланган шакллар",
            "Сохранённые анкеты",
            "Saved forms",
        ],
        T::Reading => [
            "Fayl oʻqilmoqda…",
            "Файл ўқилмоқда…",
            "Чтение файла…",
            "Reading the file…",
        ],
        T::Converting => [
            "JSON ga aylantirilmoqda…",
            "JSON га айлантирилмоқда…",
            "Преобразование в JSON…",
            "Converting to JSON…",
        ],
        T::Placing => [
            "Muharrirga joylanmoqda…",
            "Муҳаррирга жойланмоқда…",
            "Размещение в редакторе…",
            "Placing in the editor…",
        ],
        T::MediaKept => [
            "Shakl uchun saqlangan fayllar",
            "Шакл учун сақланган файллар",
            "Файлы, сохранённые для формы",
            "Files kept for the form",
        ],
        T::MediaMissing => [
            "Shakl nomlagan, lekin berilmagan fayllar",
            "Шакл номлаган, лекин берилмаган файллар",
            "Файлы, которые форма называет, но которых нет",
            "Files the form names but nobody supplied",
        ],
        T::Checking => [
            "Tekshirilmoqda…",
            "Текширилмоқда…",
            "Проверка…",
            "Checking…",
        ],
        T::NothingToFill => [
            "Toʻldiriladigan matn yoʻq",
            "Тўлдириладиган матн йўқ",
            "Нечего заполнять",
            "Nothing to fill",
        ],
        T::DownloadXlsForm => [
            "XLSForm yuklab olish",
            "XLSForm юклаб олиш",
            "Скачать XLSForm",
            "Download XLSForm",
        ],
        T::SupervisorKey => [
            "Nazoratchi kaliti",
            "Назоратчи калити",
            "Ключ супервайзера",
            "Supervisor's key",
        ],
        T::KeyName => [
            "Ismingiz (tekshiruvlarda koʻrinadi)",
            "Исмингиз (текширувларда кўринади)",
            "Ваше имя (видно в проверках)",
            "Your name (reviews show it)",
        ],
        T::Passphrase => [
            "Parol iborasi",
            "Парол ибораси",
            "Парольная фраза",
            "Passphrase",
        ],
        T::PassphraseAgain => [
            "Parol iborasi yana bir bor",
            "Парол ибораси яна бир бор",
            "Парольная фраза ещё раз",
            "Passphrase again",
        ],
        T::MakeKey => [
            "Kalitlar juftini yaratish",
            "Калитлар жуфтини яратиш",
            "Создать пару ключей",
            "Make my key pair",
        ],
        T::Unlock => ["Ochish", "Очиш", "Разблокировать", "Unlock"],
        T::YourPublicKey => [
            "Ochiq kalitingiz (uni planshetlarga bering):",
            "Очиқ калитингиз (уни планшетларга беринг):",
            "Ваш открытый ключ (передайте его на планшеты):",
            "Your public key (give it to the tablets):",
        ],
        T::SendTo => [
            "Bu qurilmaning toʻplamlari shifrlanadigan nazoratchining ochiq kaliti",
            "Бу қурилманинг тўпламлари шифрланадиган назоратчининг очиқ калити",
            "Открытый ключ супервайзера, для которого шифруются пакеты этого устройства",
            "The public key of the supervisor this device's bundles are encrypted for",
        ],
        T::SaveKey => ["Saqlash", "Сақлаш", "Сохранить", "Save"],
        T::PassphraseTooShort => [
            "Parol iborasi kamida 10 belgidan iborat boʻlsin va ikki marta bir xil yozilsin.",
            "Парол ибораси камида 10 белгидан иборат бўлсин ва икки марта бир хил ёзилсин.",
            "Парольная фраза — не короче 10 знаков, дважды одинаково.",
            "The passphrase needs at least 10 characters, typed the same twice.",
        ],
        T::WrongPassphrase => [
            "Parol iborasi notoʻgʻri.",
            "Парол ибораси нотўғри.",
            "Неверная парольная фраза.",
            "Wrong passphrase.",
        ],
        T::KeyLocked => [
            "Kalit yopiq: shifrlangan toʻplamlarni ochish va tekshiruvlarni imzolash uchun uni \
             oching.",
            "Калит ёпиқ: шифрланган тўпламларни очиш ва текширувларни имзолаш учун уни очинг.",
            "Ключ заблокирован: разблокируйте его, чтобы открывать зашифрованные пакеты и \
             подписывать проверки.",
            "Key locked: unlock it to open encrypted bundles and sign reviews.",
        ],
        T::KeyUnlocked => [
            "Kalit ochiq: tekshiruvlaringiz imzolanadi.",
            "Калит очиқ: текширувларингиз имзоланади.",
            "Ключ разблокирован: ваши проверки подписываются.",
            "Key unlocked: your reviews are signed.",
        ],
        T::ReviewsRefused => [
            "tekshiruv rad etildi (imzosiz yoki imzosi notoʻgʻri)",
            "текширув рад этилди (имзосиз ёки имзоси нотўғри)",
            "проверок отклонено (без подписи или с неверной подписью)",
            "reviews refused (unsigned or badly signed)",
        ],
    };
    Lang::from_tag(language).pick(texts)
}

/// `template` with each `{name}` replaced by its value: the one placeholder style of the
/// app's messages (a translation may put the parts in any order).
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// What a storage failure means for the worker and what to do, in `language` (the detail the
/// browser gave, for a supervisor, stays as it came).
pub fn storage_message(language: &str, error: &StorageError) -> String {
    use StorageError as E;
    let lang = Lang::from_tag(language);
    let (texts, detail): ([&str; 4], &str) = match error {
        E::QuotaExceeded => (
            [
                "Qurilma xotirasi toʻlgan. Joy boʻshating (eski rasmlar yoki ilovalarni \
                 oʻchiring) va qayta urinib koʻring; avval saqlangan maʼlumotlar yoʻqolmadi.",
                "Қурилма хотираси тўлган. Жой бўшатинг (эски расмлар ёки иловаларни ўчиринг) \
                 ва қайта уриниб кўринг; аввал сақланган маълумотлар йўқолмади.",
                "Память устройства заполнена. Освободите место (удалите старые фото или \
                 приложения) и попробуйте снова; ранее сохранённые данные не потеряны.",
                "The device storage is full. Free space (delete old photos or apps) and try \
                 again; nothing already saved was lost.",
            ],
            "",
        ),
        E::Blocked => (
            [
                "Xonadonning eski versiyasi boshqa varaqda ochiq. Boshqa Xonadon varaqlarini \
                 yoping va bu sahifani qayta yuklang; saqlangan maʼlumotlar yoʻqolmadi.",
                "Хонадоннинг эски версияси бошқа варақда очиқ. Бошқа Хонадон варақларини ёпинг \
                 ва бу саҳифани қайта юкланг; сақланган маълумотлар йўқолмади.",
                "В другой вкладке открыта старая версия Хонадон. Закройте другие вкладки \
                 Хонадон и перезагрузите эту страницу; сохранённые данные не потеряны.",
                "Another Xonadon tab is still open with an older version of the app. Close the \
                 other Xonadon tabs, then reload this page; nothing already saved was lost.",
            ],
            "",
        ),
        E::Outdated => (
            [
                "Bu qurilmadagi maʼlumotlar Xonadonning yangiroq versiyasi bilan yangilangan. \
                 Yangi versiyadan foydalanish uchun sahifani qayta yuklang; saqlangan \
                 maʼlumotlar yoʻqolmadi.",
                "Бу қурилмадаги маълумотлар Хонадоннинг янгироқ версияси билан янгиланган. \
                 Янги версиядан фойдаланиш учун саҳифани қайта юкланг; сақланган маълумотлар \
                 йўқолмади.",
                "Данные на этом устройстве обновлены более новой версией Хонадон. \
                 Перезагрузите страницу, чтобы открыть новую версию; сохранённые данные не \
                 потеряны.",
                "The saved data on this device was upgraded by a newer version of Xonadon. \
                 Reload this page to use the newer version; nothing already saved was lost.",
            ],
            "",
        ),
        E::Locked => (
            [
                "Saqlangan maʼlumotlar qulflangan. Xonadonni PIN-kodingiz bilan oching va \
                 qayta urinib koʻring; avval saqlangan maʼlumotlar yoʻqolmadi.",
                "Сақланган маълумотлар қулфланган. Хонадонни PIN-кодингиз билан очинг ва \
                 қайта уриниб кўринг; аввал сақланган маълумотлар йўқолмади.",
                "Сохранённые данные заблокированы. Разблокируйте Хонадон своим PIN-кодом и \
                 попробуйте снова; ранее сохранённые данные не потеряны.",
                "The saved data is locked. Unlock Xonadon with your PIN and try again; nothing \
                 already saved was lost.",
            ],
            "",
        ),
        E::Unavailable(d) => (
            [
                "Bu brauzer oynasida oflayn xotiradan foydalanib boʻlmaydi ({detail}). \
                 Xonadonni Chrome brauzerining oddiy (maxfiy boʻlmagan) oynasida oching va \
                 sahifani qayta yuklang.",
                "Бу браузер ойнасида офлайн хотирадан фойдаланиб бўлмайди ({detail}). \
                 Хонадонни Chrome браузерининг оддий (махфий бўлмаган) ойнасида очинг ва \
                 саҳифани қайта юкланг.",
                "В этом окне браузера офлайн-хранилище недоступно ({detail}). Откройте Хонадон \
                 в обычном (не приватном) окне Chrome и перезагрузите страницу.",
                "Offline storage is not available in this browser window ({detail}). Open \
                 Xonadon in a normal (not private) window of Chrome and reload the page.",
            ],
            d,
        ),
        E::Conflict(d) => (
            [
                "Saqlab boʻlmadi: {detail}",
                "Сақлаб бўлмади: {detail}",
                "Не удалось сохранить: {detail}",
                "{detail}",
            ],
            d,
        ),
        E::AlreadyFinalized(d) => (
            [
                "Bu soʻrovnoma allaqachon yakunlangan ({detail}); qoralamaning kechikkan \
                 nusxasi saqlanmadi.",
                "Бу сўровнома аллақачон якунланган ({detail}); қораламанинг кечиккан нусхаси \
                 сақланмади.",
                "Эта анкета уже завершена ({detail}); запоздавшая копия черновика не \
                 сохранена.",
                "This form was already finalized as {detail}; the late copy of its draft was \
                 not saved.",
            ],
            d,
        ),
        E::Corrupt(d) => (
            [
                "Saqlangan yozuvni oʻqib boʻlmadi: {detail}. Boshqa yozuvlar butun. Bu xabarni \
                 nazoratchingizga yuboring.",
                "Сақланган ёзувни ўқиб бўлмади: {detail}. Бошқа ёзувлар бутун. Бу хабарни \
                 назоратчингизга юборинг.",
                "Не удаётся прочитать сохранённую запись: {detail}. Остальные записи в \
                 порядке. Сообщите об этом руководителю, приложив это сообщение.",
                "A saved record cannot be read: {detail}. The other records are safe. Report \
                 this to your supervisor with this message.",
            ],
            d,
        ),
        E::Invalid(d) => (
            [
                "Xonadon notoʻgʻri yozuvni saqlashga urindi ({detail}). Bu dasturdagi xato: \
                 nazoratchingizga xabar bering. Saqlangan maʼlumotlar oʻzgarmadi.",
                "Хонадон нотўғри ёзувни сақлашга уринди ({detail}). Бу дастурдаги хато: \
                 назоратчингизга хабар беринг. Сақланган маълумотлар ўзгармади.",
                "Хонадон попытался сохранить некорректную запись ({detail}). Это ошибка \
                 программы: сообщите руководителю. Сохранённые данные не изменены.",
                "Xonadon tried to save an invalid record ({detail}). This is a bug: report it \
                 to your supervisor. Nothing already saved was changed.",
            ],
            d,
        ),
        E::Other(d) => (
            [
                "Saqlash yoki oʻqishda xato ({detail}). Qayta urinib koʻring; takrorlansa, \
                 planshetni qayta ishga tushiring. Saqlangan maʼlumotlar yoʻqolmadi.",
                "Сақлаш ёки ўқишда хато ({detail}). Қайта уриниб кўринг; такрорланса, \
                 планшетни қайта ишга туширинг. Сақланган маълумотлар йўқолмади.",
                "Ошибка при сохранении или чтении ({detail}). Попробуйте снова; если \
                 повторится, перезагрузите планшет. Сохранённые данные не потеряны.",
                "Saving or reading failed ({detail}). Try again; if it keeps failing, restart \
                 the tablet. Nothing already saved was lost.",
            ],
            d,
        ),
    };
    fill(lang.pick(texts), &[("detail", detail)])
}

/// A problem on the field worker's screen, in `language`.
pub fn notice_message(language: &str, notice: &Notice) -> String {
    let lang = Lang::from_tag(language);
    match notice {
        Notice::Storage(e) => storage_message(language, e),
        Notice::FormDoesNotLoad {
            form_id,
            version,
            detail,
        } => fill(
            lang.pick([
                "{form} soʻrovnomasi ({version}-versiya) ochilmaydi; uni shakl muallifiga \
                 yuboring: {detail}",
                "{form} сўровномаси ({version}-версия) очилмайди; уни шакл муаллифига \
                 юборинг: {detail}",
                "Анкета {form} (версия {version}) не открывается; сообщите её автору: {detail}",
                "The form {form} version {version} does not open; tell its designer: {detail}",
            ]),
            &[("form", form_id), ("version", version), ("detail", detail)],
        ),
        Notice::FormMissing { form_id, version } => fill(
            lang.pick([
                "{form} soʻrovnomasining {version}-versiyasi bu qurilmada yoʻq, shuning uchun \
                 qoralamani ochib boʻlmaydi. Uni nazoratchingizdan soʻrang.",
                "{form} сўровномасининг {version}-версияси бу қурилмада йўқ, шунинг учун \
                 қораламани очиб бўлмайди. Уни назоратчингиздан сўранг.",
                "Версии {version} анкеты {form} нет на этом устройстве, поэтому черновик не \
                 открыть. Попросите её у руководителя.",
                "The form {form} version {version} is not on this device, so the draft cannot \
                 be opened. Ask your supervisor for it.",
            ]),
            &[("form", form_id), ("version", version)],
        ),
        Notice::DraftUnreadable { detail } => fill(
            lang.pick([
                "Qoralamani ochib boʻlmadi ({detail}); u oʻchirilmadi. Nazoratchingizga xabar \
                 bering.",
                "Қораламани очиб бўлмади ({detail}); у ўчирилмади. Назоратчингизга хабар \
                 беринг.",
                "Черновик не открывается ({detail}); он не удалён. Сообщите руководителю.",
                "The draft cannot be opened ({detail}); it was not deleted. Tell your \
                 supervisor.",
            ]),
            &[("detail", detail)],
        ),
        Notice::Restored {
            drafts,
            submissions,
            files,
        } => fill(
            lang.pick([
                "Brauzer bu qurilmadagi saqlangan maʼlumotlarning bir qismini yoʻqotgan edi. \
                 Xonadon ularni ikkinchi nusxasidan tikladi ({drafts} ta qoralama, \
                 {submissions} ta yakunlangan soʻrovnoma, {files} ta rasm va boshqa fayl); hech narsa yoʻqolmadi.",
                "Браузер бу қурилмадаги сақланган маълумотларнинг бир қисмини йўқотган эди. \
                 Хонадон уларни иккинчи нусхасидан тиклади ({drafts} та қоралама, \
                 {submissions} та якунланган сўровнома, {files} та расм ва бошқа файл); ҳеч нарса йўқолмади.",
                "Браузер потерял часть сохранённых на этом устройстве данных. Хонадон \
                 восстановил их из второй копии (черновиков: {drafts}, завершённых анкет: \
                 {submissions}, фото и других файлов: {files}); ничего не потеряно.",
                "The browser had lost some of the data saved on this device. Xonadon restored \
                 it from its second copy ({drafts} drafts, {submissions} finalized forms, {files} \
                 photos and other files); nothing was lost.",
            ]),
            &[
                ("drafts", &drafts.to_string()),
                ("submissions", &submissions.to_string()),
                ("files", &files.to_string()),
            ],
        ),
        Notice::SpaceShort(short) => fill(
            lang.pick([
                "Xotira deyarli toʻldi: {used} MB / {quota} MB ({percent} %). Joy \
                 boʻshating (eski rasmlar yoki ilovalarni oʻchiring) va yakunlangan \
                 soʻrovnomalarni eksport qiling, aks holda tez orada saqlab boʻlmaydi.",
                "Хотира деярли тўлди: {used} MB / {quota} MB ({percent} %). Жой бўшатинг \
                 (эски расмлар ёки иловаларни ўчиринг) ва якунланган сўровномаларни экспорт \
                 қилинг, акс ҳолда тез орада сақлаб бўлмайди.",
                "Память почти заполнена: {used} МБ из {quota} МБ ({percent} %). Освободите \
                 место (удалите старые фото или приложения) и выгрузите завершённые анкеты, \
                 иначе скоро сохранить не получится.",
                "Storage is nearly full: {used} MB of {quota} MB ({percent} %). Free space \
                 (delete old photos or apps) and export finalized forms, or saving will soon \
                 fail.",
            ]),
            &[
                ("used", &short.used_mb.to_string()),
                ("quota", &short.quota_mb.to_string()),
                ("percent", &short.percent.to_string()),
            ],
        ),
    }
}

/// How much storage the app uses, for the home screen.
pub fn usage_message(language: &str, usage: &crate::space::Usage) -> String {
    fill(
        Lang::from_tag(language).pick([
            "Xotiradan foydalanilgan: {used} MB / {quota} MB ({percent} %)",
            "Хотирадан фойдаланилган: {used} MB / {quota} MB ({percent} %)",
            "Занято памяти: {used} МБ из {quota} МБ ({percent} %)",
            "Storage used: {used} MB of {quota} MB ({percent} %)",
        ]),
        &[
            ("used", &usage.used_mb.to_string()),
            ("quota", &usage.quota_mb.to_string()),
            ("percent", &usage.percent.to_string()),
        ],
    )
}

/// What went wrong with an export or an imported file, in `language`; the file is named first.
pub fn export_message(language: &str, error: &ExportError) -> String {
    use ExportError as E;
    let lang = Lang::from_tag(language);
    match error {
        E::Malformed { file, detail } => fill(
            lang.pick([
                "{file}: Xonadon toʻplami emas ({detail}). Uni planshetdan qayta eksport \
                 qiling.",
                "{file}: Хонадон тўплами эмас ({detail}). Уни планшетдан қайта экспорт қилинг.",
                "{file}: это не пакет Хонадон ({detail}). Выгрузите его с планшета заново.",
                "{file}: not a Xonadon bundle ({detail}). Export it again from the tablet.",
            ]),
            &[("file", file), ("detail", detail)],
        ),
        E::UnsupportedVersion {
            file,
            found,
            supported,
        } => fill(
            lang.pick([
                "{file}: toʻplam formatining {found}-versiyasi; bu Xonadon \
                 {supported}-versiyani oʻqiydi. Bu qurilmadagi Xonadonni yangilang.",
                "{file}: тўплам форматининг {found}-версияси; бу Хонадон {supported}-версияни \
                 ўқийди. Бу қурилмадаги Хонадонни янгиланг.",
                "{file}: пакет формата версии {found}; этот Хонадон читает версию {supported}. \
                 Обновите Хонадон на этом устройстве.",
                "{file}: a bundle of format version {found}; this Xonadon reads version \
                 {supported}. Update Xonadon on this device.",
            ]),
            &[
                ("file", file),
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        E::Tampered { file, submission } => {
            let what = match submission {
                None => lang
                    .pick(["mazmuni", "мазмуни", "содержимое", "its content"])
                    .to_string(),
                Some(s) => fill(
                    lang.pick([
                        "{s} soʻrovnomasi",
                        "{s} сўровномаси",
                        "анкета {s}",
                        "submission {s}",
                    ]),
                    &[("s", s)],
                ),
            };
            fill(
                lang.pick([
                    "{file}: {what} nazorat yigʻindisiga mos kelmaydi: fayl eksportdan keyin \
                     oʻzgartirilgan yoki buzilgan. Undan hech narsa olinmadi; uni planshetdan \
                     qayta eksport qiling.",
                    "{file}: {what} назорат йиғиндисига мос келмайди: файл экспортдан кейин \
                     ўзгартирилган ёки бузилган. Ундан ҳеч нарса олинмади; уни планшетдан \
                     қайта экспорт қилинг.",
                    "{file}: {what} не совпадает с контрольной суммой: файл изменён или \
                     повреждён после выгрузки. Из него ничего не загружено; выгрузите его с \
                     планшета заново.",
                    "{file}: {what} does not match its checksum: the file was changed or \
                     damaged after export. Nothing was imported from it; export it again from \
                     the tablet.",
                ]),
                &[("file", file), ("what", &what)],
            )
        }
        E::MissingForm {
            instance_id,
            form_id,
            version,
        } => fill(
            lang.pick([
                "{id} soʻrovnomasi: uning shakli {form} ({version}-versiya) yoʻq",
                "{id} сўровномаси: унинг шакли {form} ({version}-версия) йўқ",
                "анкета {id}: её формы {form} (версия {version}) нет",
                "submission {id}: its form {form} version {version} is missing",
            ]),
            &[("id", instance_id), ("form", form_id), ("version", version)],
        ),
        E::BadForm {
            form_id,
            version,
            detail,
        } => fill(
            lang.pick([
                "{form} shakli ({version}-versiya) yuklanmaydi: {detail}",
                "{form} шакли ({version}-версия) юкланмайди: {detail}",
                "форма {form} (версия {version}) не загружается: {detail}",
                "form {form} version {version} does not load: {detail}",
            ]),
            &[("form", form_id), ("version", version), ("detail", detail)],
        ),
        E::Read(detail) => fill(
            lang.pick([
                "Soʻrovnomalarni oʻqib boʻlmadi: {detail}",
                "Сўровномаларни ўқиб бўлмади: {detail}",
                "Не удалось прочитать анкеты: {detail}",
                "reading the submissions failed: {detail}",
            ]),
            &[("detail", detail)],
        ),
        E::Encrypted { .. } | E::WrongKey { .. } | E::Damaged { .. } | E::BadKey { .. } => {
            sealed_message(lang, error)
        }
        E::Cancelled => lang
            .pick([
                "Eksport bekor qilindi.",
                "Экспорт бекор қилинди.",
                "Выгрузка отменена.",
                "the export was cancelled",
            ])
            .to_string(),
        E::Write(detail) => fill(
            lang.pick([
                "Eksport faylini yozib boʻlmadi: {detail}",
                "Экспорт файлини ёзиб бўлмади: {detail}",
                "Не удалось записать файл выгрузки: {detail}",
                "writing the export failed: {detail}",
            ]),
            &[("detail", detail)],
        ),
    }
}

/// An encrypted bundle or a supervisor key that cannot be used, in the worker's language (the
/// English is the error's own text).
fn sealed_message(lang: Lang, error: &ExportError) -> String {
    use ExportError as E;
    let (texts, values): ([&str; 3], Vec<(&str, &str)>) = match error {
        E::Encrypted { file } => (
            [
                "{file}: toʻplam nazoratchi uchun shifrlangan. Uni nazoratchining kaliti bilan \
                 oching (nazoratchi sahifasida yoki `xonadon export --identity KEY.txt`).",
                "{file}: тўплам назоратчи учун шифрланган. Уни назоратчининг калити билан очинг \
                 (назоратчи саҳифасида ёки `xonadon export --identity KEY.txt`).",
                "{file}: пакет зашифрован для супервайзера. Откройте его ключом супервайзера \
                 (на странице супервайзера или `xonadon export --identity KEY.txt`).",
            ],
            vec![("file", file)],
        ),
        E::WrongKey { file } => (
            [
                "{file}: toʻplam boshqa nazoratchining kaliti uchun shifrlangan, bu kalit uchun \
                 emas. Hech narsa olinmadi; uni oʻsha nazoratchining kaliti bilan oching yoki \
                 planshetga bu nazoratchining ochiq kalitini kiritib, qayta eksport qiling.",
                "{file}: тўплам бошқа назоратчининг калити учун шифрланган, бу калит учун эмас. \
                 Ҳеч нарса олинмади; уни ўша назоратчининг калити билан очинг ёки планшетга бу \
                 назоратчининг очиқ калитини киритиб, қайта экспорт қилинг.",
                "{file}: пакет зашифрован для ключа другого супервайзера, а не этого. Ничего не \
                 загружено; откройте его ключом того супервайзера или укажите на планшете \
                 открытый ключ этого супервайзера и выгрузите заново.",
            ],
            vec![("file", file)],
        ),
        E::Damaged { file, detail } => (
            [
                "{file}: shifrlangan toʻplam buzilgan yoki oxirigacha koʻchirilmagan \
                 ({detail}). Undan hech narsa olinmadi; uni planshetdan qayta koʻchiring.",
                "{file}: шифрланган тўплам бузилган ёки охиригача кўчирилмаган ({detail}). \
                 Ундан ҳеч нарса олинмади; уни планшетдан қайта кўчиринг.",
                "{file}: зашифрованный пакет повреждён или обрезан ({detail}). Из него ничего \
                 не загружено; скопируйте его с планшета заново.",
            ],
            vec![("file", file), ("detail", detail)],
        ),
        E::BadKey { file, detail } => (
            [
                "{file}: nazoratchi kaliti emas ({detail}). Uni `xonadon keygen` bilan yarating.",
                "{file}: назоратчи калити эмас ({detail}). Уни `xonadon keygen` билан яратинг.",
                "{file}: это не ключ супервайзера ({detail}). Создайте его командой \
                 `xonadon keygen`.",
            ],
            vec![("file", file), ("detail", detail)],
        ),
        other => return other.to_string(),
    };
    match lang {
        Lang::En => error.to_string(),
        _ => fill(lang.pick([texts[0], texts[1], texts[2], ""]), &values),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn export_messages_name_the_file_in_every_language() {
        let e = ExportError::Tampered {
            file: "t1.json".into(),
            submission: Some("uuid:a".into()),
        };
        assert!(export_message("ru", &e).starts_with("t1.json: анкета uuid:a не совпадает"));
        assert!(export_message("uz-Latn", &e).contains("nazorat yigʻindisiga"));
        assert_eq!(
            export_message("en", &e),
            e.to_string(),
            "the English words are the error's own"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn sealed_bundle_messages_name_the_file_in_every_language() {
        let e = ExportError::WrongKey {
            file: "t1.age".into(),
        };
        assert!(export_message("ru", &e).starts_with("t1.age: пакет зашифрован для ключа"));
        assert!(export_message("uz-Cyrl", &e).contains("бошқа назоратчининг"));
        assert!(export_message("uz-Latn", &e).contains("boshqa nazoratchining"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn restored_and_nearly_full_are_said_with_their_figures() {
        let restored = Notice::Restored {
            drafts: 2,
            submissions: 1,
            files: 3,
        };
        for language in ["uz-Latn", "uz-Cyrl", "ru", "en"] {
            let said = notice_message(language, &restored);
            assert!(
                said.contains('2') && said.contains('1') && said.contains('3'),
                "{said}"
            );
            assert!(!said.contains('{'), "{said}");
        }
        let short = Notice::SpaceShort(crate::space::Usage {
            used_mb: 850,
            quota_mb: 1000,
            percent: 85,
        });
        assert_eq!(
            notice_message("en", &short),
            "Storage is nearly full: 850 MB of 1000 MB (85 %). Free space (delete old photos or \
             apps) and export finalized forms, or saving will soon fail."
        );
        assert!(notice_message("ru", &short).starts_with("Память почти заполнена: 850 МБ"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn storage_messages_in_every_language() {
        let full = StorageError::QuotaExceeded;
        assert!(storage_message("ru", &full).starts_with("Память устройства заполнена"));
        assert!(storage_message("uz-Cyrl", &full).starts_with("Қурилма хотираси"));
        assert_eq!(storage_message("en", &full), full.to_string());
        let other = StorageError::Other("AbortError".into());
        assert!(storage_message("uz-Latn", &other).contains("(AbortError)"));
    }

    /// The English of each message is the error's own text (`Display`), so the CLI, the logs
    /// and the English screen say the same.
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn english_messages_are_the_errors_own_words() {
        let d = || "detail".to_string();
        for e in [
            StorageError::QuotaExceeded,
            StorageError::Blocked,
            StorageError::Outdated,
            StorageError::Locked,
            StorageError::Unavailable(d()),
            StorageError::Conflict(d()),
            StorageError::AlreadyFinalized(d()),
            StorageError::Corrupt(d()),
            StorageError::Invalid(d()),
            StorageError::Other(d()),
        ] {
            assert_eq!(storage_message("en", &e), e.to_string());
        }
        let file = || "t1.json".to_string();
        let id = || "uuid:a".to_string();
        for e in [
            ExportError::Malformed {
                file: file(),
                detail: d(),
            },
            ExportError::UnsupportedVersion {
                file: file(),
                found: 3,
                supported: 2,
            },
            ExportError::Tampered {
                file: file(),
                submission: None,
            },
            ExportError::Tampered {
                file: file(),
                submission: Some(id()),
            },
            ExportError::MissingForm {
                instance_id: id(),
                form_id: "f".into(),
                version: "1".into(),
            },
            ExportError::BadForm {
                form_id: "f".into(),
                version: "1".into(),
                detail: d(),
            },
            ExportError::Read(d()),
            ExportError::Encrypted { file: file() },
            ExportError::WrongKey { file: file() },
            ExportError::Damaged {
                file: file(),
                detail: d(),
            },
            ExportError::BadKey {
                file: file(),
                detail: d(),
            },
            ExportError::Cancelled,
            ExportError::Write(d()),
        ] {
            assert_eq!(export_message("en", &e), e.to_string());
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn notices_name_the_form_in_every_language() {
        let missing = Notice::FormMissing {
            form_id: "household".into(),
            version: "7".into(),
        };
        for lang in Lang::ALL {
            let text = notice_message(lang.tag(), &missing);
            assert!(text.contains("household") && text.contains('7'), "{text}");
        }
        assert!(notice_message("ru", &missing).starts_with("Версии 7 анкеты household нет"));
        let full = Notice::Storage(StorageError::QuotaExceeded);
        assert_eq!(
            notice_message("uz-Cyrl", &full),
            storage_message("uz-Cyrl", &StorageError::QuotaExceeded)
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn placeholders_are_filled_by_name_in_any_order() {
        assert_eq!(
            fill("{b} after {a}, {a} again", &[("a", "A"), ("b", "B")]),
            "B after A, A again"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn every_language_has_its_own_words() {
        for lang in Lang::ALL {
            assert!(!t(lang.tag(), T::Finalize).is_empty());
        }
        assert_eq!(t("ru", T::Next), "Далее");
        assert_eq!(t("fr", T::Next), "Next");
    }
}
