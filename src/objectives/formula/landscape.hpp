// What a typed formula's landscape looks like, found numerically: its stationary points by
// multi-start Newton's method on the exact gradient and Hessian (evaluate.hpp), classified by the
// Hessian, and the view box a formula without one is shown in.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "objectives/formula/program.hpp"

namespace gs::formula {

enum class PointKind { Minimum, Saddle, Maximum };

struct StationaryPoint {
  double x, y, value;
  PointKind kind;
  bool lowest = false;  // a minimum with the lowest value found (within 1e-9 relative)
};

// Newton's method x ← x − H⁻¹∇f from each point of a 12 × 12 grid over `box` (xmin, xmax, ymin,
// ymax), at most 60 iterations, kept when |∇f| is below 1e-9·(1 + |f|) / scale (scale: the box's
// size) inside the box widened by 10%. Points closer than 1e-6·scale are one point. The kind:
// det H > 0 and tr H > 0 a minimum, det H > 0 and tr H < 0 a maximum, det H < 0 a saddle; where
// det H is 0 (a degenerate point, such as x⁴ at 0) f on a ring of radius 1e-3·scale decides.
// Sorted by value, then x, then y.
std::vector<StationaryPoint> stationary_points(const Program& program, std::span<const double> parameters,
                                               const std::array<double, 4>& box);

// The view for a formula typed without one: the square around the stationary points found in
// [−5, 5]², half as wide again on each side and at least 4 wide, its ends rounded outwards to
// 0.5; [−3, 3]² when none is found.
std::array<double, 4> automatic_view(const Program& program, std::span<const double> parameters);

// A start for the view: the inset corner (10% in from each side) farthest from every minimum of
// `found` (the stationary points found in the view), among the corners whose value and gradient
// are finite; the upper-left one otherwise.
std::array<double, 2> automatic_start(const Program& program, std::span<const double> parameters,
                                      const std::array<double, 4>& view, std::span<const StationaryPoint> found);

}  // namespace gs::formula
