// An objective made of data points (defined_objective.hpp): the loss of a two-parameter model
// (w, b) over a DataDefinition's points, each step's gradient a minibatch's.
#pragma once

#include <memory>

#include "objectives/data/data_definition.hpp"
#include "objectives/defined_objective.hpp"

namespace gs::objectives::data {

class DataObjective final : public DefinedObjective {
 public:
  explicit DataObjective(std::shared_ptr<const DataDefinition> definition) : definition_(std::move(definition)) {}

  const DataDefinition& definition() const { return *definition_; }
  const ObjectiveInfo& info() const override { return definition_->info(); }
  // Whether batch_size is below the number of points.
  bool stochastic() const override { return !definition_->minibatches().full(); }
  void evaluate(const double* x, const double* y, std::size_t n, double* f, double* gx, double* gy) const override;
  // f over every point, the gradient over step t's minibatch.
  void evaluate_step(const double* x, const double* y, std::size_t n, double* f, double* gx, double* gy,
                     std::uint64_t t) const override;
  void values(const double* x, const double* y, std::size_t n, double* f) const override;
  // The loss has no domain to leave (only an overflow makes it infinite): nothing to add.
  Exit exit_at(double x, double y, bool gradient) const override;
  // The best fit, when there is a single one.
  std::vector<Minimum> minima() const override;
  // data and batch_size.
  void write_config(json::Value& objective) const override;
  void write_entry(json::Value& entry) const override { write_config(entry); }

 private:
  std::shared_ptr<const DataDefinition> definition_;
};

// The config's "least_squares" and "logistic" (objective.data, batch_size) and the registry's
// preset data sets.
const DefinedKind& data_kind();

}  // namespace gs::objectives::data
