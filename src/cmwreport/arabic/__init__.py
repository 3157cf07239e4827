"""Arabic as the report writes it: script facts, Moroccan dates, UN Arabic wording."""
