# ormc_generate(): runs the ormc compiler at build time and adds the C++ it writes to a target,
# the way protobuf_generate() does. The same file serves this repository (examples/, tests/) and
# users of the installed package (ormcConfig.cmake includes it). It does not build or find ormc
# itself: it uses the `ormc::ormc` or `ormc` target, or ORMC_EXECUTABLE. See docs/cmake.md.
include_guard(GLOBAL)

# Policies are recorded with the function below and apply whenever it runs, whatever the
# caller's cmake_minimum_required() says. CMP0116: Ninja reads ormc's depfile with paths
# resolved as CMake documents them, from any subdirectory.
if(POLICY CMP0116)
  cmake_policy(SET CMP0116 NEW)
endif()

# ormc_generate(TARGET <target> SCHEMAS <file.orm>... [OUTPUT_DIR <dir>] [DIALECTS <dialect>...]
#               [DEPENDS <file>...] [OUT_VAR <var>])
#
# Each file in SCHEMAS is a root schema compiled on its own (`ormc generate <file>`), giving
# <OUTPUT_DIR>/<stem>.orm.hpp and <stem>.orm.cpp (blog.orm -> blog.orm.hpp, blog.orm.cpp).
# Files a root imports are read by that compilation and must not be listed: they are tracked
# through ormc's depfile. Relative SCHEMAS are relative to the current source directory.
#   OUTPUT_DIR  where the files go; relative to the current binary directory;
#               default ${CMAKE_CURRENT_BINARY_DIR}/ormc_generated/<target>
#   DIALECTS    passed as --dialect (sqlite, mysql); default: ormc's (both)
#   DEPENDS     extra files whose change re-runs ormc; needed for imported files only with a
#               generator that takes no depfile (Visual Studio, or CMake < 3.20)
#   OUT_VAR     set to the generated files (headers and sources) in the caller's scope
# Adds the .cpp and .hpp files to <target>'s sources, OUTPUT_DIR to its PUBLIC include
# directories (build tree only) and links it PUBLIC to ormc::runtime. Errors in the arguments
# stop the configure step; errors in a schema fail the build step with ormc's diagnostics.
function(ormc_generate)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "TARGET;OUTPUT_DIR;OUT_VAR" "SCHEMAS;DIALECTS;DEPENDS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ormc_generate: unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TARGET)
    message(FATAL_ERROR "ormc_generate: TARGET is required")
  endif()
  if(NOT TARGET ${arg_TARGET})
    message(FATAL_ERROR "ormc_generate: '${arg_TARGET}' is not a target; call ormc_generate() "
                        "after add_executable() or add_library()")
  endif()
  get_target_property(target_type ${arg_TARGET} TYPE)
  if(target_type STREQUAL "INTERFACE_LIBRARY" OR target_type STREQUAL "UTILITY")
    message(FATAL_ERROR "ormc_generate: '${arg_TARGET}' compiles nothing (${target_type}); "
                        "the generated .cpp files need an executable or a library")
  endif()
  if(NOT arg_SCHEMAS)
    message(FATAL_ERROR "ormc_generate: SCHEMAS is required (the root .orm files)")
  endif()

  # The compiler: an explicit ORMC_EXECUTABLE (e.g. a host build when cross-compiling), the
  # installed package's imported target, or the one built in this repository.
  if(ORMC_EXECUTABLE)
    set(ormc "${ORMC_EXECUTABLE}")
  elseif(TARGET ormc::ormc)
    set(ormc ormc::ormc)
  elseif(TARGET ormc)
    set(ormc ormc)
  else()
    message(FATAL_ERROR "ormc_generate: no ormc compiler: find_package(ormc) first, "
                        "or set ORMC_EXECUTABLE")
  endif()

  if(arg_OUTPUT_DIR)
    get_filename_component(out_dir "${arg_OUTPUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  else()
    set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/ormc_generated/${arg_TARGET}")
  endif()
  file(MAKE_DIRECTORY "${out_dir}")

  set(dialect_args "")
  if(arg_DIALECTS)
    list(JOIN arg_DIALECTS "," dialects)
    set(dialect_args --dialect "${dialects}")
  endif()

  # Ninja (3.20+: CMP0116), Makefiles (3.20+) and Xcode (3.21+) read a depfile, so a change to an
  # imported file re-runs ormc. Other generators see only SCHEMAS and DEPENDS.
  set(use_depfile FALSE)
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.20 AND CMAKE_GENERATOR MATCHES "Ninja|Makefiles")
    set(use_depfile TRUE)
  elseif(CMAKE_VERSION VERSION_GREATER_EQUAL 3.21 AND CMAKE_GENERATOR STREQUAL "Xcode")
    set(use_depfile TRUE)
  endif()

  set(generated "")
  set(stems "")
  foreach(schema IN LISTS arg_SCHEMAS)
    get_filename_component(schema "${schema}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(schema_name "${schema}" NAME)
    if(NOT schema_name MATCHES "^(.+)\\.orm$")
      message(FATAL_ERROR "ormc_generate: '${schema}' is not a .orm file")
    endif()
    set(stem "${CMAKE_MATCH_1}")
    if(stem IN_LIST stems)
      message(FATAL_ERROR "ormc_generate: two schemas named ${schema_name} would both write "
                          "${stem}.orm.hpp; generate them in separate calls with different OUTPUT_DIRs")
    endif()
    list(APPEND stems "${stem}")

    set(header "${out_dir}/${stem}.orm.hpp")
    set(source "${out_dir}/${stem}.orm.cpp")
    set(depfile_args "")
    set(depfile_option "")
    if(use_depfile)
      set(depfile "${out_dir}/${stem}.orm.d")
      set(depfile_args --depfile "${depfile}")
      set(depfile_option DEPFILE "${depfile}")
    endif()
    add_custom_command(
      OUTPUT "${header}" "${source}"
      COMMAND ${ormc} generate "${schema}" --out "${out_dir}" ${dialect_args} ${depfile_args}
      DEPENDS "${schema}" ${ormc} ${arg_DEPENDS}
      ${depfile_option}
      WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      COMMENT "ormc: generating ${stem}.orm.hpp and ${stem}.orm.cpp from ${schema_name}"
      VERBATIM)
    list(APPEND generated "${header}" "${source}")
  endforeach()

  set_source_files_properties(${generated} PROPERTIES SKIP_AUTOGEN ON)
  target_sources(${arg_TARGET} PRIVATE ${generated})
  target_include_directories(${arg_TARGET} PUBLIC "$<BUILD_INTERFACE:${out_dir}>")
  target_link_libraries(${arg_TARGET} PUBLIC ormc::runtime)
  if(arg_OUT_VAR)
    set(${arg_OUT_VAR} ${generated} PARENT_SCOPE)
  endif()
endfunction()
