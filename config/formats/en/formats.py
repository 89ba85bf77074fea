# Named date formats used by the templates (`|date:"DATE_FORMAT"`): British style for the English UI.
DATE_FORMAT = "j F Y"  # 13 October 2026
SHORT_DATE_FORMAT = "j M Y"  # 13 Oct 2026
MONTH_DAY_FORMAT = "j F"  # 13 October
DATETIME_FORMAT = "j F Y H:i"  # 13 October 2026 14:30
SHORT_DATETIME_FORMAT = "j M Y H:i"  # 13 Oct 2026 14:30

# Our own named formats, for the `ldate` filter (see the Danish module).
WEEKDAY_DATE_FORMAT = "l j F Y"  # Sunday 22 November 2026
WEEKDAY_MONTH_DAY_FORMAT = "l j F"  # Sunday 22 November
WEEKDAY_SHORT_MONTH_DAY_FORMAT = "l j M"  # Sunday 22 Nov
SHORT_WEEKDAY_DATE_FORMAT = "D j M Y"  # Sun 22 Nov 2026
SHORT_MONTH_DAY_FORMAT = "j M"  # 22 Nov
SHORT_MONTH_DAY_TIME_FORMAT = "j M H:i"  # 22 Nov 14:30
DATE_AT_TIME_FORMAT = "j F Y, H:i"  # 22 November 2026, 14:30
