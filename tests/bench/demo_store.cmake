# SPDX-License-Identifier: GPL-3.0-or-later
# Included by the bench's cmake -P tests: a clean WORK folder with its own XDG folders and a demo
# store made by oasisctl, WORK/spa.db with its key in WORK/keys (OASIS_KEY_DIR stays set).
include("${CMAKE_CURRENT_LIST_DIR}/work_folder.cmake")
execute_process(COMMAND "${OASISCTL}" --db "${WORK}/spa.db" init --demo
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "oasisctl init --demo failed (${rc}): ${err}")
endif()
