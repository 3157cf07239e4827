#!/bin/sh
# Refresh the message catalogues after changing messages in the code (docs/translating.md):
# extract every _()/ngettext()/N_() message, merge it into the Arabic and French
# catalogues, compile them to the .mo files the package loads. Offline; run from the
# repository root with the project's virtual environment.
set -eu
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
LOCALE=src/cmwreport/locale
"$PYBABEL" extract -F babel.cfg --no-location --sort-output --omit-header --no-wrap \
    -o "$LOCALE/cmwreport.pot" src/cmwreport
"$PYBABEL" update -i "$LOCALE/cmwreport.pot" -d "$LOCALE" -D cmwreport \
    --no-wrap --ignore-obsolete --no-fuzzy-matching --ignore-pot-creation-date
# Dates and names pybabel stamps on every run: fixed, so that a catalogue and its .mo
# change only where a message did (two people refreshing them do not conflict).
for po in "$LOCALE"/*/LC_MESSAGES/cmwreport.po; do
    sed -i -e 's/^"POT-Creation-Date: .*/"POT-Creation-Date: 2026-01-01 00:00+0000\\n"/' \
        -e 's/^"PO-Revision-Date: .*/"PO-Revision-Date: 2026-01-01 00:00+0000\\n"/' \
        -e '/^"Last-Translator:/d' -e '/^"Language-Team:/d' -e '/^"Generated-By:/d' \
        -e 's/^"Project-Id-Version: .*/"Project-Id-Version: cmwreport\\n"/' "$po"
done
"$PYBABEL" compile -d "$LOCALE" -D cmwreport --statistics
