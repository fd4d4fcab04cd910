// SPDX-License-Identifier: GPL-3.0-or-later
// First-start data: the spa's services and products, staff, store details and opening stock.
#pragma once

#include "core/domain/error.h"

namespace oasis {

class Database;

/// Creates the store defaults every database needs (tax rates). Idempotent.
Status installDefaults(Database &db);
/// Adds the Lake Union spa's catalog, demo staff (frontdesk 1111, manager 9999, owner 2468,
/// therapists), store details and some opening stock. Refused when staff already exist.
Status installDemoData(Database &db);
/// The demo session package PKG-DT60-5, 5 × DT60 for $600, defined by the demo owner. Apart
/// from installDemoData (which tests also use on stores of earlier schema steps); `oasisctl init
/// --demo` adds both.
Status installDemoPackages(Database &db);

} // namespace oasis
