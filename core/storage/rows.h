// SPDX-License-Identifier: GPL-3.0-or-later
// The rows a statement returned, as services read them: forward, one at a time. The engine's
// query object stays inside storage (services never see Qt Sql).
#pragma once

#include <QList>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSqlQuery;

namespace oasis {

class Rows final {
public:
    Rows(Rows &&other) noexcept;
    Rows &operator=(Rows &&other) noexcept;
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;
    ~Rows();

    /// Moves to the next row; false after the last.
    bool next();
    /// The value of `column` (0-based, in the SELECT's order) in the current row.
    QVariant value(int column) const;
    bool isNull(int column) const;
    /// The names of the result's columns, in order.
    QStringList columnNames() const;
    /// Done reading before the end: the statement lets go of what it holds now.
    void finish();

private:
    friend class Database;
    explicit Rows(std::unique_ptr<QSqlQuery> query);
    /// Rows already read whole (a store on a server, whose statement went back to be kept).
    Rows(QStringList columns, QList<QVariantList> rows);
    std::unique_ptr<QSqlQuery> m_query; ///< null when the rows were read whole
    QStringList m_columns;
    QList<QVariantList> m_rows;
    qsizetype m_at = -1;
};

} // namespace oasis
