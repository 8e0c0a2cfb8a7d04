// See phase_times.hpp.
#include "support/phase_times.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <sys/resource.h>

namespace ormc {

void PhaseTimes::add(std::string_view phase, Clock::duration elapsed) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto found = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.phase == phase; });
  if (found == entries_.end()) {
    entries_.push_back({std::string(phase), elapsed, usage.ru_maxrss});
  } else {
    found->total += elapsed;
    found->peakKilobytes = usage.ru_maxrss;
  }
}

std::string PhaseTimes::render() const {
  std::string out;
  for (const Entry& e : entries_) {
    double ms = std::chrono::duration<double, std::milli>(e.total).count();
    out += fmt::format("  {:<16} {:>10.3f} ms   peak {:>5} MB\n", e.phase, ms, e.peakKilobytes / 1024);
  }
  return out;
}

}  // namespace ormc
