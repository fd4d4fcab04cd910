# SPDX-License-Identifier: GPL-3.0-or-later
# oasis-bench on a database it did not make: one from `oasisctl init --demo`, its key where
# oasisctl put it (OASIS_KEY_DIR), found by --keys. Checks that the figures are measured and the
# JSON is written, then runs the crash harness on a copy; never the times (DESIGN §12: speed is
# for oasis-bench to report).
#   cmake -DOASISCTL=... -DBENCH=... -DWORK=... -P own_database.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(ENV{XDG_CONFIG_HOME} "${WORK}/config")
set(ENV{XDG_DATA_HOME} "${WORK}/data")
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{OASIS_KEY_DIR} "${WORK}/keys")
execute_process(COMMAND "${OASISCTL}" --db "${WORK}/spa.db" init --demo
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "oasisctl init --demo failed (${rc}): ${err}")
endif()

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
                        --keys "${WORK}/copy/keys"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "3 kills, 0 with a broken invariant")
    message(FATAL_ERROR "oasis-bench crash on a store's copy (${rc}): ${out} ${err}")
endif()
journal_entries("${WORK}/copy/spa.db" "${WORK}/copy/keys" after)
if(NOT after GREATER before)
    message(FATAL_ERROR "the crash harness sold nothing on the copy (${before} journal entries)")
endif()
journal_entries("${WORK}/spa.db" "${WORK}/keys" original)
