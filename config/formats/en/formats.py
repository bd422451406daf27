# Django's date formats for English, as Mitra's tables write dates (mitra/lib/formatting.py):
# "Dec 4, 2026", not Django's "Dec. 4, 2026". The rest is Django's.
DATE_FORMAT = "M j, Y"
DATETIME_FORMAT = "M j, Y, g:i A T"
