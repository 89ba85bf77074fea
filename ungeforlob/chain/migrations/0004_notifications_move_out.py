# StaffNotification and YouthNotice moved to the `notifications` app, which keeps their tables
# (`chain_staffnotification`, `chain_youthnotice`): chain forgets them in Django's state only; no table changes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('chain', '0003_referral_without_cpr'),
        ('notifications', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='StaffNotification'),
                migrations.DeleteModel(name='YouthNotice'),
            ],
        ),
    ]
