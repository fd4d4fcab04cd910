# SPDX-License-Identifier: GPL-3.0-or-later
# oasis-bench on a database it did not make: one from `oasisctl init --demo`, its key where
# oasisctl put it (OASIS_KEY_DIR), found by --keys. Checks that the figures are measured and the
# JSON is written, then runs the crash harness on a copy; never the times (DESIGN §12: speed is
# for oasis-bench to report).
#   cmake -DOASISCTL=... -DBENCH=... -DWORK=... -P own_database.cmake
include("${CMAKE_CURRENT_LIST_DIR}/demo_store.cmake")

# Without the key folder the bench says where it looked, and changes nothing.
unset(ENV{OASIS_KEY_DIR})
execute_process(COMMAND "${BENCH}" run --db "${WORK}/spa.db" --only report_stock
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 3 OR NOT err MATCHES "key file .*missing")
    message(FATAL_ERROR "a database without its key: expected exit 3 naming the key file, "
                        "got ${rc}: ${err}")
endif()

# With --keys: every figure asked for is in the JSON, with its value and baseline. Exit 0 (all
# met) or 2 (a target missed) are both measurements; 3 is a failure to measure.
execute_process(
    COMMAND "${BENCH}" run --db "${WORK}/spa.db" --keys "${WORK}/keys"
            --only scan_to_line,report --json "${WORK}/figures.json"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT (rc EQUAL 0 OR rc EQUAL 2))
    message(FATAL_ERROR "oasis-bench run on a demo database failed (${rc}): ${err}")
endif()
file(READ "${WORK}/figures.json" json)
foreach(key scan_to_line report_z_day report_month_by_category report_giftcard_liability
            report_stock_valuation)
    string(JSON value ERROR_VARIABLE missing GET "${json}" ${key} value)
    string(JSON baseline ERROR_VARIABLE missing2 GET "${json}" ${key} baseline)
    if(missing OR missing2 OR NOT value GREATER 0 OR NOT baseline GREATER 0)
        message(FATAL_ERROR "${key}: no measured value and baseline in ${json}")
    endif()
endforeach()
# 1,000 scans even on the demo's handful of barcodes, and a real month for the month report.
string(JSON note GET "${json}" scan_to_line note)
if(NOT note MATCHES "over 1000 scans")
    message(FATAL_ERROR "scan_to_line: ${note}")
endif()
string(JSON note GET "${json}" report_month_by_category note)
if(NOT note MATCHES "^[0-9]+-[0-9]+-01 to [0-9]+-[0-9]+-[0-9]+,")
    message(FATAL_ERROR "report_month_by_category has no month: ${note}")
endif()

# One report asked for by its whole name is measured, and only it.
execute_process(
    COMMAND "${BENCH}" run --db "${WORK}/spa.db" --keys "${WORK}/keys"
            --only report_stock_valuation --json "${WORK}/one.json"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT (rc EQUAL 0 OR rc EQUAL 2))
    message(FATAL_ERROR "oasis-bench run --only report_stock_valuation (${rc}): ${err}")
endif()
file(READ "${WORK}/one.json" json)
string(JSON figures LENGTH "${json}")
string(JSON value ERROR_VARIABLE missing GET "${json}" report_stock_valuation value)
if(missing OR NOT figures EQUAL 1)
    message(FATAL_ERROR "--only report_stock_valuation measured ${figures} figures: ${json}")
endif()

