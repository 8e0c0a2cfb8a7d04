# With ORMC_SANITIZE=ON every target in the tree is built with AddressSanitizer and UBSan,
# and any UB report aborts the test that triggered it.
if(ORMC_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
