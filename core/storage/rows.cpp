// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/rows.h"

#include <QSqlQuery>

namespace oasis {

Rows::Rows(std::unique_ptr<QSqlQuery> query)
    : m_query(std::move(query)) {}

Rows::Rows(Rows &&other) noexcept = default;
Rows &Rows::operator=(Rows &&other) noexcept = default;
Rows::~Rows() = default;

bool Rows::next() {
    return m_query->next();
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
