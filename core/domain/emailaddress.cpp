// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/emailaddress.h"

#include "core/domain/text.h"
#include "core/domain/translate.h"

#include <QList>

namespace oasis {

namespace {
bool isAtext(QChar c) {
    if (c.unicode() > 127)
        return false;
    if (c.isLetterOrNumber())
        return true;
    return QStringView(u"!#$%&'*+/=?^_`{|}~-").contains(c);
}

bool validLocalPart(QStringView local) {
    if (local.isEmpty() || local.size() > 64 || local.startsWith(u'.') || local.endsWith(u'.') ||
        local.contains(u".."))
        return false;
    for (QChar c : local)
        if (c != u'.' && !isAtext(c))
            return false;
    return true;
}

bool validDomain(QStringView domain) {
    if (domain.size() > 253 || !domain.contains(u'.'))
        return false;
    for (QStringView label : domain.split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label)
            if (c.unicode() > 127 || !(c.isLetterOrNumber() || c == u'-'))
                return false;
    }
    return true;
}
} // namespace

Status checkEmailAddress(const QString &address) {
    const qsizetype at = address.lastIndexOf(u'@');
    if (address.size() <= 254 && at > 0 && validLocalPart(QStringView(address).left(at)) &&
        validDomain(QStringView(address).mid(at + 1)))
        return {};
    if (address.isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("No email address was given."));
    return fail(ErrorCode::Invalid, oasis::tr("%1 is not an email address (like name@example.com).")
                                        .arg(elidedForMessage(address)));
}

} // namespace oasis
