# The package tests, label `package`. package_consumer installs this build tree into a scratch
# prefix, builds tests/package (a separate project) against it with find_package(ormc) and
# ormc_generate(), runs it, and checks that the build runs ormc again when an imported schema
# changes; the steps are in run_package_test.cmake, the scratch files stay in
# <build>/tests/package_test. package_intree builds the same program with the in-tree ormc.
if(CMAKE_GENERATOR MATCHES "Ninja")
  set(ORMC_PACKAGE_TEST_NINJA "${CMAKE_MAKE_PROGRAM}")
else()
  find_program(ORMC_PACKAGE_TEST_NINJA NAMES ninja ninja-build REQUIRED)
endif()

# The installed runtime was compiled with the sanitizers, so its users must link them too.
set(ORMC_PACKAGE_TEST_FLAGS "")
if(ORMC_SANITIZE)
  set(ORMC_PACKAGE_TEST_FLAGS "-fsanitize=address,undefined -fno-omit-frame-pointer")
endif()

add_test(NAME package_consumer
  COMMAND ${CMAKE_COMMAND}
    -D "ORMC_BUILD_DIR=${CMAKE_BINARY_DIR}"
    -D "ORMC_BUILD_TYPE=$<CONFIG>"
    -D "CONSUMER_SOURCE_DIR=${CMAKE_CURRENT_LIST_DIR}"
    -D "WORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/package_test"
    -D "CXX_COMPILER=${CMAKE_CXX_COMPILER}"
    -D "CXX_FLAGS=${ORMC_PACKAGE_TEST_FLAGS}"
    -D "NINJA=${ORMC_PACKAGE_TEST_NINJA}"
    -P "${CMAKE_CURRENT_LIST_DIR}/run_package_test.cmake")
set_tests_properties(package_consumer PROPERTIES LABELS package TIMEOUT 90)

# The same program built inside this build, against the in-tree `ormc` and ormc::runtime: the
# way examples/ and tests/ call ormc_generate().
include(OrmcGenerate)
add_executable(ormc_package_intree ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
ormc_generate(TARGET ormc_package_intree SCHEMAS ${CMAKE_CURRENT_LIST_DIR}/schema/library.orm)
add_test(NAME package_intree COMMAND ormc_package_intree)
set_tests_properties(package_intree PROPERTIES LABELS package
  PASS_REGULAR_EXPRESSION "^book -> author\nbook.title: Dune\nauthor columns: 2\n")
