# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped oasis-pos has no cold-start probe: the bench's probe (OASIS_FIRST_PAINT_PROBE) is
# compiled into oasis-pos-probe only. The probe's environment variables are named in the probe's
# binary and nowhere in the shipped one (checked on both, so the check itself can fail).
foreach(variable OASIS_EXIT_AFTER_FIRST_PAINT OASIS_PROBE_STORE_DELAY_MS)
    file(STRINGS "${PROBE}" in_probe REGEX "${variable}")
    if(NOT in_probe)
        message(FATAL_ERROR "oasis-pos-probe does not name ${variable}: the check cannot see it")
    endif()
    file(STRINGS "${SHIPPED}" in_shipped REGEX "${variable}")
    if(in_shipped)
        message(FATAL_ERROR "the shipped oasis-pos reads the bench's probe variable ${variable}")
    endif()
endforeach()
