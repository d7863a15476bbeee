"""Demo data: focal points of several Parties and notification 2014-107 in six languages.

The notification's facts (number, date, reference, subject) are those cited in
UNEP/CBD/COP/12/11, footnote 3; the wording below is ours, written for the demo.
"""

import datetime

from django.db import transaction
from wagtail.models import Locale

from cms.models import Party
from notifications import services
from notifications.models import (
    FocalPoint,
    Notification,
    NotificationCounter,
    NotificationText,
    Subject,
)

NUMBER = "2014-107"
ISSUE_DATE = datetime.date(2014, 8, 26)
REFERENCE = "SCBD/SAM/NR/LC/83832"
SIGNATURE = "Braulio Ferreira de Souza Dias\n{role}"

TEXTS = {
    "en": {
        "title": "Nomination or confirmation of national focal points for national reporting "
        "and of national authorized users of the CBD online reporting system",
        "to": "CBD National Focal Points",
        "role": "Executive Secretary",
        "body": [
            "The Secretariat is pleased to inform Parties that the online reporting system "
            "of the Convention is being prepared for the sixth national reports.",
            "Parties are invited to nominate, or to confirm, a national focal point for "
            "national reporting and one or more national authorized users who will enter "
            "information in the online reporting system on behalf of their Government.",
            "Nominations should be sent by official letter signed by the CBD national focal "
            "point or a senior official, by 31 October 2014.",
        ],
    },
    "fr": {
        "title": "Nomination ou confirmation des correspondants nationaux chargés des rapports "
        "nationaux et des utilisateurs nationaux autorisés du système de rapports en ligne de la CDB",
        "to": "Correspondants nationaux de la CDB",
        "role": "Secrétaire exécutif",
        "body": [
            "Le Secrétariat a le plaisir d’informer les Parties que le système de rapports "
            "en ligne de la Convention est en cours de préparation pour les sixièmes rapports "
            "nationaux.",
            "Les Parties sont invitées à nommer, ou à confirmer, un correspondant national "
            "chargé des rapports nationaux ainsi qu’un ou plusieurs utilisateurs nationaux "
            "autorisés, qui saisiront les informations dans le système au nom de leur "
            "gouvernement.",
            "Les nominations doivent être adressées par lettre officielle signée par le "
            "correspondant national de la CDB ou par un haut fonctionnaire, avant le "
            "31 octobre 2014.",
        ],
    },
    "es": {
        "title": "Nombramiento o confirmación de los coordinadores nacionales para la "
        "presentación de informes nacionales y de los usuarios nacionales autorizados del "
        "sistema de presentación de informes en línea del CDB",
        "to": "Coordinadores nacionales del CDB",
        "role": "Secretario Ejecutivo",
        "body": [
            "La Secretaría tiene el agrado de informar a las Partes de que el sistema de "
            "presentación de informes en línea del Convenio se está preparando para los "
            "sextos informes nacionales.",
            "Se invita a las Partes a nombrar, o a confirmar, un coordinador nacional para la "
            "presentación de informes nacionales y uno o más usuarios nacionales autorizados, "
            "que ingresarán la información en el sistema en nombre de su Gobierno.",
            "Los nombramientos deberán enviarse mediante carta oficial firmada por el "
            "coordinador nacional del CDB o por un alto funcionario, a más tardar el "
            "31 de octubre de 2014.",
        ],
    },
    "ru": {
        "title": "Назначение или подтверждение национальных координационных центров по "
        "национальной отчетности и национальных уполномоченных пользователей системы "
        "онлайновой отчетности КБР",
        "to": "Национальные координационные центры КБР",
        "role": "Исполнительный секретарь",
        "body": [
            "Секретариат рад сообщить Сторонам, что система онлайновой отчетности Конвенции "
            "готовится к приему шестых национальных докладов.",
            "Сторонам предлагается назначить или подтвердить национальный координационный "
            "центр по национальной отчетности и одного или нескольких национальных "
            "уполномоченных пользователей, которые будут вводить информацию в систему от "
            "имени своего правительства.",
            "Кандидатуры следует представить официальным письмом за подписью национального "
            "координационного центра КБР или старшего должностного лица до 31 октября 2014 года.",
        ],
    },
    "ar": {
        "title": "تسمية أو تأكيد جهات الاتصال الوطنية المعنية بالتقارير الوطنية والمستخدمين "
        "الوطنيين المأذون لهم في نظام الإبلاغ الإلكتروني للاتفاقية",
        "to": "جهات الاتصال الوطنية للاتفاقية",
        "role": "الأمين التنفيذي",
        "body": [
            "يسر الأمانة أن تبلغ الأطراف بأن نظام الإبلاغ الإلكتروني للاتفاقية يجري إعداده "
            "لاستقبال التقارير الوطنية السادسة.",
            "والأطراف مدعوة إلى تسمية أو تأكيد جهة اتصال وطنية معنية بالتقارير الوطنية، ومستخدم "
            "وطني مأذون له أو أكثر يتولى إدخال المعلومات في النظام باسم حكومته.",
            "وينبغي إرسال التسميات برسالة رسمية يوقعها جهة الاتصال الوطنية للاتفاقية أو مسؤول "
            "رفيع المستوى، في موعد أقصاه 31 أكتوبر/تشرين الأول 2014.",
        ],
    },
    "zh-hans": {
        "title": "提名或确认国家报告国家联络点和《生物多样性公约》在线报告系统国家授权用户",
        "to": "《生物多样性公约》国家联络点",
        "role": "执行秘书",
        "body": [
            "秘书处谨通知各缔约方，《公约》在线报告系统正在为第六次国家报告做准备。",
            "请各缔约方提名或确认一名负责国家报告的国家联络点，以及一名或多名国家授权用户，"
            "由其代表本国政府在在线报告系统中输入信息。",
            "提名应以《生物多样性公约》国家联络点或一名高级官员签署的正式信函于2014年10月31日之前发送。",
        ],
    },
}

