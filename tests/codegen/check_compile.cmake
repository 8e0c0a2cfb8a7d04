# Judges one compile of a must-not-compile case, or of the positive control. Run by CTest as
#   cmake -DCOMPILER=<c++> -DSOURCE=<file.cpp> "-DFLAGS=<flags separated by |>" [-DEXPECT=success] -P check_compile.cmake
# A case passes only if the compiler refuses it AND its first error carries the text after
# "// MUST NOT COMPILE: " on the case's first line: a case that fails for another reason (a typo,
# a missing include, template noise before ormc's static_assert) fails the test. With
# EXPECT=success the file must compile cleanly (it proves the flags and includes are right).
foreach(var COMPILER SOURCE FLAGS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_compile.cmake: -D${var}=... is required")
  endif()
endforeach()
string(REPLACE "|" ";" flags "${FLAGS}")

execute_process(
  COMMAND ${COMPILER} ${flags} ${SOURCE}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)

if(EXPECT STREQUAL "success")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${SOURCE} must compile, but the compiler said:\n${output}")
  endif()
  message(STATUS "${SOURCE} compiles")
  return()
endif()

# Read as text, not with file(STRINGS), which would turn a ';' of the message into '\;'.
file(READ ${SOURCE} head LIMIT 1000)
string(REGEX MATCH "^// MUST NOT COMPILE: [^\n]*" first_line "${head}")
if(NOT first_line)
  message(FATAL_ERROR "${SOURCE}: the first line must be \"// MUST NOT COMPILE: <expected text>\"")
endif()
string(REGEX REPLACE "^// MUST NOT COMPILE: " "" expected "${first_line}")

if(status EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but it must be refused with: ${expected}")
endif()
# The first diagnostic line that is an error (GCC and Clang both write "...: error: ...").
string(REGEX MATCH "[^\n]*error: [^\n]*" first_error "${output}")
string(FIND "${first_error}" "${expected}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${SOURCE} was refused, but its first error is not ormc's.\n"
                      "expected: ${expected}\nfirst error: ${first_error}\nfull output:\n${output}")
endif()
message(STATUS "refused as expected: ${first_error}")
