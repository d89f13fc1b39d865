#include "sweep/grid.hpp"

#include <algorithm>
#include <limits>

namespace gs::sweep {

void GridRunner::configure(GridSpec spec) { spec_ = std::move(spec); }

void GridRunner::run(size_t begin, size_t end, const GridOutput& out) {
  const bool by_row = spec_.n_x >= kMinRowChunkLanes;
  for (size_t chunk = begin, chunk_end; chunk < end; chunk = chunk_end) {
    chunk_end = std::min(end, chunk + kChunkLanes);
    if (by_row) chunk_end = std::min(chunk_end, (chunk / spec_.n_x + 1) * spec_.n_x);
    if (spec_.f32) run_chunk(batch_f32_, chunk, chunk_end, out);
    else run_chunk(batch_f64_, chunk, chunk_end, out);
  }
}

template <class T>
void GridRunner::run_chunk(Batch<T>& batch, size_t begin, size_t end, const GridOutput& out) {
  const size_t lanes = end - begin;
  specs_.resize(lanes);
  x0_.resize(lanes);
  y0_.resize(lanes);
  for (size_t k = 0; k < lanes; ++k) {
    const size_t cell = begin + k;
    double start[2];
    spec_.cell(cell % spec_.n_x, cell / spec_.n_x, specs_[k], start);
    x0_[k] = start[0];
    y0_[k] = start[1];
  }
  TolTracking tol;
  tol.on = spec_.metric == CellMetric::StepsToTol;
  tol.f_star = spec_.f_star;
  tol.tol = spec_.tol;
  batch.reset(*spec_.objective, spec_.noise, specs_, x0_, y0_, tol);
  batch.run(spec_.steps);

  constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
  for (size_t k = 0; k < lanes; ++k) {
    const size_t cell = begin + k;
    const uint64_t diverged_at = batch.diverged_at(k);
    out.diverged[cell] = diverged_at != 0;
    out.diverged_at[cell] = static_cast<uint32_t>(diverged_at);
    double value = kUndefined;
    switch (spec_.metric) {
      case CellMetric::FinalLoss:
        if (!diverged_at) value = batch.loss(k);
        break;
      case CellMetric::StepsToTol:
        if (batch.first_hit(k) >= 0) value = batch.first_hit(k);
        break;
      case CellMetric::NearestMinimum:
        if (!diverged_at) {
          const double x = static_cast<double>(batch.x(k)), y = static_cast<double>(batch.y(k));
          double best = std::numeric_limits<double>::infinity();
          for (size_t m = 0; m < spec_.minima.size(); ++m) {
            const double dx = x - spec_.minima[m].x, dy = y - spec_.minima[m].y;
            const double d = dx * dx + dy * dy;
            if (d < best) {
              best = d;
              value = static_cast<double>(m);
            }
          }
        }
        break;
    }
    out.values[cell] = value;
  }
}

}  // namespace gs::sweep
