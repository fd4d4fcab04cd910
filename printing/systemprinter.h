// SPDX-License-Identifier: GPL-3.0-or-later
// Printing through the system's printers (QPrinter): a full-page printer or a thermal printer
// with a CUPS driver. Part of oasis::printing_system, built only with the counter app.
#pragma once

#include "core/domain/error.h"
#include "printing/certificate.h"
#include "printing/painter.h"
#include "printing/receipt.h"

class QPrinter;
class QWidget;

namespace oasis::printing {

/// Prints the receipt on printer, on a page as wide as the paper (80 mm by default) and as
/// long as the receipt.
Status printReceiptOnPrinter(const ReceiptDocument &doc, QPrinter &printer,
                             const ReceiptPaper &paper = {});

/// Prints a gift certificate on printer, on a Letter or A6 page.
Status printCertificateOnPrinter(const GiftCertificate &certificate, QPrinter &printer,
                                 CertificatePage page = CertificatePage::Letter);

/// Lets the user choose a printer and its settings; false when the dialog is cancelled.
bool choosePrinter(QPrinter &printer, QWidget *parent = nullptr, const QString &title = {});

} // namespace oasis::printing
