// SPDX-License-Identifier: GPL-3.0-or-later
// Files written whole or not at all (exports, printed files, key files, the journal's anchor):
// a write that fails at the end, as on a full disk, leaves the file as it was and says why.
#include "core/domain/savefile.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
/// Files this process writes may grow to `bytes` while it lives: past that a write fails
/// (EFBIG), as one does on a full disk, and is not killed for it (SIGXFSZ ignored).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &m_old) == 0);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};
} // namespace

TEST_CASE("a file is written whole, with the permissions asked for", "[files][sqlite]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"catalog.csv"_s);
    REQUIRE(saveFile(path, "type,code\n"));
    CHECK(test::fileBytes(path) == "type,code\n");
    REQUIRE(saveFile(path, "type,code\nproduct,OIL-LAV-120\n",
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    CHECK(test::fileBytes(path) == "type,code\nproduct,OIL-LAV-120\n");
    CHECK(QFile::permissions(path) == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ReadUser | QFileDevice::WriteUser));
    const auto missing = saveFile(dir.filePath(u"no/such/folder/x.csv"_s), "x");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::System);
    CHECK_FALSE(missing.error().message.isEmpty());
}

TEST_CASE("a write that fails at the end leaves the old file whole and says why",
          "[files][sqlite]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"clients.csv"_s);
    REQUIRE(saveFile(path, "id,name\n1,Ana Ruiz\n"));
    // Smaller than QFile's buffer (16 KB), so the failing write is the one at commit: Qt 6.4's
    // QSaveFile::commit() alone reports success there and renames an empty file into place.
    const QByteArray big(6000, 'x');
    {
        FileSizeLimit limit(1000);
        const auto full = saveFile(path, big);
        REQUIRE_FALSE(full);
        CHECK(full.error().code == ErrorCode::System);
        CHECK(full.error().message == u"File too large"_s);
        const auto firstWrite = saveFile(dir.filePath(u"new.csv"_s), big);
        REQUIRE_FALSE(firstWrite);
    }
    CHECK(test::fileBytes(path) == "id,name\n1,Ana Ruiz\n");
    // Nothing left behind: no half-written new file, no temporary file.
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{u"clients.csv"_s});
}

TEST_CASE("a device or a FIFO is written in place, never replaced by a file", "[files][sqlite]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    struct stat st {};
    const QString fifo = dir.filePath(u"export.fifo"_s);
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // Its reader is there first (a pipe's buffer holds the export), so the write cannot block,
    // and a FIFO replaced by a file leaves it reading nothing.
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    const auto written = saveFile(fifo, "code,counted\nOIL-LAV-120,12\n");
    QByteArray read(4096, '\0');
    const ssize_t got = ::read(reader, read.data(), std::size_t(read.size()));
    ::close(reader);
    REQUIRE(written);
    REQUIRE(got >= 0);
    read.truncate(got);
    CHECK(read == "code,counted\nOIL-LAV-120,12\n");
    REQUIRE(::stat(QFile::encodeName(fifo).constData(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));

    // A full disk's device (every write fails) and the null device (takes everything). As root
    // (as in CI) the test makes its own in its folder: a failure here must not replace the
    // machine's /dev/full with a file.
    QString fullDevice = u"/dev/full"_s;
    QString nullDevice = u"/dev/null"_s;
    if (::geteuid() == 0) {
        fullDevice = dir.filePath(u"full"_s);
        nullDevice = dir.filePath(u"null"_s);
        if (::mknod(QFile::encodeName(fullDevice).constData(), S_IFCHR | 0666, makedev(1, 7)) !=
                0 ||
            ::mknod(QFile::encodeName(nullDevice).constData(), S_IFCHR | 0666, makedev(1, 3)) !=
                0 ||
            !QFile(nullDevice).open(QIODevice::WriteOnly)) {
            WARN("cannot make a device node in " << dir.path().toStdString());
            return;
        }
    }
    const auto full = saveFile(fullDevice, "R-000042\n");
    REQUIRE_FALSE(full);
    CHECK(full.error().message == u"No space left on device"_s);
    REQUIRE(saveFile(nullDevice, "R-000042\n"));
    REQUIRE(::stat(QFile::encodeName(fullDevice).constData(), &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    REQUIRE(::stat(QFile::encodeName(nullDevice).constData(), &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}
