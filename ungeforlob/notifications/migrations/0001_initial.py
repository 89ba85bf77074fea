# The models moved here from `chain` keep chain's tables: this migration only tells Django's state that they
# now belong to `notifications` (the tables were created by chain.0002 and are left as they are).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('chain', '0003_referral_without_cpr'),
        ('youth', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='StaffNotification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name='ID')),
                        ('kind', models.CharField(max_length=30)),
                        ('text', models.CharField(max_length=300)),
                        ('url', models.CharField(blank=True, max_length=300)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('read_at', models.DateTimeField(blank=True, null=True)),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                        related_name='notifications', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'chain_staffnotification',
                        'ordering': ['-created_at', '-pk'],
                        'indexes': [models.Index(fields=['recipient', 'read_at'], name='notification_unread')],
                    },
                ),
                migrations.CreateModel(
                    name='YouthNotice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name='ID')),
                        ('kind', models.CharField(max_length=30)),
                        ('text', models.CharField(max_length=500)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('read_at', models.DateTimeField(blank=True, null=True)),
                        ('related_type', models.CharField(blank=True, max_length=40)),
                        ('related_id', models.CharField(blank=True, max_length=40)),
                        ('youth', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                    related_name='notices', to='youth.youth')),
                    ],
                    options={
                        'db_table': 'chain_youthnotice',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
            ],
        ),
    ]
