// The doctest runner for the unit, golden and CLI tests.
#include "../support/doctest_main.hpp"