SUBJECTS = {
    "national-reporting": {
        "en": "National reporting",
        "fr": "Rapports nationaux",
        "es": "Informes nacionales",
        "ru": "Национальная отчетность",
        "ar": "الإبلاغ الوطني",
        "zh-hans": "国家报告",
    },
    "chm": {
        "en": "Clearing-House Mechanism",
        "fr": "Centre d’échange",
        "es": "Mecanismo de facilitación",
        "ru": "Механизм посредничества",
        "ar": "آلية تبادل المعلومات",
        "zh-hans": "信息交换所机制",
    },
}

FOCAL_POINTS = [
    # party, language, categories, title, first, last, organisation
    (
        "FR",
        "fr",
        ["CBD-FP1", "SBSTTA-FP"],
        "Mme",
        "Claire",
        "Dubois",
        "Ministère de la Transition écologique",
    ),
    ("MX", "es", ["CBD-FP1", "CHM-FP"], "Dra.", "Lucía", "Hernández", "CONABIO"),
    ("EG", "ar", ["CBD-FP1"], "د.", "منى", "حسن", "وزارة البيئة"),
    ("CN", "zh-hans", ["CBD-FP1", "CHM-FP"], "", "伟", "王", "生态环境部"),
    (
        "RU",
        "ru",
        ["CBD-FP1"],
        "",
        "Ирина",
        "Смирнова",
        "Министерство природных ресурсов и экологии",
    ),
    (
        "CA",
        "en",
        ["CBD-FP1", "CHM-FP"],
        "Ms.",
        "Sarah",
        "Thompson",
        "Environment and Climate Change Canada",
    ),
    ("BR", "en", ["ABS-FP"], "Mr.", "João", "Silva", "Ministério do Meio Ambiente"),
]


@transaction.atomic
def demo_notifications_load() -> bool:
    """Idempotent: does nothing when notification 2014-107 exists."""
    if Notification.objects.filter(number=NUMBER).exists():
        return False
    for code, titles in SUBJECTS.items():
        Subject.objects.get_or_create(code=code, defaults={"titles": titles})
    for party, language, categories, title, first, last, organisation in FOCAL_POINTS:
        FocalPoint.objects.get_or_create(
            party=Party.objects.get(code=party),
            first_name=first,
            last_name=last,
            defaults={
                "categories": categories,
                "title": title,
                "organisation": organisation,
                "emails": [
                    f"{first.lower()}.{party.lower()}@focal-points.example.org"
                    if first.isascii()
                    else f"fp.{party.lower()}@focal-points.example.org"
                ],
                "preferred_language": language,
                "status": FocalPoint.Status.ACTIVE,
                "publish_email": True,
            },
        )
    notification = Notification.objects.create(
        reference=REFERENCE,
        slug="national-reporting-focal-points",
        categories=["CBD-FP1"],
        meeting_codes=["COP-12"],
        action_required_by=datetime.date(2014, 10, 31),
        status=Notification.Status.APPROVED,
    )
    notification.subjects.set(Subject.objects.filter(code__in=SUBJECTS))
    source = None
    for language, text in TEXTS.items():
        row = NotificationText(
            notification=notification,
            locale=Locale.objects.get(language_code=language),
            title=text["title"],
            recipients_text=text["to"],
            body="".join(f"<p>{paragraph}</p>" for paragraph in text["body"]),
            signature=SIGNATURE.format(role=text["role"]),
        )
        if source is not None:
            row.translation_key = source.translation_key
        row.save()
        source = source or row
    # The 2014 register already held numbers 001-106 when 2014-107 was issued.
    counter, _created = NotificationCounter.objects.get_or_create(year=2014)
    counter.last_sequence = max(counter.last_sequence, 106)
    counter.save()
    services.notification_issue(notification_id=notification.pk, issue_date=ISSUE_DATE)
    return True
