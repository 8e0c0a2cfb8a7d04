# `cmake --install` and the CMake package: installs the ormc compiler, the runtime libraries and
# their headers, and exports them so that find_package(ormc) gives ormc::ormc, ormc::runtime (and
# each backend that was built) and ormc_generate(). Included once, at the end of the top-level
# CMakeLists.txt, after every target exists. How targets are built is not decided here.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ORMC_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/ormc")

# The libraries of the package. Each is exported as ormc::<name without "ormc_"> (ormc_sqlite ->
# ormc::sqlite, as its in-tree alias) when the target exists, and its headers under
# include/ormc/<name>/ are installed only then. A new library is one more name here.
set(ORMC_PACKAGE_LIBRARIES ormc_runtime ormc_sqlite ormc_mysql ormc_database)

# What the package must find before its targets can be used: the CMake package behind each
# imported target that an exported library links (PUBLIC, or PRIVATE of a static library), by
# the namespace of that target. A library that links anything else is left out of the package
# with a warning, since its users could not link it.
set(ORMC_PACKAGE_DEPENDENCY_nlohmann_json "nlohmann_json 3")
set(ORMC_PACKAGE_DEPENDENCY_fmt "fmt")
set(ORMC_PACKAGE_DEPENDENCY_SQLite "SQLite3")
set(ORMC_PACKAGE_DEPENDENCY_Threads "Threads")

# ormc_package_dependencies(<target> <packaged-targets> <out-var>): the find_dependency()
# arguments <target> needs, or NOTFOUND with a warning when one of its links cannot be exported.
function(ormc_package_dependencies target packaged out_var)
  set(found "")
  get_target_property(links ${target} INTERFACE_LINK_LIBRARIES)
  if(NOT links)
    set(links "")
  endif()
  foreach(item IN LISTS links)
    if(item MATCHES "^\\$<BUILD_INTERFACE:")
      continue()  # not part of the installed interface
    endif()
    string(REGEX REPLACE "^\\$<(LINK_ONLY|INSTALL_INTERFACE):(.*)>$" "\\2" name "${item}")
    if(NOT TARGET "${name}")
      continue()  # a plain library name or path: written as it is
    endif()
    get_target_property(aliased "${name}" ALIASED_TARGET)
    if(aliased)
      set(name "${aliased}")
    endif()
    if(name IN_LIST packaged)
      continue()
    endif()
    get_target_property(imported "${name}" IMPORTED)
    set(namespace "")
    if(name MATCHES "^([A-Za-z0-9_]+)::")
      set(namespace "${CMAKE_MATCH_1}")
    endif()
    if(NOT imported OR NOT namespace OR NOT DEFINED ORMC_PACKAGE_DEPENDENCY_${namespace})
      message(WARNING "ormc package: ${target} links ${name}, which the package cannot provide, "
                      "so ${target} is not installed. Add the CMake package that defines it to "
                      "the ORMC_PACKAGE_DEPENDENCY_* table in cmake/OrmcInstall.cmake.")
      set(${out_var} NOTFOUND PARENT_SCOPE)
      return()
    endif()
    list(APPEND found "${ORMC_PACKAGE_DEPENDENCY_${namespace}}")
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

# Installs and exports what exists; a function so that its variables stay out of the top level.
function(ormc_install_package)
  set(packaged "")
  foreach(library IN LISTS ORMC_PACKAGE_LIBRARIES)
    if(TARGET ${library})
      list(APPEND packaged ${library})
    endif()
  endforeach()

  set(exported "")
  set(dependencies "")
  foreach(library IN LISTS packaged)
    ormc_package_dependencies(${library} "${packaged}" library_dependencies)
    if(library_dependencies STREQUAL "NOTFOUND")
      continue()
    endif()
    list(APPEND exported ${library})
    list(APPEND dependencies ${library_dependencies})
    string(REGEX REPLACE "^ormc_" "" export_name ${library})
    set_target_properties(${library} PROPERTIES EXPORT_NAME ${export_name})
  endforeach()
  list(REMOVE_DUPLICATES dependencies)

  # Headers: include/ormc/ whole, but a backend's folder only with its library.
  set(header_excludes "")
  foreach(library IN LISTS ORMC_PACKAGE_LIBRARIES)
    string(REGEX REPLACE "^ormc_" "" name ${library})
    if(NOT library IN_LIST exported)
      list(APPEND header_excludes PATTERN "${name}" EXCLUDE)
    endif()
  endforeach()
  if(ormc_runtime IN_LIST exported)
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/runtime/include/ormc"
            DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" ${header_excludes})
  endif()

  # The compiler is exported too (as ormc::ormc) so that ormc_generate() finds the installed one.
  install(TARGETS ormc ${exported} EXPORT ormcTargets
          RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
          LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
          ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
          INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
  install(EXPORT ormcTargets NAMESPACE ormc:: DESTINATION "${ORMC_INSTALL_CMAKEDIR}")

  set(ORMC_FIND_DEPENDENCIES "")
  foreach(dependency IN LISTS dependencies)
    string(APPEND ORMC_FIND_DEPENDENCIES "find_dependency(${dependency})\n")
  endforeach()
  configure_package_config_file(
    "${CMAKE_CURRENT_LIST_DIR}/ormcConfig.cmake.in" "${PROJECT_BINARY_DIR}/ormcConfig.cmake"
    INSTALL_DESTINATION "${ORMC_INSTALL_CMAKEDIR}")
  write_basic_package_version_file("${PROJECT_BINARY_DIR}/ormcConfigVersion.cmake"
    VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMajorVersion)
  install(FILES "${PROJECT_BINARY_DIR}/ormcConfig.cmake" "${PROJECT_BINARY_DIR}/ormcConfigVersion.cmake"
                "${CMAKE_CURRENT_LIST_DIR}/OrmcGenerate.cmake"
          DESTINATION "${ORMC_INSTALL_CMAKEDIR}")
endfunction()

ormc_install_package()
