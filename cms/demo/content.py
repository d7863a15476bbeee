"""Demo content of the CHM site, written by people in the six UN languages.

Each entry maps a Django language code to that language's text. None of it is machine
output. The Chinese text of UNEP/CBD/COP/12/11 comes from the official Chinese edition
(`unep-cbd-cop-12-11-zh.txt`).
"""

import datetime

LANGUAGES = ("en", "ar", "es", "fr", "ru", "zh-hans")

HOME = {
    "title": {
        "en": "Clearing-House Mechanism",
        "ar": "آلية تبادل المعلومات",
        "es": "Mecanismo de Facilitación",
        "fr": "Centre d'échange",
        "ru": "Механизм посредничества",
        "zh-hans": "信息交换所机制",
    },
    "intro": {
        "en": "<p>The Clearing-House Mechanism of the <b>Convention on Biological Diversity</b> "
        "promotes technical and scientific cooperation, knowledge sharing and information "
        "exchange among the Parties.</p>",
        "ar": "<p>تعمل آلية تبادل المعلومات التابعة <b>لاتفاقية التنوع البيولوجي</b> على تعزيز "
        "التعاون التقني والعلمي وتقاسم المعارف وتبادل المعلومات بين الأطراف.</p>",
        "es": "<p>El Mecanismo de Facilitación del <b>Convenio sobre la Diversidad Biológica</b> "
        "promueve la cooperación técnica y científica, el intercambio de conocimientos y de "
        "información entre las Partes.</p>",
        "fr": "<p>Le Centre d'échange de la <b>Convention sur la diversité biologique</b> "
        "favorise la coopération technique et scientifique, le partage des connaissances et "
        "l'échange d'informations entre les Parties.</p>",
        "ru": "<p>Механизм посредничества <b>Конвенции о биологическом разнообразии</b> "
        "содействует научно-техническому сотрудничеству, обмену знаниями и информацией "
        "между Сторонами.</p>",
        "zh-hans": "<p><b>《生物多样性公约》</b>信息交换所机制促进缔约方之间的技术和科学合作、"
        "知识共享和信息交流。</p>",
    },
}

