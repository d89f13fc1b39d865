// The offline solve behind online_logistic's comparator: min over the domain of
//   F(w) = Σ_{s≤t} ℓ(y_s⟨x_s, w⟩),  ℓ(m) = log(1 + e^{−m}),
// by the spectral projected gradient method (Birgin, Martínez & Raydan, SIAM J. Optim. 10(4),
// 2000): Barzilai–Borwein step sizes, projection onto the domain, and a nonmonotone Armijo line
// search (memory 10) along the projected direction. On the box the gradient is scaled by the
// inverse diagonal of the Hessian, Σ_s σ(1−σ)·x_{s,j} (the projection in that metric is still a
// clip), which evens out Zipf-frequent and rare features; on the ball it is not scaled. The margins z = Xw move as z + λ·Xd, so an
// iteration costs two passes over the stored words (Xd, and the gradient Xᵀr) and O(t) per
// line-search trial. It stops when the duality gap
//   gap(w) = ⟨∇F(w), w⟩ + max_{u ∈ domain} ⟨−∇F(w), u⟩ ≥ F(w) − min F
// (for the logistic loss exactly P(w) − D(α) at the dual point α_s = σ(−y_s z_s)) is at most the
// target, or after max_iterations; the point it returns has its margins, loss and gradient
// recomputed from scratch, so they are exact for it.
#pragma once

#include <cstdint>
#include <vector>

#include "online/bag_of_words.hpp"
#include "online/domain.hpp"

namespace gs::online {

// A point of the domain with its margins z_s = ⟨x_s, w⟩, F(w) and ∇F(w) over documents [0, z.size()).
struct LogisticPoint {
  std::vector<double> w, z, gradient;
  double loss = 0;
};

struct SolveStats {
  double gap = 0;
  int iterations = 0;
  uint64_t work = 0;  // document visits (one per document per pass or line-search trial)
};

// Recomputes z, loss and gradient of `point.w` over the first `documents` documents.
void evaluate_logistic(const BagOfWords& data, size_t documents, LogisticPoint& point);

// Adds document s (= point.z.size()) to point's margins, loss and gradient.
void add_document(const BagOfWords& data, size_t s, LogisticPoint& point);

// Improves `point` (exact for the documents so far) towards the minimum. `step` carries the last
// Barzilai–Borwein step size from one solve to the next (≤ 0: start from 1 on the box, a diagonal
// Newton step, and from 1/L on the ball for the bound L ≤ ¼·max_s ‖x_s‖₁·max_j Σ_s x_{s,j}).
SolveStats solve_logistic(const BagOfWords& data, const Domain& domain, LogisticPoint& point, double target,
                          int max_iterations, double& step);

}  // namespace gs::online
