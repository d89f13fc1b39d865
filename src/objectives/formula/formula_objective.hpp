// A typed formula as an objective (defined_objective.hpp): its Definition with the parameters
// bound into a GradientProgram, the run evaluator.
#pragma once

#include <memory>

#include "objectives/defined_objective.hpp"
#include "objectives/formula/definition.hpp"
#include "objectives/formula/gradient_program.hpp"

namespace gs::formula {

class FormulaObjective final : public objectives::DefinedObjective {
 public:
  explicit FormulaObjective(std::shared_ptr<const Definition> definition);

  const Definition& definition() const { return *definition_; }
  const objectives::ObjectiveInfo& info() const override { return definition_->info(); }
  void evaluate(const double* x, const double* y, std::size_t n, double* f, double* gx, double* gy) const override;
  void values(const double* x, const double* y, std::size_t n, double* f) const override;
  objectives::Exit exit_at(double x, double y, bool gradient) const override;
  bool has_hessian() const override { return true; }
  // By forward-mode second-order automatic differentiation (dual.hpp).
  bool hessian(double x, double y, double h[3]) const override;
  std::vector<objectives::Minimum> minima() const override { return definition_->minima(); }
  // expr, params ({value, min, max} by name) and view.
  void write_config(json::Value& objective) const override;
  // expr.
  void write_entry(json::Value& entry) const override;

 private:
  std::shared_ptr<const Definition> definition_;
  GradientProgram program_;
};

// The config's "formula" (objective.expr, params, view) and the registry's standard formula.
const objectives::DefinedKind& formula_kind();

}  // namespace gs::formula
