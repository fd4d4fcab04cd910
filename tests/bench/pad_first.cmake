# SPDX-License-Identifier: GPL-3.0-or-later
# The counter app paints its PIN pad while a slow store still opens, with the names its pad
# showed at the last start of that store, and logs in once the store is open; a first start, or
# a start with another store, waits for the store. Driven through oasis-pos-probe (the app's own
# main.cpp), whose OASIS_PROBE_STORE_DELAY_MS holds the store's thread back.
#   cmake -DOASISCTL=... -DPROBE=... -DWORK=... -P pad_first.cmake
include("${CMAKE_CURRENT_LIST_DIR}/work_folder.cmake")

foreach(store one two)
    execute_process(COMMAND "${OASISCTL}" --db "${WORK}/${store}.db" init --demo
                    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "oasisctl init --demo failed (${rc}): ${err}")
    endif()
endforeach()

# One start of the probe on `db` with the store held back 700 ms, logging in as the front desk.
# Sets `ahead`: the microseconds from the painted pad to the store attached (negative: the pad
# waited for the store); the PIN is never checked before the store is open.
function(start db)
    execute_process(
        COMMAND "${CMAKE_COMMAND}" -E env OASIS_EXIT_AFTER_FIRST_PAINT=1 OASIS_USER=frontdesk
                OASIS_PIN=1111 OASIS_PROBE_STORE_DELAY_MS=700 "${PROBE}" --db "${db}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "first-paint epoch-us=")
        message(FATAL_ERROR "the app did not log in and paint its register (${rc}): ${out}${err}")
    endif()
    foreach(mark pin-pad store-attached pin-submit)
        if(NOT out MATCHES "${mark} epoch-us=([0-9]+)")
            message(FATAL_ERROR "no ${mark} in: ${out}")
        endif()
        string(REPLACE "-" "_" var "${mark}")
        set(${var} "${CMAKE_MATCH_1}")
    endforeach()
    math(EXPR typed "${pin_submit} - ${store_attached}")
    if(typed LESS 0)
        message(FATAL_ERROR "the PIN was checked before the store was open: ${out}")
    endif()
    math(EXPR d "${store_attached} - ${pin_pad}")
    set(ahead ${d} PARENT_SCOPE)
endfunction()

# The first start of store one on this computer: nothing to show but the store's own names.
start("${WORK}/one.db")
if(ahead GREATER 0)
    message(FATAL_ERROR "a first start showed names before its store was open")
endif()
file(READ "$ENV{XDG_CONFIG_HOME}/OasisPOS/oasis-pos.conf" config)
if(NOT config MATCHES "logins=frontdesk, manager, owner")
    message(FATAL_ERROR "the pad's names were not kept for the next start: ${config}")
endif()

# The next start: the pad is on screen long before the slow store.
start("${WORK}/one.db")
if(ahead LESS 400000)
    message(FATAL_ERROR "the pad did not come before the slow store: ${ahead} us ahead")
endif()

# Another store on this computer: its pad waits for it (the names kept are store one's).
start("${WORK}/two.db")
if(ahead GREATER 0)
    message(FATAL_ERROR "the pad of another store showed names before its store was open")
endif()
