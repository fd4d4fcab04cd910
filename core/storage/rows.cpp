// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/rows.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace oasis {

Rows::Rows(std::unique_ptr<QSqlQuery> query)
    : m_query(std::move(query)) {}

Rows::Rows(QStringList columns, QList<QVariantList> rows)
    : m_columns(std::move(columns))
    , m_rows(std::move(rows)) {}

Rows::Rows(Rows &&other) noexcept = default;
Rows &Rows::operator=(Rows &&other) noexcept = default;
Rows::~Rows() = default;

bool Rows::next() {
    if (!m_query)
        return ++m_at < m_rows.size() || (m_at = m_rows.size(), false);
    return m_query->next();
}

QStringList Rows::columnNames() const {
    if (!m_query)
        return m_columns;
    QStringList names;
    const QSqlRecord record = m_query->record();
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

QVariant Rows::value(int column) const {
    if (!m_query)
        return m_at >= 0 && m_at < m_rows.size() ? m_rows[m_at].value(column) : QVariant();
    return m_query->value(column);
}

bool Rows::isNull(int column) const {
    if (!m_query)
        return value(column).isNull();
    return m_query->isNull(column);
}

void Rows::finish() {
    if (!m_query) {
        m_at = m_rows.size();
        return;
    }
    m_query->finish();
}

} // namespace oasis
