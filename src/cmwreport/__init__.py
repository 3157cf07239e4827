"""cmwreport: Morocco's reports to the UN Committee on Migrant Workers, from sources to Word."""

__version__ = "0.1.0"