# How many items the day's sales report by staff member has under `name` (the display name
# the report shows) in `db`.
function(sold_by db keys name result)
    set(ENV{OASIS_KEY_DIR} "${keys}")
    set(ENV{OASIS_PIN} 2468)
    execute_process(COMMAND "${OASISCTL}" --db "${db}" --user owner --json report sales --by staff
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    unset(ENV{OASIS_PIN})
    unset(ENV{OASIS_KEY_DIR})
    string(JSON rows ERROR_VARIABLE bad LENGTH "${out}" rows)
    if(NOT rc EQUAL 0 OR bad)
        message(FATAL_ERROR "oasisctl report sales (${rc}): ${out} ${err}")
    endif()
    set(quantity 0)
    if(rows GREATER 0)
        math(EXPR last "${rows} - 1")
        foreach(i RANGE ${last})
            string(JSON staff GET "${out}" rows ${i} staff)
            if(staff STREQUAL name)
                string(JSON quantity GET "${out}" rows ${i} quantity)
            endif()
        endforeach()
    endif()
    set(${result} ${quantity} PARENT_SCOPE)
endfunction()

# A store whose front desk is not called frontdesk: --user names who sells and logs in (their PIN
# in OASIS_PIN); a name the store does not have is refused, and so is a cold start without PIN.
set(ENV{OASIS_KEY_DIR} "${WORK}/keys")
set(ENV{OASIS_PIN} 2468)
set(ENV{OASIS_NEW_PIN} 2580)
execute_process(COMMAND "${OASISCTL}" --db "${WORK}/spa.db" --user owner staff add jun
                        --role frontdesk
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
unset(ENV{OASIS_NEW_PIN})
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "oasisctl staff add jun (${rc}): ${out} ${err}")
endif()
# With frontdesk gone, anything still selling as frontdesk fails.
execute_process(COMMAND "${OASISCTL}" --db "${WORK}/spa.db" --user owner staff deactivate
                        frontdesk
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
unset(ENV{OASIS_PIN})
unset(ENV{OASIS_KEY_DIR})
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "oasisctl staff deactivate frontdesk (${rc}): ${out} ${err}")
endif()
# `oasis-bench run` on the store with ARGN: refused (exit 1) with a message matching `pattern`.
function(expect_refusal pattern)
    execute_process(COMMAND "${BENCH}" run --db "${WORK}/spa.db" --keys "${WORK}/keys" ${ARGN}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 1 OR NOT err MATCHES "${pattern}")
        message(FATAL_ERROR "oasis-bench run ${ARGN}: expected exit 1 and '${pattern}', "
                            "got ${rc}: ${err}")
    endif()
endfunction()
expect_refusal("no active staff member called 'frontdesk'.*--user" --only report_stock)
expect_refusal("no active staff member called 'nobody'" --user nobody --only report_stock)
expect_refusal("logs jun in: give their PIN in OASIS_PIN" --user jun --only cold_start)
sold_by("${WORK}/spa.db" "${WORK}/keys" "Maya (front desk)" frontdesk_before)
set(ENV{OASIS_PIN} 2580)
execute_process(COMMAND "${BENCH}" run --quick --db "${WORK}/spa.db" --keys "${WORK}/keys"
                        --user jun --only sale_commit,concurrent_redeem,cold_start
                        --json "${WORK}/jun.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
unset(ENV{OASIS_PIN})
if(NOT (rc EQUAL 0 OR rc EQUAL 2))
    message(FATAL_ERROR "oasis-bench run --user jun (${rc}): ${err}")
endif()
file(READ "${WORK}/jun.json" json)
foreach(key sale_commit concurrent_redeem cold_start)
    string(JSON value ERROR_VARIABLE missing GET "${json}" ${key} value)
    if(missing OR NOT value GREATER 0)
        message(FATAL_ERROR "--user jun: no ${key} in ${json}")
    endif()
endforeach()
# Every sale of that run, the redeeming workers' too, was rung up by jun.
sold_by("${WORK}/spa.db" "${WORK}/keys" "Maya (front desk)" frontdesk_after)
sold_by("${WORK}/spa.db" "${WORK}/keys" jun jun_sold)
if(NOT frontdesk_after EQUAL frontdesk_before OR NOT jun_sold GREATER 0)
    message(FATAL_ERROR "--user jun: frontdesk's items went from ${frontdesk_before} to "
                        "${frontdesk_after}, jun's are ${jun_sold}")
endif()
# The crash harness on a copy of that store, with a copy of its key folder (the journal anchor
# lives there): whole sales survive every kill, and the original's journal still verifies.
file(COPY "${WORK}/spa.db" DESTINATION "${WORK}/copy")
file(COPY "${WORK}/keys" DESTINATION "${WORK}/copy")
function(journal_entries db keys result)
    set(ENV{OASIS_KEY_DIR} "${keys}")
    execute_process(COMMAND "${OASISCTL}" --db "${db}" --json journal verify
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(JSON ok ERROR_VARIABLE bad GET "${out}" ok)
    if(NOT rc EQUAL 0 OR bad OR NOT ok)
        message(FATAL_ERROR "journal verify of ${db} (${rc}): ${out} ${err}")
    endif()
    string(JSON entries GET "${out}" entries)
    set(${result} ${entries} PARENT_SCOPE)
endfunction()
journal_entries("${WORK}/copy/spa.db" "${WORK}/copy/keys" before)
execute_process(COMMAND "${BENCH}" crash --kills 3 --db "${WORK}/copy/spa.db"
                        --keys "${WORK}/copy/keys" --user jun
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "3 kills, 0 with a broken invariant")
    message(FATAL_ERROR "oasis-bench crash on a store's copy (${rc}): ${out} ${err}")
endif()
journal_entries("${WORK}/copy/spa.db" "${WORK}/copy/keys" after)
sold_by("${WORK}/copy/spa.db" "${WORK}/copy/keys" "Maya (front desk)" frontdesk_copy)
if(NOT frontdesk_copy EQUAL frontdesk_after)
    message(FATAL_ERROR "crash --user jun sold as frontdesk (${frontdesk_after} -> "
                        "${frontdesk_copy} items)")
endif()
if(NOT after GREATER before)
    message(FATAL_ERROR "the crash harness sold nothing on the copy (${before} journal entries)")
endif()
journal_entries("${WORK}/spa.db" "${WORK}/keys" original)

# A generated database: its history has no journal entries (the generator writes rows, not
# sales through the service), and the crash harness holds every sale made since to one entry
# each, instead of reporting the history as broken.
execute_process(COMMAND "${BENCH}" generate --quick --out "${WORK}/generated.db"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "oasis-bench generate --quick --out (${rc}): ${err}")
endif()
execute_process(COMMAND "${BENCH}" crash --kills 2 --db "${WORK}/generated.db"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "2 kills, 0 with a broken invariant")
    message(FATAL_ERROR "oasis-bench crash on a generated database (${rc}): ${out} ${err}")
endif()
# A database generate made, it makes again in its place.
execute_process(COMMAND "${BENCH}" generate --quick --out "${WORK}/generated.db"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err MATCHES "replacing .*generated.db")
    message(FATAL_ERROR "generate --out on its own database (${rc}): ${err}")
endif()
