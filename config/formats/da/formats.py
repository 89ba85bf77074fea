# Named date formats used by the templates (`|date:"DATE_FORMAT"`), so that each language gets its own style.
DATE_FORMAT = "j. F Y"  # 13. oktober 2026
SHORT_DATE_FORMAT = "j. b Y"  # 13. okt 2026 (Django's "M" would write "Okt")
MONTH_DAY_FORMAT = "j. F"  # 13. oktober
DATETIME_FORMAT = "j. F Y H:i"  # 13. oktober 2026 14:30
SHORT_DATETIME_FORMAT = "j. b Y H:i"  # 13. okt 2026 14:30

# Our own named formats, for the `ldate` filter (ungeforlob.core.templatetags.ui): Django allows only its own
# names in `|date:"…"`.
WEEKDAY_DATE_FORMAT = "l j. F Y"  # søndag 22. november 2026
WEEKDAY_MONTH_DAY_FORMAT = "l j. F"  # søndag 22. november
WEEKDAY_SHORT_MONTH_DAY_FORMAT = "l j. b"  # søndag 22. nov
SHORT_WEEKDAY_DATE_FORMAT = "D j. b Y"  # søn 22. nov 2026
SHORT_MONTH_DAY_FORMAT = "j. b"  # 22. nov
SHORT_MONTH_DAY_TIME_FORMAT = "j. b H.i"  # 22. nov 14.30
DATE_AT_TIME_FORMAT = "j. F Y \\k\\l. H:i"  # 22. november 2026 kl. 14:30
