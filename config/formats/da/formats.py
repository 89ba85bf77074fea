# Named date formats used by the templates (`|date:"DATE_FORMAT"`), so that each language gets its own style.
DATE_FORMAT = "j. F Y"  # 13. oktober 2026
SHORT_DATE_FORMAT = "j. M Y"  # 13. okt. 2026
MONTH_DAY_FORMAT = "j. F"  # 13. oktober
DATETIME_FORMAT = "j. F Y H:i"  # 13. oktober 2026 14:30
SHORT_DATETIME_FORMAT = "j. M Y H:i"  # 13. okt. 2026 14:30
