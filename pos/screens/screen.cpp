// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/screen.h"

#include "pos/screens/translate.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLocale>

namespace oasis::screens {

QString shortDateFormatFullYear() {
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

QString promoLeftLine(const AppliedTender &tender) {
    const Money promo = tender.giftCardPromo;
    if (promo.isZero())
        return {};
    const QLocale locale;
    const QDate &expires = tender.giftCardPromoExpires;
    return expires.isValid()
               ? tr("%1 of it promotional, expires %2")
                     .arg(promo.format(locale), locale.toString(expires, shortDateFormatFullYear()))
               : tr("%1 of it promotional").arg(promo.format(locale));
}

QDate OptionalDateField::value() const {
    return on->isChecked() ? date->date() : QDate();
}

OptionalDateField optionalDateField(QWidget *parent, const QString &label, const QDate &shown,
                                    const QDate &earliest, const QString &objectName) {
    OptionalDateField f;
    f.on = new QCheckBox(label, parent);
    f.on->setMinimumHeight(kTouch);
    f.date = new QDateEdit(shown, parent);
    if (!objectName.isEmpty()) {
        f.on->setObjectName(objectName + QStringLiteral("On"));
        f.date->setObjectName(objectName);
    }
    f.date->setCalendarPopup(true);
    f.date->setDisplayFormat(shortDateFormatFullYear());
    if (earliest.isValid())
        f.date->setMinimumDate(earliest);
    f.date->setMinimumHeight(kTouch);
    f.date->setEnabled(false);
    QObject::connect(f.on, &QCheckBox::toggled, f.date, &QWidget::setEnabled);
    return f;
}

void showNotice(QLabel *label, const QString &text, bool error) {
    label->setStyleSheet(
        error ? QStringLiteral(
                    "color: #8a1c1c; background: #fdecec; border-radius: 6px; padding: 6px 10px;")
              : QStringLiteral(
                    "color: #184d2e; background: #e8f5ec; border-radius: 6px; padding: 6px 10px;"));
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void markMessageLine(QLabel *label) {
    label->setProperty("messageLine", true);
}

void clearMessageLines(QWidget *root) {
    for (QLabel *label : root->findChildren<QLabel *>())
        if (label->property("messageLine").toBool())
            label->clear();
}

} // namespace oasis::screens
