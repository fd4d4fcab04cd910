// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzzed entry points, shared by the libFuzzer targets and the Catch2 regression tests.
#pragma once

#include <cstddef>
#include <cstdint>

namespace oasis::fuzz {

/// Money::parse: never crashes; whatever it accepts formats back to the same amount.
void money(const uint8_t *data, std::size_t size);
/// The scan field's classifier: gift-card code parser, receipt codes, catalog lookup on a demo db.
void scan(const uint8_t *data, std::size_t size);
/// csv::parse and CatalogService::importCsv (all-or-nothing) on a temporary database.
void csvImport(const uint8_t *data, std::size_t size);
/// The journal verifier on a small journal tampered with as the bytes say: never crashes, never
/// reports a changed journal as intact.
void journal(const uint8_t *data, std::size_t size);

} // namespace oasis::fuzz
