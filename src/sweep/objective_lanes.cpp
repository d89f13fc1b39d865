#include "sweep/objective_lanes.hpp"

#include <string_view>

#include "core/detmath.hpp"
#include "objectives/formulas.hpp"

namespace gs::sweep {

ObjectiveLanes objective_lanes(const objectives::Objective& objective) {
  const std::string_view name = objective.info().name;
  const std::vector<double>& p = objective.params();
  ObjectiveLanes o;
  if (name == "rosenbrock") {
    o.kind = LaneObjective::Rosenbrock;
    o.p0 = p[0];
    o.p1 = p[1];
  } else if (name == "beale") {
    o.kind = LaneObjective::Beale;
  } else if (name == "himmelblau") {
    o.kind = LaneObjective::Himmelblau;
  } else if (name == "booth") {
    o.kind = LaneObjective::Booth;
  } else if (name == "quadratic") {
    // As the Objective's constructor: the rotation's cos and sin through gs::dm.
    const double theta = p[1] * objectives::formulas::kPi / 180.0;
    o.kind = LaneObjective::Quadratic;
    o.p0 = p[0];
    o.c = dm::cos(theta);
    o.s = dm::sin(theta);
  } else if (name == "saddle") {
    o.kind = LaneObjective::Saddle;
  } else if (name == "styblinski_tang") {
    o.kind = LaneObjective::StyblinskiTang;
  } else if (name == "goldstein_price") {
    o.kind = LaneObjective::GoldsteinPrice;
  }
  return o;
}

}  // namespace gs::sweep
