// "Did you mean" suggestions: the closest known name to a misspelled one, by edit distance.
// Used by every diagnostic about an unknown name (types, fields, attributes, enum values).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {

// Levenshtein distance between `a` and `b`, ignoring ASCII case.
std::size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or nullopt when none is within max(1, word.size() / 3)
// edits (case differences are free) without rewriting the whole word. Ties go to the candidate whose case matches better,
// then to the earlier one, so the answer is deterministic.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'X'?" for the closest match, or "" when there is none.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ormc
