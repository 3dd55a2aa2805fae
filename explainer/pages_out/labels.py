"""The engine's own words in each language (labels around data), and dates written out.

These are about the shape of any explainer, not this report: report-specific words live in
data/ and content/.
"""
from __future__ import annotations

import datetime


LABELS = {
    "en": {
        "point": "Point {number}",
        "source": "Source {number}: {publisher}, {date}",
        "in_report": "in the report",
        "sentence_link": "Link to sentence {place}",
        "report_says": "The report",
        "translation": "Translation",
        "our_note": {"context": "Context", "claim": "Claim check", "wording": "Loaded wording", "translation": "Translator’s note"},
        "sources_label": "Sources",
        "coordinates": "Coordinates",
        "coordinates_source": "source",
        "used_by": "Whose word",
        "neutral": "Neutral alternative",
        # How the reports name an actor (actors.in_report), by the number of reports.
        "how_report_says": "In the report",
        "how_reports_say_two": "The reports’ words",
        "how_reports_say": "The reports’ words",
        "explanation": "What it meant",
        "outcome": "What became of it",
        "not_yet": "Not yet written.",
        "original": "Arabic original",
        "published": "published",
        "accessed": "undated; read on",
        "open_map": "Open in OpenStreetMap",
        "loaded_word": "Loaded wording",
        "read_via": "read on",
        "display": "Show the report in",
        "display_modes": {"ar": "Arabic only", "en": "English only", "side": "Side by side",
                          "interleaved": "Interleaved"},
        "notes_filter": "Our notes",
        "marks_legend": "Marks in the text",
        "marks_hint": "Untick a mark to hide it in the text",
        # The key to the marks: a sample the mark is drawn on (notes, loaded), and its meaning.
        "marks": {"notes": ("phrase", "our notes are about this phrase"),
                  "claims": ("", "a claim we checked, underlined in the colour of our verdict, with its sign:"),
                  "loaded": ("word", "a loaded word, one that one side uses; point at it or tap it for the neutral word")},
        "open_all": "Open all notes",
        "close_all": "Close all notes",
        "copy_link": "Copy link",
        "copy_link_to": "Copy link to sentence {place}",  # the button's name: the visible words, then which sentence ("2.1")
        "link_copied": "Link to sentence {place} copied",
        "sentence_name": "Sentence {place}",  # a sentence's name, spoken when j or k focuses it
        "keys_label": "Keys:",
        "next_sentence": "next sentence",
        "previous_sentence": "previous sentence",
        # The aligned phrases (theme/assets/javascripts/align.js): the switch, what a screen reader
        # hears for a focused phrase, and what joins the separate pieces of a phrase's English.
        "aligned": {"switch": "Show aligned phrases", "announce": "Arabic: {ar}, English: {en}", "gap": " … "},
        "about_phrase": "On",
        "full_entry": "Full entry",
        # A note group's button: its kind, how many notes it holds (a count, not a note's number:
        # the notes inside are numbered "Note 4, 5, 6"), and, for a screen reader, of which sentence.
        "notes_of": " on sentence {place}",
        "group_count": {"note": {"one": "{count} note", "other": "{count} notes"},
                        "claim": {"one": "{count} claim", "other": "{count} claims"}},
        "note_number": "Note {number}",  # shown on a note, as its copied citation and "Appears in" number it
        # The name of a link labelled "1.1" (the ledger): what the number means, then the number
        # itself, so that speech input finds the link by the words on screen (WCAG 2.5.3).
        "sentence_spoken": "{place}: paragraph {paragraph}, sentence {sentence}",
        "citation_needed": "citation needed",
        "draft_banner": "Draft. Texts still to write or translate: {todo}; statements without a source: "
                        "{uncited}. Each is marked in the pages like this: {mark}. A normal build refuses to publish them.",
        "draft_mark": "TODO",
        "open_data_intro": "Every data file of this publication, validated, is offered for re-use as one JSON file:",
        "list_separator": ", ",
        "km": "{km} km",
        "north": "N",
        "map_source": "Boundaries: Natural Earth",
        "reference_place": "the point from which distances are measured",
        "from_reference": "{km} km {direction} of {place} (computed from the coordinates)",
        "not_on_map": "not on this map",
        "dates_differ": "sources differ on the date",
        "report_day": "the day of the report",
        # A collection of reports (pages_out/collection.py): the home page's list, the links to the
        # previous and next report at the end of a report's pages, the timeline's mark on a
        # report's day, and the label of a search result from a report's page.
        "collection": {"claims": "The claims, checked", "previous": "Previous report:",
                       "next": "Next report:", "previous_claims": "Previous:",
                       "next_claims": "Next:", "claims_title": "The claims of the report of {date}, checked", "neighbours": "Other reports in this story",
                       "this_day": "The report of {date}", "search_label": "Report of {date}"},
        "verdicts": {"corroborated": "Corroborated", "corroborated-with-differences": "Corroborated, with differences",
                     "disputed": "Disputed", "unverified": "Unverified", "opinion": "Opinion (not checkable)"},
        "claim_kinds": {"fact": "Fact", "quote": "Quotation", "attribution": "Attribution",
                        "characterisation": "Characterisation"},
        "claim_of": "Claim check: {verdict}",
        "claim_count": "{count} claims",
        "other_accounts": "What other sources say",
        "ledger_columns": {"claim": "The report says", "kind": "Kind", "verdict": "Verdict",
                           "check": "How it stands", "sentence": "Sentence"},
        "ledger_filter": "Show claims",
        "all_verdicts": "All verdicts",
        "all_kinds": "All kinds",
        "ledger_shown": "{shown} of {total} claims shown",
        "outlet": "Outlet",
        "includes": "What it includes",
        "leaves_out": "What it leaves out",
        "open_data_schemas": "Each kind of data is described by a JSON Schema:",
        "open_data_alignment": "The translation, aligned phrase by phrase with the Arabic (a parallel corpus, with each phrase’s place in its sentence):",
        # "Cite this" (pages_out/citation.py, theme/assets/javascripts/cite.js): the control, each
        # kind of item's label, the copied text, what is announced; and the about page's citations.
        "appears_in": {"title": "Appears in", "sentence": "sentence {place}", "note": "note {number} to sentence {place}",
                       "claim": "claim: {span}"},
        "cite": {"button": "Copy citation", "name": "Copy citation: {label}", "done": "Copied",
                 "sentence": "Report, sentence {place}",
                 "note": "Note {number} on the report, sentence {place} ({kind})",
                 "claim": "Claim: “{span}”", "point": "Roadmap, point {number}: {title}",
                 # In a collection a report's items name their report: its day, and its outlet when known.
                 "report": "{date}", "report_outlet": "{date} ({outlet})",
                 "sentence_in": "Report of {report}, sentence {place}",
                 "note_in": "Note {number} on the report of {report}, sentence {place} ({kind})",
                 "claim_in": "Claim in the report of {report}: “{span}”",
                 "timeline": "Timeline, {date}", "source": "Source {number}: {title}",
                 "text": "{title}. {label}. {url}. Accessed {date}.",
                 "copied": "Citation copied: {label}",
                 "selected": "Citation selected: copy it with your device’s copy command",
                 "field": "Citation",
                 "whole": "To cite the whole publication:",
                 "no_date": "n.d.",
                 "files": "For a reference manager, the same citation in {bibtex} ({bib}) and in {csl} ({json}), each in both languages."},
        "masthead": {"publisher": "Published by {publisher}", "first_published": "First published {date}",
                     "last_updated": "Last updated {date}", "contact": "Send a correction or a question",
                     "offline": "The whole site for offline reading (zip)", "this_page": "This page:",
                     "corrections": "Corrections"},
        # The corrections log (templates/corrections.md) and the mark at each corrected place.
        "corrected": "Corrected {date}",
        "corrections": {"none": "There have been no corrections since the first edition.",
                        "none_since": "There have been no corrections since the first edition, published {date}.",
                        "concerns": "Where", "wrong": "What was wrong", "now": "What it says now", "why": "Why",
                        # Where the corrected entry lives: the kind of page, then the entry's name.
                        "places": {"sentence": "The report, sentence {name}", "claim": "The claims ledger: {name}",
                                   "point": "The roadmap: {name}", "timeline": "The timeline: {name}",
                                   "actor": "Actors: {name}", "place": "Places: {name}", "term": "Glossary: {name}",
                                   "source": "{name}"},
                        # In a collection the reports' own entries name their report as the headings
                        # do ("The 4 July report, sentence by sentence"): both reports have a 1.1.
                        "places_in": {"sentence": "The {report} report, sentence {name}",
                                      "claim": "The {report} report’s claims ledger: {name}",
                                      "point": "The {report} report’s roadmap: {name}"},
                        "source": "Source {number}: {publisher}, {title}"},
        # Links to the methods page (content/*/methods.md): from the footer, and beside the
        # verdicts in the ledger and in the key to the report's marks (its #verdicts section).
        "methods": {"footer": "Our methods and corrections policy",
                    "verdicts": "What each verdict means, and where the line between two falls"},
        # What the pages say of themselves to search engines and link previews
        # (pages_out/structured_data.py).
        "structured": {"dataset": "{title} (open data)",
                       "correction": "It said: {wrong} It now says: {now} Why: {why}"},
        # The theme's own words (explainer/theme/: the search dialog, the 404 page, the scripts).
        "search": {"search": "Search", "placeholder": "Search", "close": "Close search",
                   "clear": "Clear", "loading": "Loading the search index…", "failed": "The search index could not be loaded.",
                   "start": "Type a word or a name, in English or Arabic.",
                   "results": {"zero": "No results", "one": "1 result", "other": "# results"},
                   "full_entry": "Full entry →"},
        # The notice `serve` puts over every page while the last build had problems (site_built/serve_overlay.py).
        "serve_notice": {"heading_stale": "This page is from the last good build",
                         "intro_stale": "The site was not rebuilt: fix the problems below and save; this notice goes when the next build succeeds.",
                         "heading_checked": "The built site has problems",
                         "intro_checked": "The pages were rebuilt, but the checks of the built site found the problems below: fix them and save; "
                                          "this notice goes when the next build passes them.",
                         "count": "{count} problems:",
                         "count_one": "1 problem:",
                         "hide": "Hide",
                         "hide_label": "Hide this notice (Escape)"},
        # The PDF and EPUB editions (explainer/editions/): their sections, and the links to them.
        "editions": {"contents": "Contents", "notes": "Notes and claim checks", "back": "Back to the sentence",
                     "claim_mark": "claim",  # a claim check's mark in a sentence (the site numbers notes only)
                     "pdf": "PDF", "epub": "EPUB", "offer": "The whole publication as a book:",
                     "link": "{format}, {language}, {size}", "languages": {"en": "English", "ar": "Arabic"},
                     "kb": "{n} KB", "mb": "{n} MB"},
        "not_found": {"title": "Page not found",
                      "text": "There is no page at this address: it may have moved, or the link may be mistyped.",
                      "home": "Go to the home page", "report": "Read the report"},
    },
    "ar": {
        "point": "البند {number}",
        "source": "المصدر {number}: {publisher}، {date}",
        "in_report": "في التقرير",
        "sentence_link": "رابط الجملة {place}",
        "report_says": "التقرير",
        "translation": "الترجمة",
        "our_note": {"context": "سياق", "claim": "تدقيق ادعاء", "wording": "لغة منحازة", "translation": "ملاحظة المترجم"},
        "sources_label": "المصادر",
        "coordinates": "الإحداثيات",
        "coordinates_source": "المصدر",
        "used_by": "مَن يستعمل هذا اللفظ",
        "neutral": "البديل المحايد",
        "how_report_says": "في التقرير",
        "how_reports_say_two": "ألفاظ التقريرين",  # the dual, for exactly two reports
        "how_reports_say": "ألفاظ التقارير",
        "explanation": "معنى البند",
        "outcome": "ما آل إليه",
        "not_yet": "لم يُكتب بعد.",
        "original": "النص العربي الأصلي",
        "published": "نُشر في",
        "accessed": "غير مؤرَّخ؛ اطّلعنا عليه في",
        "open_map": "افتح في OpenStreetMap",
        "loaded_word": "لغة منحازة",
        "read_via": "قرأناه على",
        "display": "اعرض التقرير",
        "display_modes": {"ar": "بالعربية فقط", "en": "بالإنجليزية فقط", "side": "جنباً إلى جنب",
                          "interleaved": "متناوباً"},
        "notes_filter": "ملاحظاتنا",
        "marks_legend": "العلامات في النص",
        "marks_hint": "ألغِ تحديد علامة لإخفائها من النص",
        "marks": {"notes": ("عبارة", "تتناول ملاحظاتنا هذه العبارة"),
                  "claims": ("", "ادعاء دقّقناه، يُسطَّر تحته بلون حكمنا، مع علامته:"),
                  "loaded": ("كلمة", "كلمة منحازة من لغة طرف واحد؛ أشِر إليها أو المسها لترى الكلمة المحايدة")},
        "open_all": "افتح كل الملاحظات",
        "close_all": "أغلق كل الملاحظات",
        "copy_link": "انسخ الرابط",
        "copy_link_to": "انسخ الرابط إلى الجملة {place}",
        "link_copied": "نُسخ رابط الجملة {place}",
        "sentence_name": "الجملة {place}",
        "keys_label": "التنقّل بلوحة المفاتيح:",
        "next_sentence": "الجملة التالية",
        "previous_sentence": "الجملة السابقة",
        "aligned": {"switch": "أظهر العبارات المتقابلة", "announce": "العربية: {ar}، الإنجليزية: {en}", "gap": " … "},
        "about_phrase": "عن",
        "full_entry": "المدخل كاملاً",
        "notes_of": " على الجملة {place}",
        # The noun after a number: 1 ملاحظة، 2 ملاحظتان، 3–10 ملاحظات، 11 فما فوق ملاحظة.
        "group_count": {"note": {"one": "{count} ملاحظة", "two": "{count} ملاحظتان", "few": "{count} ملاحظات",
                                 "other": "{count} ملاحظة"},
                        "claim": {"one": "{count} ادعاء", "two": "{count} ادعاءان", "few": "{count} ادعاءات",
                                  "other": "{count} ادعاء"}},
        "note_number": "الملاحظة {number}",
        "sentence_spoken": "{place}: الفقرة {paragraph}، الجملة {sentence}",
        "citation_needed": "بحاجة إلى مصدر",
        "draft_banner": "مسودة. عدد النصوص التي لم تُكتب أو تُترجم بعد: {todo}، وعدد العبارات التي تفتقر إلى "
                        "مصدر: {uncited}. وكلٌّ منها معلَّم في الصفحات هكذا: {mark}. ولا يقبل البناء العادي نشرها.",
        "draft_mark": "TODO",
        "open_data_intro": "كل ملفات البيانات في هذا المنشور، بعد التحقق منها، متاحة لإعادة الاستخدام في ملف JSON واحد:",
        "list_separator": "، ",
        "km": "{km} كم",
        "north": "ش",
        "map_source": "الحدود: Natural Earth",
        "reference_place": "النقطة التي تُقاس منها المسافات",
        "from_reference": "على بعد {km} كم إلى {direction} من {place} (بحساب المسافة من الإحداثيات)",
        "not_on_map": "خارج هذه الخريطة",
        "dates_differ": "تختلف المصادر في التاريخ",
        "report_day": "يوم التقرير",
        "collection": {"claims": "ادعاءاته مدقَّقة", "previous": "التقرير السابق:",
                       "next": "التقرير التالي:", "previous_claims": "السابق:",
                       "next_claims": "التالي:", "claims_title": "ادعاءات تقرير {date} بعد التدقيق", "neighbours": "تقارير أخرى في هذا الملف",
                       "this_day": "تقرير {date}", "search_label": "تقرير {date}"},
        "verdicts": {"corroborated": "مؤكَّد", "corroborated-with-differences": "مؤكَّد مع اختلافات",
                     "disputed": "موضع خلاف", "unverified": "لم يُتحقَّق منه", "opinion": "رأي (لا يمكن التحقق منه)"},
        "claim_kinds": {"fact": "واقعة", "quote": "اقتباس", "attribution": "نسبة قول", "characterisation": "توصيف"},
        "claim_of": "تدقيق ادعاء: {verdict}",
        "claim_count": "عدد الادعاءات: {count}",
        "other_accounts": "ما تقوله المصادر الأخرى",
        "ledger_columns": {"claim": "يقول التقرير", "kind": "النوع", "verdict": "الحكم",
                           "check": "ما تبيّن", "sentence": "الجملة"},
        "ledger_filter": "اعرض الادعاءات",
        "all_verdicts": "كل الأحكام",
        "all_kinds": "كل الأنواع",
        "ledger_shown": "المعروض {shown} من {total} ادعاءً",
        "outlet": "الوسيلة",
        "includes": "ما يتضمنه",
        "leaves_out": "ما يغفله",
        "open_data_schemas": "ويصف مخططُ JSON Schema كلَّ نوع من البيانات:",
        "open_data_alignment": "والترجمة مقابَلةً بالعربية عبارةً عبارة (نصّ موازٍ، مع موضع كل عبارة في جملتها):",
        "appears_in": {"title": "يَرِد في", "sentence": "الجملة {place}", "note": "الملاحظة {number} على الجملة {place}",
                       "claim": "ادعاء: {span}"},
        "cite": {"button": "انسخ الإحالة", "name": "انسخ الإحالة المرجعية: {label}", "done": "نُسخت",
                 "sentence": "التقرير، الجملة {place}",
                 "note": "الملاحظة {number} على التقرير، الجملة {place} ({kind})",
                 "claim": "ادعاء: «{span}»", "point": "خريطة الطريق، البند {number}: {title}",
                 "report": "{date}", "report_outlet": "{date} ({outlet})",
                 "sentence_in": "تقرير {report}، الجملة {place}",
                 "note_in": "الملاحظة {number} على تقرير {report}، الجملة {place} ({kind})",
                 "claim_in": "ادعاء في تقرير {report}: «{span}»",
                 "timeline": "التسلسل الزمني، {date}", "source": "المصدر {number}: {title}",
                 "text": "{title}. {label}. {url}. تاريخ الاطلاع: {date}.",
                 "copied": "نُسخت الإحالة المرجعية: {label}",
                 "selected": "حُدِّدت الإحالة المرجعية: انسخها بأمر النسخ في جهازك",
                 "field": "الإحالة المرجعية",
                 "whole": "للإحالة إلى المنشور كاملاً:",
                 "no_date": "د.ت.",
                 "files": "ولبرامج إدارة المراجع، الإحالة نفسها بصيغة {bibtex} ({bib}) وبصيغة {csl} ({json})، بكلتا اللغتين."},
        "masthead": {"publisher": "الناشر: {publisher}", "first_published": "نُشر أول مرة في {date}",
                     "last_updated": "آخر تحديث في {date}", "contact": "أرسل تصحيحاً أو سؤالاً",
                     "offline": "الموقع كاملاً للقراءة دون اتصال (ملف مضغوط)", "this_page": "هذه الصفحة:",
                     "corrections": "التصحيحات"},
        "corrected": "صُحِّح في {date}",
        "corrections": {"none": "لم يُجرَ أي تصحيح منذ الطبعة الأولى.",
                        "none_since": "لم يُجرَ أي تصحيح منذ الطبعة الأولى، المنشورة في {date}.",
                        "concerns": "الموضع", "wrong": "ما كان خطأً", "now": "ما يقوله الآن", "why": "السبب",
                        "places": {"sentence": "التقرير، الجملة {name}", "claim": "سجل الادعاءات: {name}",
                                   "point": "خريطة الطريق: {name}", "timeline": "التسلسل الزمني: {name}",
                                   "actor": "الأطراف: {name}", "place": "الأماكن: {name}", "term": "المصطلحات: {name}",
                                   "source": "{name}"},
                        "places_in": {"sentence": "تقرير {report}، الجملة {name}",
                                      "claim": "سجل ادعاءات تقرير {report}: {name}",
                                      "point": "خريطة الطريق في تقرير {report}: {name}"},
                        "source": "المصدر {number}: {publisher}، {title}"},
        "methods": {"footer": "منهجنا وسياسة التصحيح",
                    "verdicts": "ما يعنيه كل حكم، وأين يقع الحدّ بين حكمين"},
        "structured": {"dataset": "{title} (البيانات المفتوحة)",
                       "correction": "كان النص يقول: {wrong} وأصبح يقول: {now} والسبب: {why}"},
        "search": {"search": "بحث", "placeholder": "ابحث", "close": "إغلاق البحث",
                   "clear": "مسح", "loading": "جارٍ تحميل فهرس البحث…", "failed": "تعذّر تحميل فهرس البحث.",
                   "start": "اكتب كلمة أو اسماً، بالعربية أو بالإنجليزية.",
                   "results": {"zero": "لا نتائج", "one": "نتيجة واحدة", "two": "نتيجتان", "few": "# نتائج",
                               "many": "# نتيجةً", "other": "# نتيجة"},
                   "full_entry": "المدخل كاملاً ←"},
        "serve_notice": {"heading_stale": "هذه الصفحة من آخر بناء سليم",
                         "intro_stale": "لم يُعَد بناء الموقع: أصلِح المشكلات أدناه واحفظ الملف؛ يزول هذا التنبيه حين ينجح البناء التالي.",
                         "heading_checked": "في الموقع المبني مشكلات",
                         "intro_checked": "أُعيد بناء الصفحات، لكنّ فحص الموقع المبني وجد المشكلات أدناه: أصلِحها واحفظ الملف؛ "
                                          "يزول هذا التنبيه حين يجتاز البناء التالي الفحص.",
                         "count": "عدد المشكلات: {count}",
                         "count_one": "عدد المشكلات: 1",
                         "hide": "إخفاء",
                         "hide_label": "إخفاء هذا التنبيه (Escape)"},
        "editions": {"contents": "المحتويات", "notes": "الملاحظات وتدقيق الادعاءات", "back": "العودة إلى الجملة",
                     "claim_mark": "ادعاء",
                     "pdf": "PDF", "epub": "EPUB", "offer": "المنشور كاملاً في كتاب:",
                     "link": "{format}، {language}، {size}", "languages": {"en": "بالإنجليزية", "ar": "بالعربية"},
                     "kb": "{n} كيلوبايت", "mb": "{n} ميغابايت"},
        "not_found": {"title": "الصفحة غير موجودة", "text": "لا توجد صفحة بهذا العنوان: ربما نُقلت، أو في الرابط خطأ.",
                      "home": "انتقل إلى الصفحة الرئيسية", "report": "اقرأ التقرير"},
    },
}

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    # Levantine month names with the Egyptian/Gulf ones after a slash, as Arab wires write them.
    "ar": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
           "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
           "كانون الأول/ديسمبر"],
}


