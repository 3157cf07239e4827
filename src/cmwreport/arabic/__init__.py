"""Arabic as the report writes it: script facts (script.py), Moroccan dates (dates.py),
UN Arabic wording (wording.py, from reference/un_arabic.yaml), counting and lists
(counting.py)."""
