// Stationary points by multi-start Newton, their classification, the automatic view and start.
#include "objectives/formula/landscape.hpp"

#include <algorithm>
#include <cmath>

#include "core/detmath.hpp"
#include "objectives/formula/evaluate.hpp"

namespace gs::formula {
namespace {

constexpr int kStarts = 12;
constexpr int kIterations = 60;

struct Probe {
  const Program& program;
  std::span<const double> parameters;
  std::vector<Dual> duals;
  std::vector<double> values;

  Evaluation<Dual> derivatives(double x, double y) {
    return evaluate<Dual>(program, Dual::variable_x(x), Dual::variable_y(y), parameters, duals);
  }
  Evaluation<double> value(double x, double y) { return evaluate<double>(program, x, y, parameters, values); }
};

PointKind classify(Probe& probe, double x, double y, const Dual& d, double scale) {
  const double det = d.hxx * d.hyy - d.hxy * d.hxy, trace = d.hxx + d.hyy;
  const double size = std::max({std::fabs(d.hxx), std::fabs(d.hyy), std::fabs(d.hxy)});
  if (det > 1e-12 * size * size && size > 0) return trace > 0 ? PointKind::Minimum : PointKind::Maximum;
  if (det < -1e-12 * size * size) return PointKind::Saddle;
  int above = 0, below = 0;
  const double r = 1e-3 * scale;
  for (int k = 0; k < 8; ++k) {
    const double angle = k * 0.7853981633974483;
    const Evaluation<double> e = probe.value(x + r * dm::cos(angle), y + r * dm::sin(angle));
    if (e.left_domain || !e.error.empty()) continue;
    above += e.value >= d.v;
    below += e.value <= d.v;
  }
  if (above == 8) return PointKind::Minimum;
  if (below == 8) return PointKind::Maximum;
  return PointKind::Saddle;
}

// A few more Newton steps from a converged point, kept while |∇f| falls.
void polish(Probe& probe, double& x, double& y, const Dual& converged, Dual& at) {
  at = converged;
  for (int i = 0; i < 3; ++i) {
    const double det = at.hxx * at.hyy - at.hxy * at.hxy;
    if (det == 0 || !std::isfinite(det)) return;
    const double nx = x - (at.hyy * at.gx - at.hxy * at.gy) / det, ny = y - (at.hxx * at.gy - at.hxy * at.gx) / det;
    const Evaluation<Dual> e = probe.derivatives(nx, ny);
    if (e.left_domain || !e.error.empty() || std::hypot(e.value.gx, e.value.gy) >= std::hypot(at.gx, at.gy)) return;
    x = nx, y = ny, at = e.value;
  }
}

// Newton from (x, y); true with the point it converged to.
bool newton(Probe& probe, double& x, double& y, const std::array<double, 4>& box, double scale, Dual& at) {
  const double margin = 0.1 * scale;
  for (int i = 0; i < kIterations; ++i) {
    const Evaluation<Dual> e = probe.derivatives(x, y);
    if (e.left_domain || !e.error.empty()) return false;
    const Dual& d = e.value;
    if (std::hypot(d.gx, d.gy) * scale <= 1e-9 * (1 + std::fabs(d.v))) {
      polish(probe, x, y, d, at);
      return true;
    }
    const double det = d.hxx * d.hyy - d.hxy * d.hxy;
    if (det == 0 || !std::isfinite(det)) return false;
    const double dx = (d.hyy * d.gx - d.hxy * d.gy) / det, dy = (d.hxx * d.gy - d.hxy * d.gx) / det;
    x -= dx;
    y -= dy;
    if (!(x >= box[0] - margin && x <= box[1] + margin && y >= box[2] - margin && y <= box[3] + margin)) return false;
    if (std::hypot(dx, dy) <= 1e-14 * scale) {
      const Evaluation<Dual> last = probe.derivatives(x, y);
      if (last.left_domain || !last.error.empty()) return false;
      at = last.value;
      return std::hypot(at.gx, at.gy) * scale <= 1e-6 * (1 + std::fabs(at.v));
    }
  }
  return false;
}

}  // namespace

std::vector<StationaryPoint> stationary_points(const Program& program, std::span<const double> parameters,
                                               const std::array<double, 4>& box) {
  Probe probe{program, parameters, {}, {}};
  const double scale = std::max(box[1] - box[0], box[3] - box[2]);
  std::vector<StationaryPoint> points;
  for (int j = 0; j < kStarts; ++j) {
    for (int i = 0; i < kStarts; ++i) {
      double x = box[0] + (i + 0.5) * (box[1] - box[0]) / kStarts;
      double y = box[2] + (j + 0.5) * (box[3] - box[2]) / kStarts;
      Dual at;
      if (!newton(probe, x, y, box, scale, at)) continue;
      const bool seen = std::any_of(points.begin(), points.end(), [&](const StationaryPoint& p) {
        return std::hypot(p.x - x, p.y - y) <= 1e-6 * scale;
      });
      if (!seen) points.push_back({x, y, at.v, classify(probe, x, y, at, scale)});
    }
  }
  std::sort(points.begin(), points.end(), [](const StationaryPoint& a, const StationaryPoint& b) {
    if (a.value != b.value) return a.value < b.value;
    return a.x != b.x ? a.x < b.x : a.y < b.y;
  });
  double lowest = INFINITY;
  for (const StationaryPoint& p : points)
    if (p.kind == PointKind::Minimum) lowest = std::min(lowest, p.value);
  for (StationaryPoint& p : points)
    p.lowest = p.kind == PointKind::Minimum && p.value - lowest <= 1e-9 * std::max(1.0, std::fabs(lowest));
  return points;
}

std::array<double, 4> automatic_view(const Program& program, std::span<const double> parameters) {
  const std::vector<StationaryPoint> points = stationary_points(program, parameters, {-5, 5, -5, 5});
  if (points.empty()) return {-3, 3, -3, 3};
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (const StationaryPoint& p : points) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  const double extent = std::max(x1 - x0, y1 - y0);
  const double half = std::max(2.0, extent);  // extent/2 plus half the extent on each side
  const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const auto down = [](double v) { return std::floor(v * 2) / 2; };
  const auto up = [](double v) { return std::ceil(v * 2) / 2; };
  return {down(cx - half), up(cx + half), down(cy - half), up(cy + half)};
}

std::array<double, 2> automatic_start(const Program& program, std::span<const double> parameters,
                                      const std::array<double, 4>& view, std::span<const StationaryPoint> found) {
  const double w = view[1] - view[0], h = view[3] - view[2];
  const std::array<std::array<double, 2>, 4> corners{{{view[0] + 0.1 * w, view[3] - 0.1 * h},
                                                      {view[1] - 0.1 * w, view[3] - 0.1 * h},
                                                      {view[0] + 0.1 * w, view[2] + 0.1 * h},
                                                      {view[1] - 0.1 * w, view[2] + 0.1 * h}}};
  std::vector<StationaryPoint> minima;
  for (const StationaryPoint& p : found)
    if (p.kind == PointKind::Minimum) minima.push_back(p);
  std::array<double, 2> best = corners[0];
  double best_distance = -1;
  for (const auto& c : corners) {
    const Evaluation<Dual> e = derivatives_at(program, c[0], c[1], parameters);
    if (e.left_domain || !e.error.empty()) continue;
    double nearest = INFINITY;
    for (const StationaryPoint& m : minima) nearest = std::min(nearest, std::hypot(m.x - c[0], m.y - c[1]));
    if (nearest > best_distance) best_distance = nearest, best = c;
  }
  return best;
}

}  // namespace gs::formula
