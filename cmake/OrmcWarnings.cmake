# ormc_target_warnings(tgt): the strict warning set, as errors, for ormc's own targets only.
# Third-party headers come in as SYSTEM includes, so their noise never reaches -Werror.
function(ormc_target_warnings tgt)
  target_compile_options(${tgt} PRIVATE -Wall -Wextra -Wpedantic -Werror)
endfunction()
