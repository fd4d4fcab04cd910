// SPDX-License-Identifier: GPL-3.0-or-later
// Every seed of the fuzz corpora, and every input a fuzzer once crashed on, runs through the
// same entry points in the ordinary test suite (the entry points abort on a broken invariant).
#include "tests/support/testsupport.h"

#include "tests/fuzz/fuzz_targets.h"

#include <QDir>
#include <QFile>

#include <functional>

namespace {

void runCorpus(const char *name, const std::function<void(const uint8_t *, std::size_t)> &target) {
    const QDir dir(QStringLiteral(OASIS_FUZZ_CORPUS "/") + QString::fromLatin1(name));
    const QStringList files = dir.entryList(QDir::Files);
    REQUIRE(!files.isEmpty());
    for (const QString &f : files) {
        QFile file(dir.filePath(f));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        INFO(f.toStdString());
        target(reinterpret_cast<const uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
    }
}

void runBytes(const QByteArray &bytes,
              const std::function<void(const uint8_t *, std::size_t)> &target) {
    target(reinterpret_cast<const uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
}

} // namespace

TEST_CASE("money parsing seeds and past crashes", "[fuzz]") {
    runCorpus("money", oasis::fuzz::money);
    runBytes(QByteArray("9223372036854775807"), oasis::fuzz::money);
    runBytes(QByteArray("-0.00"), oasis::fuzz::money);
    runBytes(QByteArray("1,000,000.0"), oasis::fuzz::money);
}

TEST_CASE("scan field classifier seeds and past crashes", "[fuzz]") {
    runCorpus("scan", oasis::fuzz::scan);
    runBytes(QByteArray("GC1-"), oasis::fuzz::scan);
    runBytes(QByteArray("R-0000000000000"), oasis::fuzz::scan);
    runBytes(QByteArray("\xff\xfe", 2), oasis::fuzz::scan);
}

TEST_CASE("catalog CSV import seeds and past crashes", "[fuzz]") {
    runCorpus("csv_import", oasis::fuzz::csvImport);
    runBytes(QByteArray("\"", 1), oasis::fuzz::csvImport);
    runBytes(QByteArray("type,code\r\n\"a\"\"", 15), oasis::fuzz::csvImport);
}

TEST_CASE("journal verifier seeds and past crashes", "[fuzz]") {
    runCorpus("journal", oasis::fuzz::journal);
}