ABOUT = {
    "slug": {
        "en": "about",
        "ar": "حول-الآلية",
        "es": "acerca-de",
        "fr": "a-propos",
        "ru": "о-механизме",
        "zh-hans": "关于",
    },
    "title": {
        "en": "About the CHM",
        "ar": "حول آلية تبادل المعلومات",
        "es": "Acerca del Mecanismo de Facilitación",
        "fr": "À propos du Centre d'échange",
        "ru": "О механизме посредничества",
        "zh-hans": "关于信息交换所机制",
    },
    "intro": {
        "en": "Article 18.3 of the Convention established the Clearing-House Mechanism.",
        "ar": "أُنشئت آلية تبادل المعلومات بموجب المادة 18.3 من الاتفاقية.",
        "es": "El artículo 18.3 del Convenio estableció el Mecanismo de Facilitación.",
        "fr": "L'article 18.3 de la Convention a institué le Centre d'échange.",
        "ru": "Механизм посредничества учрежден статьей 18.3 Конвенции.",
        "zh-hans": "《公约》第 18.3 条设立了信息交换所机制。",
    },
    "heading": {
        "en": "Mission",
        "ar": "المهمة",
        "es": "Misión",
        "fr": "Mission",
        "ru": "Миссия",
        "zh-hans": "任务",
    },
    "paragraph": {
        "en": "<p>The mission of the CHM is to contribute significantly to the implementation "
        "of the Convention and its Strategic Plan for Biodiversity 2011-2020, through effective "
        "information services and other appropriate means, in order to promote and facilitate "
        "scientific and technical cooperation, knowledge sharing and information exchange, and "
        "to establish a fully operational network of Parties and partners (decision X/15).</p>",
        "ar": "<p>تتمثل مهمة آلية تبادل المعلومات في الإسهام بقدر كبير في تنفيذ الاتفاقية "
        "وخطتها الاستراتيجية للتنوع البيولوجي 2011-2020، من خلال خدمات معلومات فعالة ووسائل "
        "أخرى مناسبة، من أجل تعزيز وتيسير التعاون العلمي والتقني وتقاسم المعارف وتبادل "
        "المعلومات، وإنشاء شبكة عاملة بالكامل من الأطراف والشركاء (المقرر 10/15).</p>",
        "es": "<p>La misión del Mecanismo de Facilitación es contribuir significativamente a "
        "la aplicación del Convenio y de su Plan Estratégico para la Diversidad Biológica "
        "2011-2020, mediante servicios de información eficaces y otros medios apropiados, a fin "
        "de promover y facilitar la cooperación científica y técnica, el intercambio de "
        "conocimientos y de información, y establecer una red plenamente operativa de Partes y "
        "asociados (decisión X/15).</p>",
        "fr": "<p>Le Centre d'échange a pour mission de contribuer de manière significative à "
        "l'application de la Convention et de son Plan stratégique pour la diversité "
        "biologique 2011-2020, grâce à des services d'information efficaces et à d'autres "
        "moyens appropriés, afin de promouvoir et de faciliter la coopération scientifique et "
        "technique, le partage des connaissances et l'échange d'informations, et de mettre en "
        "place un réseau pleinement opérationnel de Parties et de partenaires (décision X/15).</p>",
        "ru": "<p>Миссия механизма посредничества состоит в том, чтобы вносить значительный "
        "вклад в осуществление Конвенции и ее Стратегического плана в области сохранения и "
        "устойчивого использования биоразнообразия на 2011-2020 годы с помощью эффективных "
        "информационных услуг и других надлежащих средств, содействуя научно-техническому "
        "сотрудничеству, обмену знаниями и информацией, и создать полностью "
        "функционирующую сеть Сторон и партнеров (решение X/15).</p>",
        "zh-hans": "<p>信息交换所机制的任务是通过有效的信息服务和其他适当方式，大力促成《公约》"
        "及其《2011-2020 年生物多样性战略计划》的执行，以促进和便利科学技术合作、知识共享和"
        "信息交流，并建立一个由缔约方和伙伴组成的充分运作的网络（第 X/15 号决定）。</p>",
    },
    "quote": {
        "en": "Each Contracting Party shall promote technical and scientific cooperation.",
        "ar": "يعزز كل طرف متعاقد التعاون التقني والعلمي.",
        "es": "Cada Parte Contratante fomentará la cooperación técnica y científica.",
        "fr": "Chaque Partie contractante encourage la coopération technique et scientifique.",
        "ru": "Каждая Договаривающаяся Сторона содействует научно-техническому сотрудничеству.",
        "zh-hans": "每一缔约国应促进技术和科学合作。",
    },
    "attribution": {
        "en": "Convention on Biological Diversity, Article 18",
        "ar": "اتفاقية التنوع البيولوجي، المادة 18",
        "es": "Convenio sobre la Diversidad Biológica, artículo 18",
        "fr": "Convention sur la diversité biologique, article 18",
        "ru": "Конвенция о биологическом разнообразии, статья 18",
        "zh-hans": "《生物多样性公约》第 18 条",
    },
}

NEWS_INDEX = {
    "slug": {
        "en": "news",
        "ar": "الأخبار",
        "es": "noticias",
        "fr": "actualites",
        "ru": "новости",
        "zh-hans": "新闻",
    },
    "title": {
        "en": "News",
        "ar": "الأخبار",
        "es": "Noticias",
        "fr": "Actualités",
        "ru": "Новости",
        "zh-hans": "新闻",
    },
}

