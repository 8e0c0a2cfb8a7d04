# cmake -P script behind the `package_consumer` test (see package_test.cmake for the -D values).
# Installs the ormc build tree into WORK_DIR/prefix, copies tests/package to WORK_DIR/src and
# builds it with Ninja in WORK_DIR/build, then edits the copy (never the source tree) to check
# that ormc_generate() re-runs ormc exactly when it should. Stops at the first failed check,
# printing the command and its output.
cmake_minimum_required(VERSION 3.20)

foreach(var ORMC_BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR CXX_COMPILER NINJA)
  if(NOT ${var})
    message(FATAL_ERROR "run_package_test.cmake: -D ${var}=... is required")
  endif()
endforeach()
set(prefix "${WORK_DIR}/prefix")
set(src "${WORK_DIR}/src")
set(build "${WORK_DIR}/build")
set(header "${build}/ormc_generated/library_app/library.orm.hpp")
set(generating "ormc: generating library\\.orm\\.hpp and library\\.orm\\.cpp from library\\.orm")

# run(<step> <output-var> <command>...): runs the command, fails the test unless it exits 0.
function(run step out_var)
  message(STATUS "package test: ${step}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "package test: step '${step}' failed (${status})\n$ ${command}\n${output}")
  endif()
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()

# expect(<step> <output> <regex> [NOT]): fails the test unless the output matches (or, with
# NOT, unless it does not), printing the output.
function(expect step output regex)
  set(matched FALSE)
  if(output MATCHES "${regex}")
    set(matched TRUE)
  endif()
  if(ARGN STREQUAL "NOT")
    if(matched)
      message(FATAL_ERROR "package test: ${step}: output should not match '${regex}'\n${output}")
    endif()
  elseif(NOT matched)
    message(FATAL_ERROR "package test: ${step}: output should match '${regex}'\n${output}")
  endif()
endfunction()

# regex_escape(<var> <text>): <text> as a regex that matches it literally.
function(regex_escape out_var text)
  string(REGEX REPLACE "([][+.*?()^$|\\])" "\\\\\\1" escaped "${text}")
  set(${out_var} "${escaped}" PARENT_SCOPE)
endfunction()

function(build_consumer step out_var)
  run("${step}" output "${CMAKE_COMMAND}" --build "${build}")
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()

function(expect_up_to_date step)
  execute_process(COMMAND "${NINJA}" -C "${build}" -n -d explain
                  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  expect("${step}: a second build has nothing to do" "${output}" "no work to do")
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${prefix}" "${src}")

# 1. Install the build tree as a user would.
set(config_args "")
if(ORMC_BUILD_TYPE)
  set(config_args --config "${ORMC_BUILD_TYPE}")
endif()
run("install the build tree" output "${CMAKE_COMMAND}" --install "${ORMC_BUILD_DIR}" --prefix "${prefix}" ${config_args})
file(GLOB package_config "${prefix}/lib*/cmake/ormc/ormcConfig.cmake")
if(NOT EXISTS "${prefix}/bin/ormc" OR NOT package_config)
  message(FATAL_ERROR "package test: the install has no bin/ormc or lib/cmake/ormc/ormcConfig.cmake\n${output}")
endif()

# 2. Configure and build a copy of tests/package against the prefix alone.
file(COPY "${CONSUMER_SOURCE_DIR}/CMakeLists.txt" "${CONSUMER_SOURCE_DIR}/main.cpp"
          "${CONSUMER_SOURCE_DIR}/schema" DESTINATION "${src}")
set(build_type "${ORMC_BUILD_TYPE}")
if(NOT build_type)
  set(build_type RelWithDebInfo)
endif()
run("configure the consumer" output "${CMAKE_COMMAND}" -S "${src}" -B "${build}" -G Ninja
    "-DCMAKE_MAKE_PROGRAM=${NINJA}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
    "-DCMAKE_BUILD_TYPE=${build_type}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
file(STRINGS "${build}/CMakeCache.txt" ormc_dir REGEX "^ormc_DIR:")
regex_escape(prefix_regex "${prefix}")
expect("find_package(ormc) uses the installed package" "${ormc_dir}" "=${prefix_regex}/")

build_consumer("build the consumer" output)
expect("the first build runs ormc" "${output}" "${generating}")
run("list the build commands" output "${NINJA}" -C "${build}" -t commands library_app)
expect("the build uses the installed ormc" "${output}" "${prefix_regex}/bin/ormc\"? generate")

run("run the consumer" output "${build}/library_app")
expect("the consumer's output" "${output}"
       "^book -> author\nbook.title: Dune\nauthor columns: 2\ndate: 2024-02-29\n$")
expect_up_to_date("after the first build")

# 3. Touching the root schema runs ormc again, but the unchanged output compiles nothing.
file(READ "${header}" header_before)
file(TOUCH "${src}/schema/library.orm")
build_consumer("rebuild after touching library.orm" output)
expect("touching library.orm runs ormc" "${output}" "${generating}")
expect("unchanged generated files are not recompiled" "${output}" "Building CXX" NOT)
expect_up_to_date("after touching library.orm")

# 4. Editing the imported schema (tracked through ormc's depfile only) regenerates the header and
#    rebuilds the program, which then sees Author's new column.
file(READ "${src}/schema/people.orm" people)
string(REPLACE "  name String(100)\n" "  name String(100)\n  born Int32?\n" people_edited "${people}")
if(people_edited STREQUAL people)
  message(FATAL_ERROR "package test: schema/people.orm no longer has the line this test edits")
endif()
file(WRITE "${src}/schema/people.orm" "${people_edited}")
build_consumer("rebuild after editing the imported people.orm" output)
expect("editing people.orm runs ormc" "${output}" "${generating}")
expect("editing people.orm recompiles the program" "${output}" "main\\.cpp\\.o")
file(READ "${header}" header_after)
expect("the header before the edit" "${header_before}" "born" NOT)
expect("the regenerated header" "${header_after}" "born")
run("run the rebuilt consumer" output "${build}/library_app")
expect("the rebuilt consumer's output" "${output}" "author columns: 3\n")
expect_up_to_date("after editing people.orm")

# 5. A schema error in the imported file fails the build with ormc's diagnostic and leaves the
#    generated files as they were.
file(APPEND "${src}/schema/people.orm" "\nmodel Broken {\n  id Int64 @id\n  name Strng\n}\n")
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${build}" RESULT_VARIABLE status
                OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(status EQUAL 0)
  message(FATAL_ERROR "package test: the build succeeded with an error in people.orm\n${output}")
endif()
expect("a schema error fails the build" "${output}" "people\\.orm:[0-9]+:[0-9]+: error: .*\\[E0201\\]")
file(READ "${header}" header_after_error)
if(NOT header_after_error STREQUAL header_after)
  message(FATAL_ERROR "package test: a failed ormc run changed ${header}")
endif()

message(STATUS "package test: passed")
