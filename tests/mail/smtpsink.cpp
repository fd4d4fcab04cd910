// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/mail/smtpsink.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <catch2/catch.hpp>

namespace oasis::test {

namespace {
// Debian's own interpreter, which has python3-aiosmtpd: not whatever python3 is first on PATH.
const QString kPython = QStringLiteral("/usr/bin/python3");

QByteArray readAll(const QString &path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}
} // namespace

QByteArray ReceivedMail::part(const QString &file) const {
    return readAll(QDir(dir).filePath(file));
}

QString ReceivedMail::text() const {
    return QString::fromUtf8(part(QStringLiteral("text.txt")));
}

QString ReceivedMail::html() const {
    return QString::fromUtf8(part(QStringLiteral("body.html")));
}

SmtpSink::SmtpSink(bool refusing) {
    REQUIRE(m_dir.isValid());
    QDir(m_dir.path()).mkpath(QStringLiteral("inbox"));
    QStringList args{QStringLiteral(OASIS_SMTPSINK), QStringLiteral("serve"),
                     m_dir.filePath(QStringLiteral("inbox"))};
    if (refusing)
        args << QStringLiteral("--refuse");
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(kPython, args);
    REQUIRE(m_server.waitForStarted(10'000));
    QByteArray line;
    while (!line.endsWith('\n') && m_server.waitForReadyRead(20'000))
        line += m_server.readLine();
    INFO("smtpsink.py said: " << line.toStdString());
    REQUIRE(line.startsWith("PORT "));
    m_port = line.mid(5).trimmed().toInt();
    REQUIRE(m_port > 0);
}

SmtpSink::~SmtpSink() {
    m_server.closeWriteChannel(); // the script stops when its standard input closes
    if (!m_server.waitForFinished(10'000)) {
        m_server.kill();
        m_server.waitForFinished(5'000);
    }
}

QStringList SmtpSink::messageFiles() const {
    QDir inbox(m_dir.filePath(QStringLiteral("inbox")));
    QStringList files;
    for (const QString &name :
         inbox.entryList({QStringLiteral("msg-*.eml")}, QDir::Files, QDir::Name))
        files << inbox.filePath(name);
    return files;
}

ReceivedMail SmtpSink::read(const QString &emlFile) const {
    ReceivedMail mail;
    mail.dir = emlFile + QStringLiteral(".parts");
    QProcess parse;
    parse.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    parse.start(kPython,
                {QStringLiteral(OASIS_SMTPSINK), QStringLiteral("parse"), emlFile, mail.dir});
    REQUIRE(parse.waitForFinished(30'000));
    REQUIRE(parse.exitCode() == 0);
    mail.summary =
        QJsonDocument::fromJson(readAll(QDir(mail.dir).filePath(QStringLiteral("summary.json"))))
            .object();
    QString envelope = emlFile;
    envelope.replace(QStringLiteral(".eml"), QStringLiteral(".json"));
    mail.envelope = QJsonDocument::fromJson(readAll(envelope)).object();
    mail.raw = readAll(emlFile);
    return mail;
}

} // namespace oasis::test
