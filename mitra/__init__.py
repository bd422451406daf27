"""Mitra: the information system for Indonesian regional cooperation (kerja sama daerah)."""
