// The doctest runner of every test binary (included once, by tests/unit/main.cpp and
// tests/integration/main.cpp): doctest's own main, except that a run in which no test case passes
// the filters fails. CTest runs each case in a process of its own, selected by name
// (doctest_discover_tests), and CTest cuts a name at ';': the two halves then select nothing,
// and doctest alone would report that as a success, so a test would silently stop running.
#pragma once

#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

namespace ormc::test {

// How many test cases passed the filters, as doctest reports at the end of the run.
inline unsigned selectedTestCases = 0;
inline bool runEnded = false;

class SelectedTestCases : public doctest::IReporter {
 public:
  explicit SelectedTestCases(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override {
    selectedTestCases = stats.numTestCasesPassingFilters;
    runEnded = true;
  }
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("ormc_selected_test_cases", 1, SelectedTestCases);

}  // namespace ormc::test

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit() || !ormc::test::runEnded) return result;  // --help, --list-test-cases, ...
  if (ormc::test::selectedTestCases == 0) {
    std::fprintf(stderr, "no test case passed the filters: nothing was tested\n");
    return 1;
  }
  return result;
}