def format_date(day: datetime.date, lang: str) -> str:
    """'6 July 2018' or '6 تموز/يوليو 2018': the one date convention of both languages (Arabic
    pages write numbers in Western digits, as the report and the Arab wires do)."""
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def format_span(start: datetime.date, end: datetime.date | None, lang: str) -> str:
    """A date, or a span of dates, written out."""
    if end is None or end == start:
        return format_date(start, lang)
    if (start.year, start.month) == (end.year, end.month):  # 11–12 July 2018
        return f"{start.day}–{format_date(end, lang)}"
    if start.year == end.year:  # 30 June – 1 July 2018
        return f"{start.day} {_MONTHS[lang][start.month - 1]} – {format_date(end, lang)}"
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def report_words(lang: str, reports: int) -> str:
    """The label of how the reports name an actor: Arabic has a dual for two reports."""
    words = LABELS[lang]
    return words["how_report_says"] if reports == 1 else words["how_reports_say_two" if reports == 2 else "how_reports_say"]


def counted(forms: dict[str, str], count: int) -> str:
    """`count` with its noun in the form the number asks for: 'one', 'two', 'few' (Arabic 3–10,
    and 103–110...) or 'other', whichever of them `forms` has (English: 'one' and 'other')."""
    tens = count % 100
    form = ("one" if count == 1 else "two" if count == 2 else "few" if 3 <= tens <= 10 else "other")
    return forms.get(form, forms["other"]).format(count=count)
