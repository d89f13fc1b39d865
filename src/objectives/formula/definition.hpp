// A formula objective as a config declares it: the expression f(x, y), its named parameters with
// their values and slider ranges, and the view box (typed in, or chosen from the minima found);
// compiled once, with the registry metadata (objective_info.hpp) every objective has.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "objectives/formula/errors.hpp"
#include "objectives/formula/program.hpp"
#include "objectives/objective_info.hpp"

namespace gs::formula {

inline constexpr int kMaxParameters = 8;

struct ParameterDecl {
  std::string name;
  double value = 0, min = 0, max = 0;
};

// The default slider range of a parameter declared with a value only: [−10·s, 10·s] with
// s = max(1, |value|).
ParameterDecl parameter_with_default_range(std::string name, double value);

class Definition {
 public:
  // The expression parsed and compiled with `parameters` declared; `view` (xmin, xmax, ymin,
  // ymax) or, without it, the box around the stationary points found (landscape.hpp). The error
  // is the parser's (with its column).
  static Result<std::shared_ptr<const Definition>> make(std::string expression, std::vector<ParameterDecl> parameters,
                                                        std::optional<std::array<double, 4>> view = std::nullopt);
  // The registry's formula: its default expression, no parameters, the chosen view.
  static const Definition& standard();

  const std::string& expression() const { return expression_; }
  const std::vector<ParameterDecl>& parameters() const { return parameters_; }
  const Program& program() const { return program_; }
  // name "formula", the LaTeX of the parsed formula, parameters, view, default start.
  const objectives::ObjectiveInfo& info() const { return info_; }
  bool view_given() const { return view_given_; }
  // The minima found in the view (landscape.hpp) at the parameters' values, the lowest ones global.
  const std::vector<objectives::Minimum>& minima() const { return minima_; }

  Definition(const Definition&) = delete;
  Definition& operator=(const Definition&) = delete;
  Definition() = default;

 private:
  std::string expression_, latex_, description_;
  std::vector<ParameterDecl> parameters_;
  std::vector<std::string> parameter_descriptions_;
  Program program_;
  objectives::ObjectiveInfo info_{};
  std::vector<objectives::Minimum> minima_;
  bool view_given_ = false;
};

inline constexpr const char* kStandardExpression = "sin(x)*cos(y) + 0.1*(x^2 + y^2)";

}  // namespace gs::formula
