// SPDX-License-Identifier: GPL-3.0-or-later
// An email as Oasis POS sends it: HTML with inline images, a text alternative, attachments.
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace oasis::mail {

/// An image the HTML shows through `cid:contentId` (multipart/related).
struct InlineImage {
    QString contentId; ///< without angle brackets, e.g. "qr@oasis-pos"
    QString fileName;  ///< a name for mail programs that save it
    QString mimeType = QStringLiteral("image/png");
    QByteArray data;
};

/// A file attached to the message (multipart/mixed).
struct Attachment {
    QString fileName;
    QString mimeType = QStringLiteral("application/pdf");
    QByteArray data;
};

/// One message to one customer. Addresses are plain `local@domain` (checkEmailAddress).
struct Message {
    QString from;
    QString fromName; ///< the store's name, shown as the sender
    QString to;
    QString subject;
    QString text; ///< the plain-text alternative
    QString html; ///< the HTML body; empty sends the text alone
    std::vector<InlineImage> images;
    std::vector<Attachment> attachments;
};

/// A header value in RFC 2047 encoded words when it is not plain printable ASCII.
QByteArray encodedHeaderText(const QString &text);

} // namespace oasis::mail
