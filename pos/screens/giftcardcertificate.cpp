// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/giftcardcertificate.h"

#include "core/services/storesettings.h"
#include "printing/systemprinter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace oasis::screens {

printing::GiftCertificate certificateOf(Database &db, const QString &code, Money amount,
                                        const QString &to, const QString &from,
                                        const QString &message) {
    const StoreInfo info = StoreSettings(db).storeInfo();
    printing::GiftCertificate c;
    c.store = printing::StoreHeader{info.name, info.addressLines, info.phone};
    c.code = code;
    c.amount = amount;
    c.to = to;
    c.from = from;
    c.message = message;
    return c;
}

printing::GiftCertificate serviceCertificateOf(Database &db, const QString &code,
                                               const QString &worth) {
    printing::GiftCertificate c = certificateOf(db, code, Money());
    c.service = worth;
    return c;
}

CertificatePreviewDialog::CertificatePreviewDialog(printing::GiftCertificate certificate,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_certificate(std::move(certificate)) {
    setWindowTitle(m_certificate.service.isEmpty() ? tr("Gift certificate")
                                                   : tr("Service certificate"));
    setObjectName(QStringLiteral("certificatePreview"));

    m_page = new QComboBox(this);
    m_page->setObjectName(QStringLiteral("certificatePage"));
    m_page->addItem(tr("Letter page"), int(printing::CertificatePage::Letter));
    m_page->addItem(tr("A6 card"), int(printing::CertificatePage::A6));
    m_page->setMinimumHeight(48);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("certificateImage"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(420, 480);
    m_preview->setStyleSheet(QStringLiteral("background: #e9ecef; padding: 12px;"));

    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *save = new QPushButton(tr("Save PDF…"), this);
    save->setObjectName(QStringLiteral("savePdf"));
    auto *print = new QPushButton(tr("Print…"), this);
    print->setObjectName(QStringLiteral("printCertificate"));
    auto *close = new QPushButton(tr("Close"), this);
    for (QPushButton *b : {save, print, close})
        b->setMinimumHeight(48);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Page:"), this));
    top->addWidget(m_page, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addWidget(print);
    buttons->addStretch();
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_page, &QComboBox::currentIndexChanged, this, &CertificatePreviewDialog::render);
    connect(save, &QPushButton::clicked, this, &CertificatePreviewDialog::saveAs);
    connect(print, &QPushButton::clicked, this, &CertificatePreviewDialog::print);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    render();
}

printing::CertificatePage CertificatePreviewDialog::page() const {
    return printing::CertificatePage(m_page->currentData().toInt());
}

void CertificatePreviewDialog::setPage(printing::CertificatePage page) {
    m_page->setCurrentIndex(m_page->findData(int(page)));
}

void CertificatePreviewDialog::render() {
    m_image = printing::renderCertificateImage(m_certificate, 150, page());
    if (m_image.isNull()) {
        m_preview->setText(tr("The certificate could not be drawn."));
        return;
    }
    const QSize box(460, 560);
    m_preview->setPixmap(
        QPixmap::fromImage(m_image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

Status CertificatePreviewDialog::savePdf(const QString &path) const {
    return printing::renderCertificatePdf(m_certificate, path, page());
}

Printable CertificatePreviewDialog::printable() const {
    Printable doc;
    doc.title = tr("Gift certificate");
    doc.fileName = tr("gift-certificate-%1.pdf").arg(m_certificate.code.right(4));
    doc.print = [this](QPrinter &printer) {
        return printing::printCertificateOnPrinter(m_certificate, printer, page());
    };
    doc.savePdf = [this](const QString &path) { return savePdf(path); };
    return doc;
}

void CertificatePreviewDialog::saveAs() {
    auto saved = saveAsPdf(printable(), this);
    m_message->setText(saved ? saved->message() : saved.error().message);
}

void CertificatePreviewDialog::print() {
    auto printed = printOnSystemPrinter(printable(), this);
    m_message->setText(printed ? printed->message() : printed.error().message);
}

} // namespace oasis::screens
