// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/pos/textfit.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>

namespace oasis::app::postest {

namespace {

QString describe(const QWidget *w, const QString &text) {
    QStringList path;
    for (const QWidget *p = w; p; p = p->parentWidget())
        if (!p->objectName().isEmpty()) {
            path.prepend(p->objectName());
            if (path.size() == 3)
                break;
        }
    return QStringLiteral("%1/%2 “%3”")
        .arg(path.join(u'/'), QString::fromLatin1(w->metaObject()->className()),
             QString(text).replace(u'\n', u' '));
}

bool insideItemView(const QWidget *w, const QWidget *root) {
    for (const QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget())
        if (qobject_cast<const QAbstractItemView *>(p))
            return true;
    return false;
}

} // namespace

QStringList clippedTexts(QWidget *root) {
    // A label whose text just changed (the status bar's low-stock count arrives from a thread)
    // is laid out again by a posted request: measure what the person sees once it is done.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QStringList found;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!(w == root ? w->isVisible() : w->isVisibleTo(root)) || w->width() <= 0 ||
            insideItemView(w, root))
            continue;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            const QString text = label->text();
            if (text.isEmpty())
                continue;
            const QRect room = label->contentsRect().adjusted(label->margin(), label->margin(),
                                                              -label->margin(), -label->margin());
            if (label->wordWrap()) {
                // Wrapped: the lines it needs at its width must fit its height.
                const int needs = label->heightForWidth(label->width());
                if (needs > label->height() + 2)
                    found << QStringLiteral("%1 needs %2 px high, has %3")
                                 .arg(describe(label, text))
                                 .arg(needs)
                                 .arg(label->height());
                continue;
            }
            int width = 0;
            int height = 0;
            if (label->textFormat() == Qt::RichText ||
                (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text))) {
                QTextDocument doc;
                doc.setDefaultFont(label->font());
                doc.setDocumentMargin(0);
                doc.setHtml(text);
                width = qCeil(doc.idealWidth());
                height = qCeil(doc.size().height());
            } else {
                const QFontMetrics metrics = label->fontMetrics();
                const QStringList lines = text.split(u'\n');
                for (const QString &line : lines)
                    width = qMax(width, metrics.horizontalAdvance(line));
                height = metrics.height() * int(lines.size());
            }
            if (width > room.width())
                found << QStringLiteral("%1 needs %2 px, has %3")
                             .arg(describe(label, text))
                             .arg(width)
                             .arg(room.width());
            else if (height > room.height() + 2) // the font's descent may hang into the margin
                found << QStringLiteral("%1 needs %2 px high, has %3")
                             .arg(describe(label, text))
                             .arg(height)
                             .arg(room.height());
        } else if (auto *button = qobject_cast<QPushButton *>(w)) {
            if (button->text().isEmpty())
                continue;
            // The style's own answer: text, icon and padding.
            const QSize needs = button->sizeHint();
            if (needs.width() > button->width())
                found << QStringLiteral("%1 needs %2 px, has %3")
                             .arg(describe(button, button->text()))
                             .arg(needs.width())
                             .arg(button->width());
            else if (button->fontMetrics().height() * int(button->text().count(u'\n') + 1) >
                     button->height())
                found << QStringLiteral("%1 needs more height than %2 px")
                             .arg(describe(button, button->text()))
                             .arg(button->height());
        }
    }
    return found;
}

} // namespace oasis::app::postest
