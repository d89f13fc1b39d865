// Definition: a typed formula compiled once, with its registry metadata, view and start.
#include "objectives/formula/definition.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "objectives/formula/landscape.hpp"
#include "objectives/formula/latex.hpp"
#include "objectives/formula/parser.hpp"

namespace gs::formula {

ParameterDecl parameter_with_default_range(std::string name, double value) {
  const double s = std::max(1.0, std::fabs(value));
  return {std::move(name), value, -10 * s, 10 * s};
}

Result<std::shared_ptr<const Definition>> Definition::make(std::string expression, std::vector<ParameterDecl> parameters,
                                                           std::optional<std::array<double, 4>> view) {
  std::vector<std::string> names;
  std::vector<double> values;
  for (const ParameterDecl& p : parameters) {
    names.push_back(p.name);
    values.push_back(p.value);
  }
  Result<Ast> ast = parse(expression, names);
  if (!ast.ok()) return ast.error();
  auto d = std::make_shared<Definition>();
  d->expression_ = std::move(expression);
  d->parameters_ = std::move(parameters);
  d->program_ = compile(ast.value(), static_cast<int>(names.size()));
  d->latex_ = to_latex(ast.value());
  d->description_ =
      "A function of x and y you type in the formula language; its gradient is exact (automatic "
      "differentiation) and its minima are found numerically (multi-start Newton on the exact Hessian).";
  d->view_given_ = view.has_value();
  const std::array<double, 4> box = view ? *view : automatic_view(d->program_, values);
  const std::vector<StationaryPoint> found = stationary_points(d->program_, values, box);
  for (const StationaryPoint& p : found)
    if (p.kind == PointKind::Minimum) d->minima_.push_back({p.x, p.y, p.value, p.lowest});
  const std::array<double, 2> start = automatic_start(d->program_, values, box, found);
  objectives::ObjectiveInfo& info = d->info_;
  info.name = "formula";
  info.display_name = "Your formula";
  info.latex = d->latex_.c_str();
  info.description = d->description_.c_str();
  d->parameter_descriptions_.reserve(d->parameters_.size());
  for (const ParameterDecl& p : d->parameters_) d->parameter_descriptions_.push_back("the formula's parameter " + p.name);
  for (std::size_t i = 0; i < d->parameters_.size(); ++i) {
    const ParameterDecl& p = d->parameters_[i];
    info.params.push_back({p.name.c_str(), p.value, p.min, p.max, d->parameter_descriptions_[i].c_str()});
  }
  std::copy(box.begin(), box.end(), info.view);
  info.default_start[0] = start[0];
  info.default_start[1] = start[1];
  return std::shared_ptr<const Definition>(std::move(d));
}

const Definition& Definition::standard() {
  static const std::shared_ptr<const Definition> kStandard = make(kStandardExpression, {}).value();
  return *kStandard;
}

}  // namespace gs::formula
