// Edit-distance suggestions. See suggest.hpp.
#include "support/suggest.hpp"

#include <algorithm>

namespace ormc {

namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, so the
// commonest typo ("modle" for "model") costs one edit, not two.
std::size_t distance(std::string_view a, std::string_view b, bool ignoreCase) {
  auto same = [&](char x, char y) { return ignoreCase ? fold(x) == fold(y) : x == y; };
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> previous2(width), previous(width), row(width);
  for (std::size_t j = 0; j < width; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) {
        row[j] = std::min(row[j], previous2[j - 2] + 1);
      }
    }
    std::swap(previous2, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

}  // namespace

std::size_t editDistance(std::string_view a, std::string_view b) { return distance(a, b, true); }

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  const std::string* best = nullptr;
  std::size_t bestDistance = 0, bestExact = 0;
  for (const std::string& candidate : candidates) {
    // The length difference is a lower bound of the distance: most candidates stop here,
    // which keeps a schema with thousands of names and many typos linear in practice.
    std::size_t lengthGap = word.size() > candidate.size() ? word.size() - candidate.size() : candidate.size() - word.size();
    if (lengthGap > limit) continue;
    std::size_t d = distance(word, candidate, true);
    // A suggestion that rewrites the whole word ('c' -> 'a') is noise, not a typo fix.
    if (d > limit || (d > 0 && d >= word.size())) continue;
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
