// Wall time per compiler phase, for `ormc --time-report` (what the benchmarks read to say
// where the time goes). Phases with the same name add up across files.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {

class PhaseTimes {
 public:
  using Clock = std::chrono::steady_clock;

  void add(std::string_view phase, Clock::duration elapsed);

  // One line per phase, in first-seen order: "  parse.lex      12.345 ms   peak 45 MB".
  std::string render() const;

 private:
  struct Entry {
    std::string phase;
    Clock::duration total{};
    long peakKilobytes = 0;  // the process's peak resident memory when the phase last ended
  };
  std::vector<Entry> entries_;
};

// Adds the time from construction to destruction to `times` (which may be null: no cost).
class ScopedPhase {
 public:
  ScopedPhase(PhaseTimes* times, std::string_view phase)
      : times_(times), phase_(phase), start_(times ? PhaseTimes::Clock::now() : PhaseTimes::Clock::time_point{}) {}
  ~ScopedPhase() {
    if (times_) times_->add(phase_, PhaseTimes::Clock::now() - start_);
  }
  ScopedPhase(const ScopedPhase&) = delete;
  ScopedPhase& operator=(const ScopedPhase&) = delete;

 private:
  PhaseTimes* times_;
  std::string_view phase_;
  PhaseTimes::Clock::time_point start_;
};

}  // namespace ormc
