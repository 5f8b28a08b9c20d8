"""ArchiveDesk (档案工作台): personnel files of floating personnel, kept at a county talent centre."""

__version__ = "0.1.0"
