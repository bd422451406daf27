# Django's date formats for Indonesian, as Mitra's tables write dates (mitra/lib/formatting.py):
# "4 Des 2026" and "4 Des 2026, 14.05", not Django's "4 Des. 2026". The rest is Django's.
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H.i T"
