# ormc_target_warnings(tgt): the strict warning set, as errors, for ormc's own targets only.
# Third-party headers come in as SYSTEM includes, so their noise never reaches -Werror.
function(ormc_target_warnings tgt)
  target_compile_options(${tgt} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  # Under ASan/UBSan, GCC's -Wmaybe-uninitialized reports false positives inside libstdc++
  # itself (std::function in <regex>, GCC 12); the sanitizers check the real thing at run time.
  if(ORMC_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${tgt} PRIVATE -Wno-maybe-uninitialized)
  endif()
  # GCC 12 at -O3 (Release) reports impossible overlaps in libstdc++'s inlined string code for
  # `"literal" + std::string` (-Wrestrict, GCC bug 105329), which -Werror made a failed build.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${tgt} PRIVATE -Wno-restrict)
  endif()
endfunction()
