// SPDX-License-Identifier: GPL-3.0-or-later
// Preview of a gift certificate with Save PDF (Letter or A6) and Print (system printer).
#pragma once

#include "pos/screens/printchoice.h"
#include "printing/certificate.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace oasis {
class Database;
}

namespace oasis::screens {

/// A card's certificate with the store's header from its settings.
printing::GiftCertificate certificateOf(Database &db, const QString &code, Money amount,
                                        const QString &to = {}, const QString &from = {},
                                        const QString &message = {});

/// A service voucher's or a session package's certificate: what it is worth in words
/// ("One 60-minute deep tissue massage") in place of an amount, as oasisctl giftcard certificate
/// prints it.
printing::GiftCertificate serviceCertificateOf(Database &db, const QString &code,
                                               const QString &worth);

/// Shows the certificate as it will print. The code it carries is the card's full code: the
/// dialog keeps it only in memory and never logs it.
class CertificatePreviewDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificatePreviewDialog)
public:
    explicit CertificatePreviewDialog(printing::GiftCertificate certificate,
                                      QWidget *parent = nullptr);

    const printing::GiftCertificate &certificate() const { return m_certificate; }
    printing::CertificatePage page() const;
    void setPage(printing::CertificatePage page);
    /// The rendered preview (what the QR scanner would read).
    QImage image() const { return m_image; }
    /// Writes the PDF without asking where (the Save button asks, then calls this).
    Status savePdf(const QString &path) const;

private:
    void render();
    Printable printable() const;
    void saveAs();
    void print();

    printing::GiftCertificate m_certificate;
    QImage m_image;
    QComboBox *m_page = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace oasis::screens
