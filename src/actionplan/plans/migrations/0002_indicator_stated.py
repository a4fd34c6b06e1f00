from typing import Any

from django.db import migrations, models


def _number(value: Any) -> str | None:
    # The same text the importer writes: Decimal(repr(float)).
    return None if value is None else str(models.DecimalField().to_python(repr(float(value))))


def record_statements(apps: Any, schema_editor: Any) -> None:
    """Indicators imported before this field existed hold the document's
    target as it was read: record it as stated."""
    indicator_model = apps.get_model("plans", "Indicator")
    for indicator in indicator_model.objects.filter(origin="plan", target_value__isnull=False):
        baseline = (
            [_number(indicator.baseline_value), indicator.baseline_year]
            if indicator.baseline_value is not None
            else None
        )
        indicator.stated = {
            "value": _number(indicator.target_value),
            "year": indicator.target_year,
            "comparator": indicator.comparator,
            "unit": indicator.unit,
            "kind": indicator.kind,
            "aspirational": indicator.aspirational,
            "baseline": baseline,
        }
        indicator.save(update_fields=["stated"])


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalindicator",
            name="stated",
            field=models.JSONField(
                blank=True, default=dict, verbose_name="target as the document states it"
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="stated",
            field=models.JSONField(
                blank=True, default=dict, verbose_name="target as the document states it"
            ),
        ),
        migrations.RunPython(record_statements, migrations.RunPython.noop),
    ]
