// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/commissiondialog.h"

#include "core/domain/tax.h"
#include "core/services/catalog.h"
#include "core/services/commission.h"
#include "core/services/staff.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {
QLineEdit *rateField(QWidget *parent, const QString &objectName, std::optional<qint64> ppm) {
    auto *field = new QLineEdit(ppm ? percentText(*ppm) : QString(), parent);
    field->setObjectName(objectName);
    field->setPlaceholderText(
        QCoreApplication::translate("oasis::screens::CommissionDialog", "no rate"));
    field->setMinimumHeight(kTouch);
    field->setMaximumWidth(120);
    field->setAlignment(Qt::AlignRight);
    return field;
}

/// A field and a "%" after it.
QWidget *withPercent(QLineEdit *field) {
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    layout->addWidget(new QLabel(QStringLiteral("%")));
    layout->addStretch();
    return row;
}
} // namespace

CommissionDialog::CommissionDialog(const ScreenContext &ctx, QWidget *parent)
    : QDialog(parent)
    , m_ctx(ctx) {
    setWindowTitle(tr("Commission rates"));
    setObjectName(QStringLiteral("commissionDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Commission is a share of the service sales a therapist performed, after discounts "
           "and before tax and tips. A service's rate wins over the therapist's; leave a field "
           "empty for no rate."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *content = new QWidget;
    auto *columns = new QHBoxLayout(content);
    auto *people = new QFormLayout;
    auto *services = new QFormLayout;
    people->addRow(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Therapists"))));
    services->addRow(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Services"))));
    columns->addLayout(people, 1);
    columns->addSpacing(24);
    columns->addLayout(services, 1);

    const CommissionRates rates = CommissionService(*m_ctx.db).rates().value_or(CommissionRates{});
    const auto rateOf = [](const std::map<QString, qint64> &all,
                           const QString &key) -> std::optional<qint64> {
        auto it = all.find(key);
        return it != all.end() ? std::optional(it->second) : std::nullopt;
    };
    for (const StaffMember &t :
         StaffService(*m_ctx.db).therapists().value_or(std::vector<StaffMember>{})) {
        QLineEdit *field = rateField(content, QStringLiteral("rate-therapist-") + t.name,
                                     rateOf(rates.byTherapist, t.name));
        m_therapists[t.name] = field;
        m_loaded[field] = field->text();
        people->addRow(t.shownName(), withPercent(field));
    }
    for (const CatalogItem &s :
         CatalogService(*m_ctx.db).sessions().value_or(std::vector<CatalogItem>{})) {
        QLineEdit *field = rateField(content, QStringLiteral("rate-service-") + s.code,
                                     rateOf(rates.byService, s.code));
        m_services[s.code] = field;
        m_loaded[field] = field->text();
        services->addRow(s.name, withPercent(field));
    }
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    m_message = new QLabel(this);
    markMessageLine(m_message);
    m_message->setObjectName(QStringLiteral("commissionMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    for (QAbstractButton *b : buttons->buttons())
        b->setMinimumHeight(kTouch);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { (void)save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 600);
}

QLineEdit *CommissionDialog::therapistField(const QString &login) const {
    auto it = m_therapists.find(login);
    return it != m_therapists.end() ? it->second : nullptr;
}

QLineEdit *CommissionDialog::serviceField(const QString &code) const {
    auto it = m_services.find(code);
    return it != m_services.end() ? it->second : nullptr;
}

QString CommissionDialog::message() const {
    return m_message->text();
}

Status CommissionDialog::save() {
    struct Change {
        bool therapist;
        QString key;
        std::optional<qint64> ppm;
        QLineEdit *field;
    };
    std::vector<Change> changes;
    // Every field checked first: one bad field saves nothing.
    const auto collect = [&](const std::map<QString, QLineEdit *> &fields,
                             bool therapist) -> Status {
        for (const auto &[key, field] : fields) {
            const QString text = field->text().trimmed();
            if (text == m_loaded[field].trimmed())
                continue;
            std::optional<qint64> ppm;
            if (!text.isEmpty()) {
                auto parsed = parsePercent(text);
                if (!parsed) {
                    field->setFocus();
                    return std::unexpected(parsed.error());
                }
                ppm = *parsed;
            }
            changes.push_back({therapist, key, ppm, field});
        }
        return {};
    };
    Status checked = collect(m_therapists, true);
    if (checked)
        checked = collect(m_services, false);
    if (!checked) {
        showNotice(m_message, checked.error().message, true);
        return checked;
    }
    std::optional<StaffMember> approver;
    const StaffMember user = m_ctx.currentUser ? m_ctx.currentUser() : StaffMember{};
    for (const Change &c : changes) {
        CommissionService service(*m_ctx.db);
        auto saved = withApproval(m_ctx.requestApproval, [&](const std::optional<StaffMember> &a) {
            if (a)
                approver = a;
            const std::optional<StaffMember> by = a ? a : approver;
            return c.therapist ? service.setTherapistRate(c.key, c.ppm, user, by)
                               : service.setServiceRate(c.key, c.ppm, user, by);
        });
        if (!saved) {
            showNotice(m_message, saved.error().message, true);
            return saved;
        }
        m_loaded[c.field] = c.field->text();
    }
    accept();
    return {};
}

} // namespace oasis::screens
