# bench_smoke: a 300-listing library, then one quick benchmark run on it.
# Called by ctest with GENERATE, BENCH and LIBRARY set.
file(REMOVE "${LIBRARY}" "${LIBRARY}-wal" "${LIBRARY}-shm")
get_filename_component(dir "${LIBRARY}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${GENERATE}" --out "${LIBRARY}" --count 300 --seed 7
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "listingdesk-generate failed (${result})")
endif()
execute_process(COMMAND "${BENCH}" "${LIBRARY}" --quick RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "listingdesk-bench failed (${result})")
endif()
