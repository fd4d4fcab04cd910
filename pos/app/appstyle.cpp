// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/appstyle.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QFile>
#include <QFont>
#include <QIcon>
#include <QImageReader>
#include <QPalette>
#include <QPixmap>
#include <QScreen>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>

#include <algorithm>

namespace oasis::app {

namespace {

/// What applyAppStyle() installs to keep dialogs tall enough. It fits a dialog as it is shown
/// (its layout is active by then, and nothing is painted yet), and after each LayoutRequest
/// once the event is handled (a layout does its own work on it after the event filters).
class DialogsTallEnough final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() != QEvent::Show && event->type() != QEvent::LayoutRequest)
            return false;
        auto *dialog = qobject_cast<QDialog *>(watched);
        if (!dialog || !dialog->isWindow())
            return false;
        if (event->type() == QEvent::Show) {
            fit(dialog);
            return false;
        }
        if (dialog->property(kPending).toBool())
            return false;
        dialog->setProperty(kPending, true);
        QTimer::singleShot(0, dialog, [dialog] {
            dialog->setProperty(kPending, false);
            fit(dialog);
        });
        return false;
    }

private:
    static constexpr const char *kPending = "oasisFitPending";

    static void fit(QDialog *dialog) {
        const QScreen *screen = dialog->screen();
        if (!dialog->isVisible() || !screen)
            return;
        const QRect room = screen->availableGeometry();
        const int frame = dialog->frameGeometry().height() - dialog->height();
        const int need = std::min(dialog->heightForWidth(dialog->width()), room.height() - frame);
        if (need <= dialog->height())
            return;
        dialog->resize(dialog->width(), need);
        // Grown past the screen's foot: moved up as far as it needs.
        const int over = dialog->frameGeometry().bottom() - room.bottom();
        if (over > 0)
            dialog->move(dialog->x(), std::max(room.top(), dialog->y() - over));
    }
};

} // namespace

void applyAppFont(QApplication &app) {
    QFont font = app.font();
    font.setPointSizeF(11.5);
    app.setFont(font);
}

void applyAppStyle(QApplication &app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = app.palette();
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf1, 0xec));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf8, 0xf6, 0xf2));
    palette.setColor(QPalette::Text, QColor(0x1f, 0x2d, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0x1f, 0x2d, 0x2b));
    palette.setColor(QPalette::ButtonText, QColor(0x1f, 0x2d, 0x2b));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0x6a));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    app.setPalette(palette);
    applyAppFont(app);
    QFile sheet(QStringLiteral(":/app/style.qss"));
    if (sheet.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(sheet.readAll()));
    const QString fitter = QStringLiteral("dialogsTallEnough");
    if (!app.findChild<QObject *>(fitter, Qt::FindDirectChildrenOnly)) {
        auto *filter = new DialogsTallEnough(&app);
        filter->setObjectName(fitter);
        app.installEventFilter(filter);
    }
}

void applyWindowIcon(QApplication &app) {
    // The PNG: without Qt's SVG module, which nothing else here needs, an SVG icon is read as
    // no image at all. Read as PNG and nothing else: guessing, even with the format named, loads
    // every image plugin (GIF, ICO, JPEG) to ask it first.
    QImageReader reader(QStringLiteral(":/app/com.oasispos.OasisPOS.png"), "png");
    reader.setAutoDetectImageFormat(false);
    app.setWindowIcon(QIcon(QPixmap::fromImage(reader.read())));
}

void installTranslations(QCoreApplication &app) {
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/oasis_en.qm")))
        QCoreApplication::installTranslator(english);
    else
        delete english;
}

} // namespace oasis::app
