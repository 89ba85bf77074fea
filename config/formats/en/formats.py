# Named date formats used by the templates (`|date:"DATE_FORMAT"`): British style for the English UI.
DATE_FORMAT = "j F Y"  # 13 October 2026
SHORT_DATE_FORMAT = "j M Y"  # 13 Oct 2026
MONTH_DAY_FORMAT = "j F"  # 13 October
DATETIME_FORMAT = "j F Y H:i"  # 13 October 2026 14:30
SHORT_DATETIME_FORMAT = "j M Y H:i"  # 13 Oct 2026 14:30
