// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/rows.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace oasis {

Rows::Rows(std::unique_ptr<QSqlQuery> query)
    : m_query(std::move(query)) {}

Rows::Rows(Rows &&other) noexcept = default;
Rows &Rows::operator=(Rows &&other) noexcept = default;
Rows::~Rows() = default;

bool Rows::next() {
    return m_query->next();
}

QStringList Rows::columnNames() const {
    QStringList names;
    const QSqlRecord record = m_query->record();
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

QVariant Rows::value(int column) const {
    return m_query->value(column);
}

bool Rows::isNull(int column) const {
    return m_query->isNull(column);
}

void Rows::finish() {
    m_query->finish();
}

} // namespace oasis
