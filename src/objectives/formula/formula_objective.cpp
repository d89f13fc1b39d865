// FormulaObjective: a Definition's program with its parameters bound.
#include "objectives/formula/formula_objective.hpp"

#include <cmath>
#include <utility>

#include "objectives/formula/evaluate.hpp"
#include <vector>

namespace gs::formula {

namespace {

std::vector<double> parameter_values(const Definition& definition) {
  std::vector<double> values;
  for (const ParameterDecl& p : definition.parameters()) values.push_back(p.value);
  return values;
}

}  // namespace

FormulaObjective::FormulaObjective(std::shared_ptr<const Definition> definition)
    : definition_(std::move(definition)), program_(definition_->program(), parameter_values(*definition_)) {}

void FormulaObjective::evaluate(const double* x, const double* y, std::size_t n, double* f, double* gx,
                                double* gy) const {
  program_.evaluate(x, y, n, f, gx, gy);
}

void FormulaObjective::values(const double* x, const double* y, std::size_t n, double* f) const {
  program_.values(x, y, n, f);
}

objectives::Exit FormulaObjective::exit_at(double x, double y, bool gradient) const {
  return program_.exit_at(x, y, gradient);
}

bool FormulaObjective::hessian(double x, double y, double h[3]) const {
  const Evaluation<Dual> e = derivatives_at(definition_->program(), x, y, parameter_values(*definition_));
  h[0] = e.value.hxx;
  h[1] = e.value.hxy;
  h[2] = e.value.hyy;
  return !e.left_domain && e.error.empty() && std::isfinite(h[0]) && std::isfinite(h[1]) && std::isfinite(h[2]);
}

void FormulaObjective::write_config(json::Value& objective) const {
  objective.set("expr", definition_->expression());
  json::Value params{json::Object{}};
  for (const ParameterDecl& p : definition_->parameters()) {
    json::Value range{json::Object{}};
    range.set("value", p.value);
    range.set("min", p.min);
    range.set("max", p.max);
    params.set(p.name, std::move(range));
  }
  objective.set("params", std::move(params));
  json::Value view{json::Array{}};
  for (double b : definition_->info().view) view.as_array().push_back(json::Value(b));
  objective.set("view", std::move(view));
}

void FormulaObjective::write_entry(json::Value& entry) const { entry.set("expr", definition_->expression()); }

}  // namespace gs::formula
