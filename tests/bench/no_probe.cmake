# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped oasis-pos has no cold-start probe: the bench's probe (OASIS_FIRST_PAINT_PROBE) is
# compiled into oasis-pos-probe only. The probe's environment variable is named in the probe's
# binary and nowhere in the shipped one (checked on both, so the check itself can fail).
file(STRINGS "${PROBE}" in_probe REGEX "OASIS_EXIT_AFTER_FIRST_PAINT")
if(NOT in_probe)
    message(FATAL_ERROR "oasis-pos-probe does not name OASIS_EXIT_AFTER_FIRST_PAINT: the check cannot see it")
endif()
file(STRINGS "${SHIPPED}" in_shipped REGEX "OASIS_EXIT_AFTER_FIRST_PAINT")
if(in_shipped)
    message(FATAL_ERROR "the shipped oasis-pos reads the bench's probe variable")
endif()
