// GradientProgram: lowering a compiled formula for runs, and its column-at-a-time evaluation.
#include "objectives/formula/gradient_program.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

#include "objectives/formula/evaluate.hpp"
#include "objectives/formula/jets.hpp"

namespace gs::formula {
namespace {

constexpr std::size_t kBlock = 64;  // points per column
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline bool finite(double v) { return std::fabs(v) <= DBL_MAX; }

using Kind = GradientProgram::Kind;

bool is_square(Op op, double exponent) { return (op == Op::Pow || op == Op::PowFn) && exponent == 2.0; }

}  // namespace

GradientProgram::GradientProgram(const Program& program, std::span<const double> parameters) {
  const std::size_t count = program.code.size();
  steps_.resize(count);
  std::vector<bool> varying(count, false);
  for (std::size_t i = 0; i < count; ++i) {
    const Instruction& in = program.code[i];
    Step& step = steps_[i];
    step.column = in.column;
    step.op = in.op;
    switch (in.kind) {
      case InstructionKind::Constant: step = {Kind::Constant, Op::Add, -1, -1, in.value, in.column}; continue;
      case InstructionKind::Parameter:
        step = {Kind::Constant, Op::Add, -1, -1, parameters[static_cast<std::size_t>(in.parameter)], in.column};
        continue;
      case InstructionKind::X: step.kind = Kind::X; varying[i] = true; continue;
      case InstructionKind::Y: step.kind = Kind::Y; varying[i] = true; continue;
      case InstructionKind::Operation: break;
    }
    const bool binary = in.b >= 0;
    const bool va = varying[static_cast<std::size_t>(in.a)], vb = binary && varying[static_cast<std::size_t>(in.b)];
    const double ca = va ? 0.0 : steps_[static_cast<std::size_t>(in.a)].c;
    const double cb = binary && !vb ? steps_[static_cast<std::size_t>(in.b)].c : 0.0;
    if (!va && !vb) {  // a constant: its value, NaN where the operation leaves its domain
      double value = kNaN;
      if (finite(ca) && finite(cb) && in_domain(in.op, ca, cb)) value = binary ? apply(in.op, ca, cb) : apply(in.op, ca);
      if (!finite(value) && constant_exit_.finite())
        constant_exit_ = {!in_domain(in.op, ca, cb), domain_exit_message(in.op, in.column, !in_domain(in.op, ca, cb), false)};
      step = {Kind::Constant, Op::Add, -1, -1, value, in.column};
      continue;
    }
    varying[i] = true;
    step.a = in.a;
    step.b = in.b;
    if (!binary) {
      step.kind = in.op == Op::Neg ? Kind::Neg : Kind::UnaryV;
      continue;
    }
    if (va && vb) {
      switch (in.op) {
        case Op::Add: step.kind = Kind::AddVV; break;
        case Op::Sub: step.kind = Kind::SubVV; break;
        case Op::Mul: step.kind = Kind::MulVV; break;
        case Op::Div: step.kind = Kind::DivVV; break;
        default: step.kind = Kind::BinaryVV; break;
      }
    } else if (va) {
      step.c = cb;
      switch (in.op) {
        case Op::Add: step.kind = Kind::AddVC; break;
        case Op::Sub: step.kind = Kind::SubVC; break;
        case Op::Mul: step.kind = Kind::MulVC; break;
        case Op::Div: step.kind = Kind::DivVC; break;
        default: step.kind = is_square(in.op, cb) ? Kind::Square : Kind::BinaryVC; break;
      }
    } else {
      step.c = ca;
      step.a = in.b;  // the varying operand
      step.b = -1;
      switch (in.op) {
        case Op::Add: step.kind = Kind::AddVC; break;  // c + u has the bits of u + c
        case Op::Mul: step.kind = Kind::MulVC; break;
        case Op::Sub: step.kind = Kind::SubCV; break;
        case Op::Div: step.kind = Kind::DivCV; break;
        default: step.kind = Kind::BinaryCV; break;
      }
    }
  }
  result_ = static_cast<int>(count) - 1;
  // Constants are read as values (the *VC and *CV kinds hold them), so only the varying steps run,
  // and a constant result.
  for (std::size_t i = 0; i < count; ++i)
    if (steps_[i].kind != Kind::Constant || static_cast<int>(i) == result_) run_.push_back(static_cast<int>(i));
  point_.assign(count, {});
  v_.assign(count * kBlock, 0.0);
  gx_.assign(count * kBlock, 0.0);
  gy_.assign(count * kBlock, 0.0);
}

namespace {

using D = GradientProgram::Point;

// Each kind's arithmetic on one point, shared by the column loops and the one-point path, so both
// give the same bits. G: the gradient is wanted (else x and y are left 0).
template <bool G> inline D add_vv(const D& a, const D& b) { return {a.v + b.v, G ? a.x + b.x : 0, G ? a.y + b.y : 0}; }
template <bool G> inline D add_vc(const D& a, double c) { return {a.v + c, G ? a.x : 0, G ? a.y : 0}; }
template <bool G> inline D sub_vv(const D& a, const D& b) { return {a.v - b.v, G ? a.x - b.x : 0, G ? a.y - b.y : 0}; }
template <bool G> inline D sub_vc(const D& a, double c) { return {a.v - c, G ? a.x : 0, G ? a.y : 0}; }
template <bool G> inline D sub_cv(double c, const D& a) { return {c - a.v, G ? -a.x : 0, G ? -a.y : 0}; }
template <bool G> inline D mul_vv(const D& a, const D& b) {
  return {a.v * b.v, G ? b.v * a.x + a.v * b.x : 0, G ? b.v * a.y + a.v * b.y : 0};
}
template <bool G> inline D mul_vc(const D& a, double c) { return {a.v * c, G ? c * a.x : 0, G ? c * a.y : 0}; }
// A denominator that is not finite would hide itself (u/∞ = 0): NaN instead.
template <bool G> inline D div_vv(const D& a, const D& b) {
  const double q = finite(b.v) ? a.v / b.v : kNaN;
  if (!G) return {q, 0, 0};
  const double inverse = 1 / b.v, dq = -q / b.v;
  return {q, inverse * a.x + dq * b.x, inverse * a.y + dq * b.y};
}
template <bool G> inline D div_vc(const D& a, double c, double inverse) {
  return {a.v / c, G ? inverse * a.x : 0, G ? inverse * a.y : 0};
}
template <bool G> inline D div_cv(double c, const D& a) {
  const double q = finite(a.v) ? c / a.v : kNaN;
  if (!G) return {q, 0, 0};
  const double dq = -q / a.v;
  return {q, dq * a.x, dq * a.y};
}
template <bool G> inline D neg(const D& a) { return {-a.v, G ? -a.x : 0, G ? -a.y : 0}; }
template <bool G> inline D square(const D& a) {
  const double d = 2 * a.v;
  return {a.v * a.v, G ? d * a.x : 0, G ? d * a.y : 0};
}
// The other operations through their jets; a point whose argument or value is not finite becomes
// NaN (so no infinity is hidden by, say, atan(∞)), and one whose derivative is not, NaN in ∇f.
template <bool G> inline D unary(Op op, const D& a) {
  const Jet1 j = unary_jet(op, a.v, G);
  const bool ok = finite(a.v) && finite(j.f);
  if (!G) return {ok ? j.f : kNaN, 0, 0};
  const bool slope = ok && finite(j.d);
  return {ok ? j.f : kNaN, slope ? j.d * a.x : kNaN, slope ? j.d * a.y : kNaN};
}
template <bool G> inline D binary_vv(Op op, const D& a, const D& b) {
  const Jet2 j = binary_jet(op, a.v, b.v, G, true);
  const bool ok = finite(a.v) && finite(b.v) && finite(j.f);
  if (!G) return {ok ? j.f : kNaN, 0, 0};
  const bool slope = ok && finite(j.da) && finite(j.db);
  return {ok ? j.f : kNaN, slope ? j.da * a.x + j.db * b.x : kNaN, slope ? j.da * a.y + j.db * b.y : kNaN};
}
template <bool G> inline D binary_vc(Op op, const D& a, double c) {
  const Jet2 j = binary_jet(op, a.v, c, G, false);
  const bool ok = finite(a.v) && finite(j.f);
  if (!G) return {ok ? j.f : kNaN, 0, 0};
  const bool slope = ok && finite(j.da);
  return {ok ? j.f : kNaN, slope ? j.da * a.x : kNaN, slope ? j.da * a.y : kNaN};
}
template <bool G> inline D binary_cv(Op op, double c, const D& a) {
  const Jet2 j = binary_jet(op, c, a.v, G, true);
  const bool ok = finite(a.v) && finite(j.f);
  if (!G) return {ok ? j.f : kNaN, 0, 0};
  const bool slope = ok && finite(j.db);
  return {ok ? j.f : kNaN, slope ? j.db * a.x : kNaN, slope ? j.db * a.y : kNaN};
}

// One step's point from its operands: the kind's function above.
template <bool G>
inline D point(const GradientProgram::Step& step, const D& a, const D& b, double x, double y) {
  const double c = step.c;
  switch (step.kind) {
    case Kind::Constant: return {c, 0, 0};
    case Kind::X: return {x, G ? 1.0 : 0, 0};
    case Kind::Y: return {y, 0, G ? 1.0 : 0};
    case Kind::AddVV: return add_vv<G>(a, b);
    case Kind::AddVC: return add_vc<G>(a, c);
    case Kind::SubVV: return sub_vv<G>(a, b);
    case Kind::SubVC: return sub_vc<G>(a, c);
    case Kind::SubCV: return sub_cv<G>(c, a);
    case Kind::MulVV: return mul_vv<G>(a, b);
    case Kind::MulVC: return mul_vc<G>(a, c);
    case Kind::DivVV: return div_vv<G>(a, b);
    case Kind::DivVC: return div_vc<G>(a, c, 1 / c);
    case Kind::DivCV: return div_cv<G>(c, a);
    case Kind::Neg: return neg<G>(a);
    case Kind::Square: return square<G>(a);
    case Kind::UnaryV: return unary<G>(step.op, a);
    case Kind::BinaryVV: return binary_vv<G>(step.op, a, b);
    case Kind::BinaryVC: return binary_vc<G>(step.op, a, c);
    case Kind::BinaryCV: return binary_cv<G>(step.op, c, a);
  }
  return {kNaN, kNaN, kNaN};
}

// f and ∇f of the result point: f NaN where it is not finite, ∇f NaN where any of the three is not.
template <bool G>
inline void result_of(const D& r, double* f, double* gx, double* gy) {
  *f = finite(r.v) ? r.v : kNaN;
  if (!G) return;
  const bool slope = finite(r.v) && finite(r.x) && finite(r.y);
  *gx = slope ? r.x : kNaN;
  *gy = slope ? r.y : kNaN;
}

}  // namespace

template <bool kGradient>
void GradientProgram::run_block(const double* x, const double* y, std::size_t n, double* f, double* gx,
                                double* gy) const {
  constexpr bool G = kGradient;
  for (const int index : run_) {
    const std::size_t s = static_cast<std::size_t>(index);
    const Step& step = steps_[s];
    double* __restrict v = v_.data() + s * kBlock;
    double* __restrict dx = gx_.data() + s * kBlock;
    double* __restrict dy = gy_.data() + s * kBlock;
    const std::size_t ia = static_cast<std::size_t>(std::max(step.a, 0)) * kBlock;
    const std::size_t ib = static_cast<std::size_t>(std::max(step.b, 0)) * kBlock;
    const double* __restrict a = v_.data() + ia;
    const double* __restrict ax = gx_.data() + ia;
    const double* __restrict ay = gy_.data() + ia;
    const double* __restrict b = v_.data() + ib;
    const double* __restrict bx = gx_.data() + ib;
    const double* __restrict by = gy_.data() + ib;
    const double c = step.c, inverse = 1 / step.c;
    // One loop per kind, each over whole columns with the kind's function inlined (so it vectorises).
    const auto each = [&](auto op) __attribute__((always_inline)) {
      for (std::size_t k = 0; k < n; ++k) {
        const D r = op(D{a[k], G ? ax[k] : 0, G ? ay[k] : 0}, D{b[k], G ? bx[k] : 0, G ? by[k] : 0}, k);
        v[k] = r.v;
        if (G) dx[k] = r.x, dy[k] = r.y;
      }
    };
    switch (step.kind) {
      case Kind::Constant: each([&](const D&, const D&, std::size_t) { return D{c, 0, 0}; }); break;
      case Kind::X: each([&](const D&, const D&, std::size_t k) { return D{x[k], G ? 1.0 : 0, 0}; }); break;
      case Kind::Y: each([&](const D&, const D&, std::size_t k) { return D{y[k], 0, G ? 1.0 : 0}; }); break;
      case Kind::AddVV: each([](const D& p, const D& q, std::size_t) { return add_vv<G>(p, q); }); break;
      case Kind::AddVC: each([&](const D& p, const D&, std::size_t) { return add_vc<G>(p, c); }); break;
      case Kind::SubVV: each([](const D& p, const D& q, std::size_t) { return sub_vv<G>(p, q); }); break;
      case Kind::SubVC: each([&](const D& p, const D&, std::size_t) { return sub_vc<G>(p, c); }); break;
      case Kind::SubCV: each([&](const D& p, const D&, std::size_t) { return sub_cv<G>(c, p); }); break;
      case Kind::MulVV: each([](const D& p, const D& q, std::size_t) { return mul_vv<G>(p, q); }); break;
      case Kind::MulVC: each([&](const D& p, const D&, std::size_t) { return mul_vc<G>(p, c); }); break;
      case Kind::DivVV: each([](const D& p, const D& q, std::size_t) { return div_vv<G>(p, q); }); break;
      case Kind::DivVC: each([&](const D& p, const D&, std::size_t) { return div_vc<G>(p, c, inverse); }); break;
      case Kind::DivCV: each([&](const D& p, const D&, std::size_t) { return div_cv<G>(c, p); }); break;
      case Kind::Neg: each([](const D& p, const D&, std::size_t) { return neg<G>(p); }); break;
      case Kind::Square: each([](const D& p, const D&, std::size_t) { return square<G>(p); }); break;
      case Kind::UnaryV: each([&](const D& p, const D&, std::size_t) { return unary<G>(step.op, p); }); break;
      case Kind::BinaryVV: each([&](const D& p, const D& q, std::size_t) { return binary_vv<G>(step.op, p, q); }); break;
      case Kind::BinaryVC: each([&](const D& p, const D&, std::size_t) { return binary_vc<G>(step.op, p, c); }); break;
      case Kind::BinaryCV: each([&](const D& p, const D&, std::size_t) { return binary_cv<G>(step.op, c, p); }); break;
    }
  }
  const std::size_t r = static_cast<std::size_t>(result_) * kBlock;
  for (std::size_t k = 0; k < n; ++k)
    result_of<G>(D{v_[r + k], G ? gx_[r + k] : 0, G ? gy_[r + k] : 0}, f + k, G ? gx + k : nullptr, G ? gy + k : nullptr);
}

template <bool kGradient>
void GradientProgram::run_point(double x, double y, double* f, double* gx, double* gy) const {
  for (const int index : run_) {
    const Step& step = steps_[static_cast<std::size_t>(index)];
    const D& a = point_[static_cast<std::size_t>(std::max(step.a, 0))];
    const D& b = point_[static_cast<std::size_t>(std::max(step.b, 0))];
    point_[static_cast<std::size_t>(index)] = point<kGradient>(step, a, b, x, y);
  }
  result_of<kGradient>(point_[static_cast<std::size_t>(result_)], f, gx, gy);
}

void GradientProgram::evaluate(const double* x, const double* y, std::size_t n, double* f, double* gx,
                               double* gy) const {
  if (n == 1) {
    run_point<true>(*x, *y, f, gx, gy);
    return;
  }
  for (std::size_t i = 0; i < n; i += kBlock) {
    const std::size_t m = std::min(kBlock, n - i);
    run_block<true>(x + i, y + i, m, f + i, gx + i, gy + i);
  }
}

void GradientProgram::values(const double* x, const double* y, std::size_t n, double* f) const {
  if (n == 1) {
    run_point<false>(*x, *y, f, nullptr, nullptr);
    return;
  }
  for (std::size_t i = 0; i < n; i += kBlock) run_block<false>(x + i, y + i, std::min(kBlock, n - i), f + i, nullptr, nullptr);
}

Exit GradientProgram::exit_at(double x, double y, bool gradient) const {
  if (!constant_exit_.finite()) return constant_exit_;
  double f, gx, gy;
  if (gradient) run_block<true>(&x, &y, 1, &f, &gx, &gy);
  else run_block<false>(&x, &y, 1, &f, nullptr, nullptr);
  if (finite(f) && (!gradient || (finite(gx) && finite(gy)))) return {};
  const auto bad = [&](std::size_t s) {
    const std::size_t at = s * kBlock;
    return !finite(v_[at]) || (gradient && (!finite(gx_[at]) || !finite(gy_[at])));
  };
  for (const int index : run_) {
    const std::size_t s = static_cast<std::size_t>(index);
    if (!bad(s)) continue;
    const Step& step = steps_[s];
    const double a = step.kind == Kind::BinaryCV || step.kind == Kind::DivCV || step.kind == Kind::SubCV
                         ? step.c
                         : v_[static_cast<std::size_t>(std::max(step.a, 0)) * kBlock];
    double b = step.c;
    if (step.b >= 0) b = v_[static_cast<std::size_t>(step.b) * kBlock];
    else if (step.kind == Kind::BinaryCV || step.kind == Kind::DivCV || step.kind == Kind::SubCV)
      b = v_[static_cast<std::size_t>(step.a) * kBlock];
    const bool value_finite = finite(v_[s * kBlock]);
    const bool outside = !in_domain(step.op, a, b);
    return {outside || value_finite, domain_exit_message(step.op, step.column, outside, value_finite)};
  }
  return {false, "the formula has no finite value"};
}

}  // namespace gs::formula
