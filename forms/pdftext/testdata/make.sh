#!/bin/sh
# Makes the fixtures TestFixtures reads: the tests' report PDF as qpdf
# rewrites it (object and cross-reference streams; encrypted with an empty
# user password, and with a password). Needs qpdf (apt-get install qpdf).
set -e
cd "$(dirname "$0")"
PDFTEXT_FIXTURE="$PWD/plain.pdf" go test .. -run '^TestWriteFixture$' -count=1 >/dev/null
qpdf --object-streams=generate plain.pdf objstm.pdf
qpdf --allow-weak-crypto --encrypt "" owner 40 -- plain.pdf rc4-40.pdf
qpdf --allow-weak-crypto --encrypt "" owner 128 --use-aes=n -- plain.pdf rc4-128.pdf
qpdf --object-streams=generate --encrypt "" owner 128 --use-aes=y -- plain.pdf aes-128.pdf
qpdf --encrypt "" owner 256 -- plain.pdf aes-256.pdf
qpdf --encrypt "" owner 256 --force-R5 -- plain.pdf aes-256-r5.pdf
qpdf --encrypt secret owner 256 -- plain.pdf password.pdf
