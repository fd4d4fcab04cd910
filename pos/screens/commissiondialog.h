// SPDX-License-Identifier: GPL-3.0-or-later
// The owner's commission rates: one field per therapist and per service, in percent.
#pragma once

#include "pos/screens/screen.h"

#include <QDialog>

#include <map>

class QLabel;
class QLineEdit;

namespace oasis::screens {

/// Shows the rates CommissionService keeps and saves the ones changed. A service's rate wins over
/// the therapist's; an empty field is no rate. Every field is checked before anything is saved;
/// each rate is then saved (and journaled) by core, with the owner's approval when needed.
class CommissionDialog final : public QDialog {
    Q_OBJECT
public:
    explicit CommissionDialog(const ScreenContext &ctx, QWidget *parent = nullptr);

    /// The field of a therapist (login) or a service (code); nullptr when there is none.
    QLineEdit *therapistField(const QString &login) const;
    QLineEdit *serviceField(const QString &code) const;
    /// Saves the changed fields; the dialog closes when everything was saved.
    Status save();
    QString message() const;

private:
    ScreenContext m_ctx;
    std::map<QString, QLineEdit *> m_therapists; ///< login -> field
    std::map<QString, QLineEdit *> m_services;   ///< code -> field
    std::map<QLineEdit *, QString> m_loaded;     ///< what each field showed when opened
    QLabel *m_message = nullptr;
};

} // namespace oasis::screens
