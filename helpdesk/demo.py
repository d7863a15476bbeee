"""Demo content for the helpdesk (used by `manage.py load_demo_helpdesk`). Idempotent: each
object is looked up by a natural key first. Demo Party users get no usable password."""

import datetime

from django.db import transaction
from django.utils import timezone

from cms.demo.users import demo_party_user
from cms.models import Party
from helpdesk.demo_knowledge import help_section_load
from helpdesk.models import (
    AwardCall,
    CannedReply,
    NationalSite,
    Queue,
    Ticket,
)
from helpdesk.services.award import award_criterion_add
from helpdesk.services.tickets import ticket_create, ticket_reply

TRACKER = [
    (
        "FR",
        "operational",
        "https://biodiv.example.fr",
        "other",
        ["fr", "en"],
        datetime.date(2004, 5, 1),
    ),
    (
        "BE",
        "operational",
        "https://www.biodiv.example.be",
        "ptk",
        ["fr", "en"],
        datetime.date(2001, 3, 1),
    ),
    ("KE", "in-development", "https://chm.example.ke", "bioland", ["en"], None),
    (
        "CM",
        "operational",
        "https://cm.chm-cbd.example",
        "bioland",
        ["fr", "en"],
        datetime.date(2019, 6, 3),
    ),
    (
        "BR",
        "needs-update",
        "https://chm.example.br",
        "other",
        ["es", "en"],
        datetime.date(2010, 9, 1),
    ),
    (
        "CN",
        "operational",
        "https://chm.example.cn",
        "other",
        ["zh-hans", "en"],
        datetime.date(2008, 1, 15),
    ),
    ("EG", "planned", "", "bioland", ["ar", "en"], None),
    ("RU", "planned", "", "", ["ru"], None),
]
TICKETS = [
    (
        "FR",
        "fr",
        "bioland",
        "Demande de site Bioland",
        "Nous souhaitons migrer notre CHM national vers Bioland.",
    ),
    (
        "KE",
        "en",
        "hosting",
        "Domain name for our CHM",
        "How do we point chm.example.ke to the Bioland server?",
    ),
    (
        "EG",
        "ar",
        "training",
        "تدريب على بيولاند",
        "نود تنظيم تدريب لفريقنا على إدارة موقع بيولاند.",
    ),
]
CANNED = {
    "body_ar": "شكرا لرسالتك. سنتواصل معك خلال يومي عمل.",
    "body_en": "Thank you for your message. We will get back to you within two working days.",
    "body_es": "Gracias por su mensaje. Le responderemos en un plazo de dos días hábiles.",
    "body_fr": "Merci pour votre message. Nous vous répondrons dans un délai de deux jours ouvrables.",
    "body_ru": "Благодарим за сообщение. Мы ответим вам в течение двух рабочих дней.",
    "body_zh_hans": "感谢您的来信。我们将在两个工作日内答复您。",
}
AWARD_TITLES = {
    "ar": "جائزة أفضل آلية وطنية لتبادل المعلومات",
    "en": "Best national CHM award",
    "es": "Premio al mejor mecanismo nacional de facilitación",
    "fr": "Prix du meilleur CHM national",
    "ru": "Премия за лучший национальный МПП",
    "zh-hans": "最佳国家信息交换所机制奖",
}

AWARD_CRITERIA = [
    (
        {
            "ar": "المحتوى وحداثته",
            "en": "Content and currency",
            "es": "Contenido y actualidad",
            "fr": "Contenu et actualité",
            "ru": "Содержание и актуальность",
            "zh-hans": "内容及其时效性",
        },
        10,
    ),
    (
        {
            "ar": "اللغات المتاحة",
            "en": "Languages offered",
            "es": "Idiomas ofrecidos",
            "fr": "Langues proposées",
            "ru": "Доступные языки",
            "zh-hans": "提供的语言",
        },
        5,
    ),
    (
        {
            "ar": "قابلية التشغيل البيني",
            "en": "Interoperability",
            "es": "Interoperabilidad",
            "fr": "Interopérabilité",
            "ru": "Совместимость",
            "zh-hans": "互操作性",
        },
        10,
    ),
]


def _party_user(code: str, language: str):
    return demo_party_user(
        f"demo-{code.lower()}", f"chm-{code.lower()}@example.org", code, language
    )


def helpdesk_demo_load() -> str:
    with transaction.atomic():
        for category, _label in Queue._meta.get_field("category").choices:
            Queue.objects.get_or_create(category=category)
        CannedReply.objects.update_or_create(title="Acknowledgement", defaults=CANNED)
        for code, status, url, platform, languages, launched in TRACKER:
            NationalSite.objects.update_or_create(
                party=Party.objects.get(code=code),
                defaults={
                    "status": status,
                    "url": url,
                    "platform": platform,
                    "languages": languages,
                    "launch_date": launched,
                    "last_verified": timezone.now().date(),
                },
            )
        created = 0
        for code, language, category, subject, description in TICKETS:
            user = _party_user(code, language)
            if Ticket.objects.filter(requester=user, subject=subject).exists():
                continue
            ticket = ticket_create(
                requester=user,
                category=category,
                subject=subject,
                description=description,
                language=language,
            )
            if code == "KE":
                ticket_reply(
                    ticket=ticket,
                    author=None,
                    body="Check the DNS zone first.",
                    internal=True,
                    by_staff=True,
                )
            created += 1
        call = AwardCall.objects.filter(title_en=AWARD_TITLES["en"]).first()
        if call is None:
            call = AwardCall.objects.create(
                **{f"title_{code.replace('-', '_')}": t for code, t in AWARD_TITLES.items()},
                deadline=timezone.now() + datetime.timedelta(days=60),
            )
            for names, max_score in AWARD_CRITERIA:
                award_criterion_add(call=call, names=names, max_score=max_score)
    articles = help_section_load()
    return (
        f"Helpdesk demo: {created} new tickets, {len(TRACKER)} tracker rows, "
        f"{articles} help articles, award call {call.pk}."
    )
