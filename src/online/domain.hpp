// The feasible sets of the regret lab (docs/schema.md, "Regret config"): a box
// [−r, r]^d (half-width r) or an L2 ball ‖x‖₂ ≤ r, centred at the origin. Iterates are projected
// onto the domain after every optimizer step (Zinkevich 2003's projected online gradient descent,
// applied to every optimizer of the registry).
//
// Besides the projection, the domain answers the questions the comparator and Theorem 4.1 ask:
//   diameters  D = sup ‖x − y‖₂ (box 2r√d, ball 2r) and D∞ = sup ‖x − y‖∞ (2r for both)
//   min ⟨a, x⟩ over the domain: box x_i = −r·sign(a_i), value −r‖a‖₁; ball x = −r·a/‖a‖₂, value −r‖a‖₂
//   the duality (Frank–Wolfe) gap of a point x of a convex F with gradient g:
//     F(x) − min F ≤ ⟨g, x⟩ + max_{u ∈ domain} ⟨−g, u⟩ = ⟨g, x⟩ + r‖g‖₁ (box) or r‖g‖₂ (ball)
// Every loop runs in index order, so native and wasm builds round alike.
#pragma once

#include <cstddef>
#include <string_view>

namespace gs::online {

enum class DomainType { Box, Ball };

const char* domain_type_name(DomainType type);

struct Domain {
  DomainType type = DomainType::Box;
  double radius = 1;

  // Projects x[0..n) onto the domain in place. Returns false, leaving the non-finite values in
  // place, if x held a NaN or an infinity (a diverged step).
  bool project(double* x, size_t n) const;
  bool contains(const double* x, size_t n, double slack = 0) const;
  double diameter_l2(size_t n) const;
  double diameter_linf() const { return 2 * radius; }
  // Writes argmin_{x ∈ domain} ⟨a, x⟩ into x (0 where a_i = 0 on the box; 0 if a = 0 on the
  // ball) and returns the minimum.
  double minimize_linear(const double* a, size_t n, double* x) const;
  // ⟨g, x⟩ + max_{u ∈ domain} ⟨−g, u⟩ ≥ F(x) − min F for convex F with ∇F(x) = g.
  double duality_gap(const double* x, const double* g, size_t n) const;
};

}  // namespace gs::online