NEWS = [
    {
        "date": datetime.date(2014, 8, 26),
        "slug": {
            "en": "progress-report-cop-12",
            "ar": "تقرير-مرحلي-الدورة-12",
            "es": "informe-cop-12",
            "fr": "rapport-cop-12",
            "ru": "доклад-кс-12",
            "zh-hans": "第十二届会议进度报告",
        },
        "title": {
            "en": "Progress report on the CHM published for COP-12",
            "ar": "نشر التقرير المرحلي عن آلية تبادل المعلومات للدورة الثانية عشرة",
            "es": "Publicado el informe sobre el Mecanismo de Facilitación para la COP-12",
            "fr": "Publication du rapport d'activité sur le Centre d'échange pour la COP-12",
            "ru": "Опубликован доклад о механизме посредничества к КС-12",
            "zh-hans": "为第十二届缔约方大会发布信息交换所机制进度报告",
        },
        "intro": {
            "en": "The Executive Secretary's note UNEP/CBD/COP/12/11 is available in the six "
            "languages of the United Nations.",
            "ar": "مذكرة الأمين التنفيذي UNEP/CBD/COP/12/11 متاحة بلغات الأمم المتحدة الست.",
            "es": "La nota del Secretario Ejecutivo UNEP/CBD/COP/12/11 está disponible en los "
            "seis idiomas de las Naciones Unidas.",
            "fr": "La note du Secrétaire exécutif UNEP/CBD/COP/12/11 est disponible dans les "
            "six langues des Nations Unies.",
            "ru": "Записка Исполнительного секретаря UNEP/CBD/COP/12/11 доступна на шести "
            "языках Организации Объединенных Наций.",
            "zh-hans": "执行秘书的说明 UNEP/CBD/COP/12/11 已以联合国六种语文提供。",
        },
    },
    {
        "date": datetime.date(2014, 10, 17),
        "slug": {
            "en": "chm-award",
            "ar": "جائزة-الآلية",
            "es": "premio-chm",
            "fr": "prix-chm",
            "ru": "премия-мп",
            "zh-hans": "信息交换所奖",
        },
        "title": {
            "en": "National CHM awards announced in Pyeongchang",
            "ar": "الإعلان عن جوائز آليات تبادل المعلومات الوطنية في بيونغتشانغ",
            "es": "Se anuncian en Pyeongchang los premios a los mecanismos nacionales",
            "fr": "Les prix des centres d'échange nationaux annoncés à Pyeongchang",
            "ru": "В Пхёнчхане объявлены премии национальным механизмам посредничества",
            "zh-hans": "在平昌宣布国家信息交换所奖",
        },
        "intro": {
            "en": "Parties with the best national clearing-house mechanisms received gold, "
            "silver and bronze awards.",
            "ar": "حصلت الأطراف التي لديها أفضل آليات وطنية لتبادل المعلومات على جوائز ذهبية "
            "وفضية وبرونزية.",
            "es": "Las Partes con los mejores mecanismos nacionales de facilitación recibieron "
            "premios de oro, plata y bronce.",
            "fr": "Les Parties dotées des meilleurs centres d'échange nationaux ont reçu des "
            "prix d'or, d'argent et de bronze.",
            "ru": "Стороны с лучшими национальными механизмами посредничества получили "
            "золотые, серебряные и бронзовые награды.",
            "zh-hans": "拥有最佳国家信息交换所机制的缔约方获得了金奖、银奖和铜奖。",
        },
    },
    {
        "date": datetime.date(2015, 3, 2),
        "slug": {
            "en": "bioland-tool",
            "ar": "أداة-بيولاند",
            "es": "herramienta-bioland",
            "fr": "outil-bioland",
            "ru": "инструмент-bioland",
            "zh-hans": "bioland工具",
        },
        "title": {
            "en": "Bioland: a free tool for national CHM websites",
            "ar": "بيولاند: أداة مجانية للمواقع الوطنية لآلية تبادل المعلومات",
            "es": "Bioland: una herramienta gratuita para los sitios web nacionales",
            "fr": "Bioland : un outil gratuit pour les sites nationaux du Centre d'échange",
            "ru": "Bioland: бесплатный инструмент для национальных сайтов механизма",
            "zh-hans": "Bioland：用于国家信息交换所网站的免费工具",
        },
        "intro": {
            "en": "The Secretariat offers Parties a ready-made website to publish their "
            "national biodiversity information in several languages.",
            "ar": "تقدم الأمانة للأطراف موقعا جاهزا لنشر معلوماتها الوطنية عن التنوع "
            "البيولوجي بعدة لغات.",
            "es": "La Secretaría ofrece a las Partes un sitio web listo para publicar su "
            "información nacional sobre diversidad biológica en varios idiomas.",
            "fr": "Le Secrétariat propose aux Parties un site prêt à l'emploi pour publier "
            "leurs informations nationales sur la biodiversité en plusieurs langues.",
            "ru": "Секретариат предлагает Сторонам готовый сайт для публикации национальной "
            "информации о биоразнообразии на нескольких языках.",
            "zh-hans": "秘书处向缔约方提供一个现成的网站，以多种语文发布本国的生物多样性信息。",
        },
    },
]

EVENTS_INDEX = {
    "slug": {
        "en": "events",
        "ar": "الفعاليات",
        "es": "eventos",
        "fr": "evenements",
        "ru": "мероприятия",
        "zh-hans": "活动",
    },
    "title": {
        "en": "Events",
        "ar": "الفعاليات",
        "es": "Eventos",
        "fr": "Événements",
        "ru": "Мероприятия",
        "zh-hans": "活动",
    },
}

