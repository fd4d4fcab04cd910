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

# One start of the probe on `db` with the store held back `delay` ms, logging in as the front
# desk: sets <name>_pad, <name>_attached and <name>_submit (epoch microseconds).
function(start name db delay)
    execute_process(
        COMMAND "${CMAKE_COMMAND}" -E env OASIS_EXIT_AFTER_FIRST_PAINT=1 OASIS_USER=frontdesk
                OASIS_PIN=1111 OASIS_PROBE_STORE_DELAY_MS=${delay} "${PROBE}" --db "${db}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "first-paint epoch-us=")
        message(FATAL_ERROR "${name}: the app did not log in and paint its register (${rc}): "
                            "${out}${err}")
    endif()
    foreach(mark pin-pad store-attached pin-submit)
        if(NOT out MATCHES "${mark} epoch-us=([0-9]+)")
            message(FATAL_ERROR "${name}: no ${mark} in: ${out}")
        endif()
        string(REPLACE "-" "_" var "${mark}")
        set(${name}_${var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
    endforeach()
endfunction()

# Microseconds from `a` to `b`.
function(between out a b)
    math(EXPR d "${b} - ${a}")
    set(${out} ${d} PARENT_SCOPE)
endfunction()

# The first start of store one on this computer: nothing to show but the store's own names.
start(first "${WORK}/one.db" 0)
file(READ "$ENV{XDG_CONFIG_HOME}/OasisPOS/oasis-pos.conf" config)
if(NOT config MATCHES "logins=frontdesk, manager, owner")
    message(FATAL_ERROR "the pad's names were not kept for the next start: ${config}")
endif()

# The next start, the store 700 ms slow: the pad is on screen long before the store.
start(again "${WORK}/one.db" 700)
between(ahead ${again_pin_pad} ${again_store_attached})
if(ahead LESS 400000)
    message(FATAL_ERROR "the pad did not come before the slow store: ${ahead} us ahead")
endif()
between(typed ${again_store_attached} ${again_pin_submit})
if(typed LESS 0)
    message(FATAL_ERROR "the PIN was checked before the store was open")
endif()

# Another store on this computer: its pad waits for it (the names kept are store one's).
start(other "${WORK}/two.db" 700)
between(ahead ${other_pin_pad} ${other_store_attached})
if(ahead GREATER 0)
    message(FATAL_ERROR "the pad of another store showed names before its store was open")
endif()

# And a computer that never opened a store: the same.
set(ENV{XDG_CONFIG_HOME} "${WORK}/config-new")
start(fresh "${WORK}/one.db" 700)
between(ahead ${fresh_pin_pad} ${fresh_store_attached})
if(ahead GREATER 0)
    message(FATAL_ERROR "a first start showed names before its store was open")
endif()
