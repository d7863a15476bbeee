"""Demo national reports and NBSAPs for a few Parties, in several languages, in every
state (published, submitted, draft). Idempotent: a Party's demo report is made once."""

from datetime import date
from html import escape

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from cms.demo.users import demo_party_user, demo_user_get_or_create
from cms.models import Party
from reports import services
from reports.models import Report

NR, NBSAP = Report.Kind.NATIONAL_REPORT, Report.Kind.NBSAP
# (Party, kind, cycle, original language, titles, summaries, date, targets, files, state)
REPORTS = [
    ("FR", NR, 6, "fr",
     {"fr": "Sixième rapport national de la France à la Convention sur la diversité biologique",
      "en": "Sixth national report of France to the Convention on Biological Diversity"},
     {"fr": "Progrès accomplis vers les objectifs d'Aichi pour la biodiversité, 2014–2018.",
      "en": "Progress towards the Aichi Biodiversity Targets, 2014–2018."},
     date(2019, 3, 28), [1, 5, 11, 19], ["fr", "en"], "published"),
    ("FR", NBSAP, None, "fr",
     {"fr": "Stratégie nationale pour la biodiversité 2030",
      "en": "National Biodiversity Strategy 2030"},
     {"fr": "Quatre axes et quarante mesures pour enrayer l'érosion de la biodiversité."},
     date(2023, 11, 27), [1, 2, 11, 20], ["fr"], "published"),
    ("MX", NR, 6, "es",
     {"es": "Sexto Informe Nacional de México ante el Convenio sobre la Diversidad Biológica",
      "en": "Sixth National Report of Mexico to the Convention on Biological Diversity"},
     {"es": "Avances en la aplicación de la Estrategia Nacional sobre Biodiversidad."},
     date(2019, 5, 17), [5, 9, 11, 12], ["es"], "published"),
    ("MX", NBSAP, None, "es",
     {"es": "Estrategia Nacional sobre Biodiversidad de México y Plan de Acción 2016–2030"},
     {"es": "Seis ejes estratégicos: conocimiento, conservación, uso sustentable…"},
     date(2016, 12, 2), [1, 4, 11, 17], ["es"], "submitted"),
    ("CN", NR, 6, "zh-hans",
     {"zh-hans": "中国履行《生物多样性公约》第六次国家报告",
      "en": "China's Sixth National Report on the Implementation of the CBD"},
     {"zh-hans": "评估爱知生物多样性目标的国家执行进展。"},
     date(2019, 6, 12), [11, 12, 15], ["zh-hans", "en"], "published"),
    ("EG", NR, 6, "ar",
     {"ar": "التقرير الوطني السادس لمصر إلى اتفاقية التنوع البيولوجي",
      "en": "Sixth National Report of Egypt to the Convention on Biological Diversity"},
     {"ar": "التقدم المحرز نحو تحقيق أهداف أيشي للتنوع البيولوجي."},
     date(2019, 2, 20), [6, 10, 11], ["ar"], "published"),
    ("RU", NBSAP, None, "ru",
     {"ru": "Национальная стратегия сохранения биоразнообразия России"},
     {"ru": "Проект обновлённой стратегии и плана действий."},
     date(2024, 9, 1), [1, 11, 17], ["ru"], "draft"),
    ("KE", NR, 7, "en",
     {"en": "Seventh National Report of Kenya to the Convention on Biological Diversity"},
     {"en": "First report on the Kunming-Montreal Global Biodiversity Framework."},
     date(2026, 2, 27), [], ["en"], "submitted"),
]  # fmt: skip


def _authorized_user(code: str, language: str):
    slug = code.lower()
    return demo_party_user(f"demo-reports-{slug}", f"reports-{slug}@example.org", code, language)


def _secretariat_user():
    user, created = demo_user_get_or_create("demo-reports-secretariat", "reports@example.org")
    if created:
        user.user_permissions.add(Permission.objects.get(codename="publish_report"))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def _pdf(title: str, language: str) -> bytes:
    from weasyprint import HTML

    direction = "rtl" if language == "ar" else "ltr"
    html = f'<html lang="{language}" dir="{direction}"><body><h1>{escape(title)}</h1></body></html>'
    return HTML(string=html).write_pdf()


def reports_demo_load() -> str:
    secretariat = _secretariat_user()
    made = 0
    for code, kind, cycle, original, titles, summaries, day, targets, files, state in REPORTS:
        party = Party.objects.get(code=code)
        if Report.objects.filter(party=party, kind=kind, cycle=cycle).exists():
            continue
        user = _authorized_user(code, original)
        with transaction.atomic():
            report = services.report_create(
                user=user,
                party=party,
                kind=kind,
                cycle=cycle,
                titles=titles,
                summaries=summaries,
                original_language=original,
                document_date=day,
                aichi_targets=targets,
            )
            for language in files:
                title = titles.get(language) or titles[original]
                upload = SimpleUploadedFile(
                    f"{code.lower()}-{kind}-{language}.pdf",
                    _pdf(title, language),
                    content_type="application/pdf",
                )
                services.report_file_add(user=user, report=report, language=language, upload=upload)
            if state in ("submitted", "published"):
                report = services.report_submit(user=user, report=report)
            if state == "published":
                services.report_publish(user=secretariat, report=report)
        made += 1
    return f"{made} demo national reports and NBSAPs created."