EVENTS = [
    {
        "start": datetime.date(2014, 10, 6),
        "end": datetime.date(2014, 10, 17),
        "slug": {
            "en": "cop-12",
            "ar": "الدورة-12",
            "es": "cop-12",
            "fr": "cop-12",
            "ru": "кс-12",
            "zh-hans": "第十二届会议",
        },
        "title": {
            "en": "Twelfth meeting of the Conference of the Parties (COP-12)",
            "ar": "الاجتماع الثاني عشر لمؤتمر الأطراف",
            "es": "12ª reunión de la Conferencia de las Partes (COP-12)",
            "fr": "Douzième réunion de la Conférence des Parties (COP-12)",
            "ru": "Двенадцатое совещание Конференции Сторон (КС-12)",
            "zh-hans": "缔约方大会第十二届会议",
        },
        "location": {
            "en": "Pyeongchang, Republic of Korea",
            "ar": "بيونغتشانغ، جمهورية كوريا",
            "es": "Pyeongchang, República de Corea",
            "fr": "Pyeongchang, République de Corée",
            "ru": "Пхёнчхан, Республика Корея",
            "zh-hans": "大韩民国平昌",
        },
    },
    {
        "start": datetime.date(2015, 11, 2),
        "end": datetime.date(2015, 11, 4),
        "slug": {
            "en": "chm-iac-2015",
            "ar": "اللجنة-الاستشارية-2015",
            "es": "ca-chm-2015",
            "fr": "comite-consultatif-2015",
            "ru": "ко-2015",
            "zh-hans": "咨询委员会2015",
        },
        "title": {
            "en": "Meeting of the CHM Informal Advisory Committee",
            "ar": "اجتماع اللجنة الاستشارية غير الرسمية لآلية تبادل المعلومات",
            "es": "Reunión del Comité Asesor Oficioso del Mecanismo de Facilitación",
            "fr": "Réunion du Comité consultatif informel du Centre d'échange",
            "ru": "Совещание Неофициального консультативного комитета механизма",
            "zh-hans": "信息交换所机制非正式咨询委员会会议",
        },
        "location": {
            "en": "Montreal, Canada",
            "ar": "مونتريال، كندا",
            "es": "Montreal, Canadá",
            "fr": "Montréal, Canada",
            "ru": "Монреаль, Канада",
            "zh-hans": "加拿大蒙特利尔",
        },
    },
]

DOCUMENTS_INDEX = {
    "slug": {
        "en": "documents",
        "ar": "الوثائق",
        "es": "documentos",
        "fr": "documents",
        "ru": "документы",
        "zh-hans": "文件",
    },
    "title": {
        "en": "Official documents",
        "ar": "الوثائق الرسمية",
        "es": "Documentos oficiales",
        "fr": "Documents officiels",
        "ru": "Официальные документы",
        "zh-hans": "正式文件",
    },
}

COP_12_11 = {
    "symbol": "UNEP/CBD/COP/12/11",
    "meeting": "COP-12",
    "date": datetime.date(2014, 8, 25),
    "slug": {
        "en": "unep-cbd-cop-12-11",
        "ar": "unep-cbd-cop-12-11",
        "es": "unep-cbd-cop-12-11",
        "fr": "unep-cbd-cop-12-11",
        "ru": "unep-cbd-cop-12-11",
        "zh-hans": "unep-cbd-cop-12-11",
    },
    "title": {
        "en": "Progress report on technical and scientific cooperation and the "
        "clearing-house mechanism",
        "ar": "تقرير مرحلي عن التعاون التقني والعلمي وآلية تبادل المعلومات",
        "es": "Informe sobre los progresos en la cooperación técnica y científica y el "
        "mecanismo de facilitación",
        "fr": "Rapport d'activité sur la coopération technique et scientifique et le centre "
        "d'échange",
        "ru": "Доклад о ходе работы в области научно-технического сотрудничества и "
        "механизма посредничества",
        "zh-hans": "关于技术和科学合作以及信息交换所机制的进度报告",
    },
    "intro": {
        "en": "Note by the Executive Secretary for the twelfth meeting of the Conference of "
        "the Parties, Pyeongchang, Republic of Korea, 6-17 October 2014 (item 13).",
        "ar": "مذكرة من الأمين التنفيذي للاجتماع الثاني عشر لمؤتمر الأطراف، بيونغتشانغ، "
        "جمهورية كوريا، 6-17 أكتوبر 2014 (البند 13).",
        "es": "Nota del Secretario Ejecutivo para la 12ª reunión de la Conferencia de las "
        "Partes, Pyeongchang, República de Corea, 6 a 17 de octubre de 2014 (tema 13).",
        "fr": "Note du Secrétaire exécutif pour la douzième réunion de la Conférence des "
        "Parties, Pyeongchang, République de Corée, 6-17 octobre 2014 (point 13).",
        "ru": "Записка Исполнительного секретаря к двенадцатому совещанию Конференции Сторон, "
        "Пхёнчхан, Республика Корея, 6-17 октября 2014 года (пункт 13).",
        "zh-hans": "执行秘书为缔约方大会第十二届会议（2014年10月6日至17日，大韩民国平昌）"
        "编写的说明（临时议程项目13）。",
    },
}
