// SPDX-License-Identifier: GPL-3.0-or-later
// A local SMTP server for tests (smtpsink.py under Debian's /usr/bin/python3 with aiosmtpd).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace oasis::test {

/// One received message, parsed by Python's email package.
struct ReceivedMail {
    QJsonObject envelope; ///< "from", "to" (list) as the server saw them
    QJsonObject summary;  ///< "subject", "from", "to", "tree", "inline", "attachments"
    QString dir;          ///< where the decoded parts are
    QByteArray raw;       ///< the message as received
    QByteArray part(const QString &file) const;
    QString text() const;
    QString html() const;
};

/// Listens on 127.0.0.1 on a free port while it lives; `refusing` answers 550 to every
/// recipient.
class SmtpSink final {
public:
    explicit SmtpSink(bool refusing = false);
    ~SmtpSink();
    int port() const { return m_port; }
    /// The messages received so far, oldest first.
    QStringList messageFiles() const;
    ReceivedMail read(const QString &emlFile) const;

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    int m_port = 0;
};

} // namespace oasis::test
