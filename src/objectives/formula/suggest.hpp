// "Did you mean ...?": the closest candidate name by edit distance, if it is close enough.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs::formula {

// Levenshtein distance (insertions, deletions, substitutions).
int edit_distance(std::string_view a, std::string_view b);
// The candidate nearest to `name` when at most 2 edits away and fewer edits than half of
// `name`'s length (so a one-letter name never gets a suggestion); ties go to the first.
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace gs::formula
