// The doctest runner linked into every integration test binary.
#include "../support/doctest_main.hpp"
