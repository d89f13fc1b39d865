// A data objective as a config declares it: a model (least_squares or logistic), its points, the
// minibatch size and the seed of the minibatches' shuffle; with the registry metadata every
// objective has (name, LaTeX, view around the best fit, start) and the best fit itself.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "objectives/data/data_set.hpp"
#include "objectives/data/minibatches.hpp"
#include "objectives/objective_info.hpp"

namespace gs::objectives::data {

class DataDefinition {
 public:
  // `points` must be valid for `model` (1 to kMaxPoints; labels 0 or 1 for logistic) and
  // batch_size in [1, points.size()] (config parsing checks both).
  static std::shared_ptr<const DataDefinition> make(Model model, std::vector<DataPoint> points, std::size_t batch_size,
                                                    std::uint64_t seed);
  // The registry's entry for `model`: a small preset data set, full batches.
  static const DataDefinition& standard(Model model);

  Model model() const { return model_; }
  const char* name() const { return info_.name; }
  const std::vector<DataPoint>& points() const { return points_; }
  std::size_t batch_size() const { return batch_size_; }
  const Minibatches& minibatches() const { return minibatches_; }
  const objectives::ObjectiveInfo& info() const { return info_; }
  // The loss's minimum over (w, b) when it has a single one: least squares in closed form,
  // logistic by Newton's method (none when every x is the same: the minima then fill a line).
  const std::optional<objectives::Minimum>& best_fit() const { return best_fit_; }

  DataDefinition(const DataDefinition&) = delete;
  DataDefinition& operator=(const DataDefinition&) = delete;
  DataDefinition() = default;

 private:
  Model model_ = Model::LeastSquares;
  std::vector<DataPoint> points_;
  std::size_t batch_size_ = 1;
  Minibatches minibatches_;
  std::optional<objectives::Minimum> best_fit_;
  std::string description_;
  objectives::ObjectiveInfo info_{};
};

// "least_squares" → Model::LeastSquares, "logistic" → Model::Logistic.
std::optional<Model> model_named(std::string_view name);

}  // namespace gs::objectives::data
