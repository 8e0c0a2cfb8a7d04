// Edit-distance suggestions. See suggest.hpp.
#include "support/suggest.hpp"

#include <algorithm>

namespace ormc {

namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t distance(std::string_view a, std::string_view b, bool ignoreCase) {
  // One row of the dynamic-programming table is enough.
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      bool same = ignoreCase ? fold(a[i - 1]) == fold(b[j - 1]) : a[i - 1] == b[j - 1];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::size_t editDistance(std::string_view a, std::string_view b) { return distance(a, b, true); }

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  const std::string* best = nullptr;
  std::size_t bestDistance = 0, bestExact = 0;
  for (const std::string& candidate : candidates) {
    std::size_t d = distance(word, candidate, true);
    if (d > limit) continue;
    std::size_t exact = distance(word, candidate, false);
    if (best && (d > bestDistance || (d == bestDistance && exact >= bestExact))) continue;
    best = &candidate;
    bestDistance = d;
    bestExact = exact;
  }
  if (!best) return std::nullopt;
  return *best;
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> match = closestMatch(word, candidates);
  if (!match) return {};
  return "did you mean '" + *match + "'?";
}

}  // namespace ormc
