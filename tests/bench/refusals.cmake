# SPDX-License-Identifier: GPL-3.0-or-later
# oasis-bench given bad input: a clear message, a non-zero exit and nothing changed. Above all it
# never deletes a database or a key folder it did not make (generate starts by clearing its
# output and the key folder beside it).
#   cmake -DOASISCTL=... -DBENCH=... -DWORK=... -P refusals.cmake
include("${CMAKE_CURRENT_LIST_DIR}/demo_store.cmake")
# The bench's own data folder: nothing may be generated there by a refused command.
set(ENV{OASIS_BENCH_DIR} "${WORK}/bench-data")
file(SHA256 "${WORK}/spa.db" spa_before)
file(GLOB keys_before "${WORK}/keys/*")

# expect(<exit code or NONZERO> <regex on stderr+stdout> args...)
function(expect code pattern)
    execute_process(COMMAND "${BENCH}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                    ERROR_VARIABLE err)
    if(NOT ((code STREQUAL "NONZERO" AND NOT rc EQUAL 0) OR rc STREQUAL code) OR
       NOT "${out}${err}" MATCHES "${pattern}")
        message(FATAL_ERROR "oasis-bench ${ARGN}: expected exit ${code} and '${pattern}', "
                            "got ${rc}:\n${out}${err}")
    endif()
endfunction()

# Help is help, for every command: usage on stdout, exit 0, nothing generated or run.
expect(0 "--out" generate --help)
expect(0 "--only" run --help)
expect(0 "--kills" crash --help)
expect(0 "generate" --help)

# Options a command does not know, or a value left out.
expect(NONZERO "[Uu]nknown option.*jsn" run --jsn figures.json)
expect(NONZERO "[Uu]nknown option.*db" generate --db "${WORK}/spa.db")
expect(NONZERO "[Mm]issing value.*db" run --db)
expect(NONZERO "[Uu]nknown command.*rnu" rnu)
# A figure that does not exist is named, with the ones that do.
expect(NONZERO "no figure .*sale_comit.*sale_commit" run --only sale_comit)
# A value that is not a number.
expect(NONZERO "--kills takes a number" crash --kills many)

# generate replaces only what it made: not a store's database (even with a key folder beside it
# named as the bench names its own), not a key folder without its database.
expect(NONZERO "exists and was not made by oasis-bench" generate --out "${WORK}/spa.db")
file(COPY "${WORK}/keys/" DESTINATION "${WORK}/spa.db.keys")
expect(NONZERO "exists and was not made by oasis-bench" generate --out "${WORK}/spa.db")
file(REMOVE_RECURSE "${WORK}/spa.db.keys")
file(MAKE_DIRECTORY "${WORK}/other.db.keys")
file(WRITE "${WORK}/other.db.keys/keep" "a key someone keeps")
expect(NONZERO "exists" generate --out "${WORK}/other.db")
if(NOT EXISTS "${WORK}/other.db.keys/keep" OR EXISTS "${WORK}/other.db")
    message(FATAL_ERROR "generate --out touched a key folder that was there")
endif()

# run --db on a file that is not there: said, not generated (and --keys not cleared for it).
expect(NONZERO "does not exist" run --db "${WORK}/typo.db" --keys "${WORK}/keys")
expect(NONZERO "does not exist" crash --db "${WORK}/typo.db" --keys "${WORK}/keys")
if(EXISTS "${WORK}/typo.db")
    message(FATAL_ERROR "run --db made the database it was given a wrong name of")
endif()

# A store on a server: a password in its address is refused without being echoed, and crash
# (which kills programs selling on a file) refuses a server store. Nothing is reached or made.
expect(1 "password" run --db "postgresql://oasis:s3cret@127.0.0.1:1/spa")
expect(1 "password" generate --out "postgresql://oasis:s3cret@127.0.0.1:1/spa")
execute_process(COMMAND "${BENCH}" generate --out "postgresql://oasis:s3cret@127.0.0.1:1/spa"
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if("${out}${err}" MATCHES "s3cret")
    message(FATAL_ERROR "oasis-bench echoed the password of a server address: ${out}${err}")
endif()
expect(1 "store in a file" crash --db "postgresql://oasis@127.0.0.1:1/spa")
if(EXISTS "${WORK}/bench-data/server-spa")
    message(FATAL_ERROR "a refused server address made the bench's folder for it")
endif()

# After all of that the store and its keys are as they were, and nothing was generated.
file(SHA256 "${WORK}/spa.db" spa_after)
file(GLOB keys_after "${WORK}/keys/*")
if(NOT spa_after STREQUAL spa_before OR NOT keys_after STREQUAL keys_before)
    message(FATAL_ERROR "a refused command changed the store or its keys")
endif()
foreach(f "${WORK}/keys" ${keys_before})
    if(NOT EXISTS "${f}")
        message(FATAL_ERROR "a refused command deleted ${f}")
    endif()
endforeach()
if(EXISTS "${WORK}/bench-data/large.db" OR EXISTS "${WORK}/bench-data/quick.db")
    message(FATAL_ERROR "a refused command generated a database")
endif()
