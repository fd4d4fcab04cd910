# SPDX-License-Identifier: GPL-3.0-or-later
# oasis-bench on a store on a PostgreSQL server (the test server of the `postgresql` label, its
# socket folder and port in PGHOST and PGPORT): a demo store made there by oasisctl, measured
# with every figure that sells, its journal verified afterwards; and the generator writing its
# quick store to the server. Checks that each figure is measured, never the times (DESIGN §12).
#   cmake -DOASISCTL=... -DBENCH=... -DWORK=... -DPSQL=... -P on_a_server.cmake
include("${CMAKE_CURRENT_LIST_DIR}/work_folder.cmake")
set(ENV{OASIS_BENCH_DIR} "${WORK}/bench")
set(ENV{PGUSER} oasis)

function(fresh_database name)
    execute_process(COMMAND "${PSQL}" -X -q -d postgres
                            -c "DROP DATABASE IF EXISTS ${name} WITH (FORCE)"
                            -c "CREATE DATABASE ${name}"
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "cannot make the database ${name} on the test server: ${err}")
    endif()
endfunction()
function(verify url keys)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E env "OASIS_KEY_DIR=${keys}"
                            "${OASISCTL}" --db "${url}" journal verify
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "Journal OK")
        message(FATAL_ERROR "journal verify on ${url} (${rc}): ${out}${err}")
    endif()
endfunction()

fresh_database(bench_demo)
set(url "postgresql:///bench_demo")
execute_process(COMMAND "${OASISCTL}" --db "${url}" init --demo
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "oasisctl init --demo on the server failed (${rc}): ${err}")
endif()

# Exit 0 (all met) or 2 (a target missed) are both measurements; 3 is a failure to measure.
# The cold start logs in as the demo's front desk (PIN 1111) on the counter app opened on the
# server.
set(ENV{OASIS_PIN} 1111)
execute_process(
    COMMAND "${BENCH}" run --quick --db "${url}" --keys "${WORK}/keys"
            --only scan_to_line,sale_commit,concurrent_redeem,report,cold_start,pin_pad,pin_to_register
            --json "${WORK}/server.json"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
unset(ENV{OASIS_PIN})
if(NOT (rc EQUAL 0 OR rc EQUAL 2))
    message(FATAL_ERROR "oasis-bench run on a server store failed (${rc}): ${err}")
endif()
file(READ "${WORK}/server.json" json)
foreach(key scan_to_line sale_commit concurrent_redeem report_z_day report_month_by_category
            report_giftcard_liability report_stock_valuation cold_start pin_pad pin_to_register)
    string(JSON value ERROR_VARIABLE missing GET "${json}" ${key} value)
    string(JSON baseline ERROR_VARIABLE missing2 GET "${json}" ${key} baseline)
    if(missing OR missing2 OR NOT value GREATER 0 OR NOT baseline GREATER 0)
        message(FATAL_ERROR "${key}: no measured value and baseline in ${json}")
    endif()
endforeach()
# The server's own targets: 1.5x the schema, 8 registers at 3x one, and never an overdraft.
string(JSON target GET "${json}" sale_commit target)
string(JSON note GET "${json}" sale_commit note)
if(NOT target STREQUAL "<= 1.5x" OR NOT note MATCHES "the same ([0-9]+) rows into the same tables")
    message(FATAL_ERROR "sale_commit on a server: ${target}: ${note}")
endif()
string(JSON target GET "${json}" concurrent_redeem target)
string(JSON note GET "${json}" concurrent_redeem note)
if(NOT target STREQUAL "0 overdrafts, >= 3x" OR NOT note MATCHES " 0 overdrafts, [0-9]+ refused, 0 failed")
    message(FATAL_ERROR "concurrent_redeem on a server: ${target}: ${note}")
endif()
# Nothing of the bench's own is left in the store's database, and its books still verify.
execute_process(COMMAND "${PSQL}" -X -At -d bench_demo -c
                        "SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'oasis_bench%'"
                OUTPUT_VARIABLE left OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT left STREQUAL "0")
    message(FATAL_ERROR "the bench left ${left} schemas of its own in the store's database")
endif()
verify("${url}" "${WORK}/keys")

# The generator writes to a server: its quick store, moved there by store copy, verifies.
fresh_database(bench_generated)
execute_process(COMMAND "${BENCH}" generate --quick --out "postgresql:///bench_generated"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err MATCHES "25000 sales")
    message(FATAL_ERROR "oasis-bench generate --out a server (${rc}): ${err}")
endif()
verify("postgresql:///bench_generated" "${WORK}/bench/server-bench_generated/keys")
# A database that already holds a store is refused, and keeps what it holds.
execute_process(COMMAND "${BENCH}" generate --quick --out "postgresql:///bench_generated"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT rc EQUAL 1 OR NOT err MATCHES "is not empty: .*nothing was changed")
    message(FATAL_ERROR "generate over a store on the server (${rc}): ${err}")
endif()
verify("postgresql:///bench_generated" "${WORK}/bench/server-bench_generated/keys")
foreach(db bench_demo bench_generated)
    execute_process(COMMAND "${PSQL}" -X -q -d postgres -c "DROP DATABASE ${db} WITH (FORCE)")
endforeach()
