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
  v_.assign(count * kBlock, 0.0);
  gx_.assign(count * kBlock, 0.0);
  gy_.assign(count * kBlock, 0.0);
}

template <bool kGradient>
void GradientProgram::run_block(const double* x, const double* y, std::size_t n, double* f, double* gx,
                                double* gy) const {
  for (std::size_t s = 0; s < steps_.size(); ++s) {
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
    const double c = step.c;
    switch (step.kind) {
      case Kind::Constant:
        for (std::size_t k = 0; k < n; ++k) v[k] = c;
        if (kGradient) std::fill(dx, dx + n, 0.0), std::fill(dy, dy + n, 0.0);
        break;
      case Kind::X:
        for (std::size_t k = 0; k < n; ++k) v[k] = x[k];
        if (kGradient) std::fill(dx, dx + n, 1.0), std::fill(dy, dy + n, 0.0);
        break;
      case Kind::Y:
        for (std::size_t k = 0; k < n; ++k) v[k] = y[k];
        if (kGradient) std::fill(dx, dx + n, 0.0), std::fill(dy, dy + n, 1.0);
        break;
      case Kind::AddVV:
        for (std::size_t k = 0; k < n; ++k) v[k] = a[k] + b[k];
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) dx[k] = ax[k] + bx[k], dy[k] = ay[k] + by[k];
        break;
      case Kind::AddVC:
        for (std::size_t k = 0; k < n; ++k) v[k] = a[k] + c;
        if (kGradient) std::copy(ax, ax + n, dx), std::copy(ay, ay + n, dy);
        break;
      case Kind::SubVV:
        for (std::size_t k = 0; k < n; ++k) v[k] = a[k] - b[k];
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) dx[k] = ax[k] - bx[k], dy[k] = ay[k] - by[k];
        break;
      case Kind::SubVC:
        for (std::size_t k = 0; k < n; ++k) v[k] = a[k] - c;
        if (kGradient) std::copy(ax, ax + n, dx), std::copy(ay, ay + n, dy);
        break;
      case Kind::SubCV:
        for (std::size_t k = 0; k < n; ++k) v[k] = c - a[k];
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) dx[k] = -ax[k], dy[k] = -ay[k];
        break;
      case Kind::MulVV:
        for (std::size_t k = 0; k < n; ++k) v[k] = a[k] * b[k];
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) dx[k] = b[k] * ax[k] + a[k] * bx[k], dy[k] = b[k] * ay[k] + a[k] * by[k];
        break;
      case Kind::MulVC:
        for (std::size_t k = 0; k < n; ++k) v[k] = a[k] * c;
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) dx[k] = c * ax[k], dy[k] = c * ay[k];
        break;
      case Kind::DivVV:  // a denominator that is not finite would hide itself (u/∞ = 0): NaN instead
        for (std::size_t k = 0; k < n; ++k) v[k] = finite(b[k]) ? a[k] / b[k] : kNaN;
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) {
            const double inverse = 1 / b[k], dq = -v[k] / b[k];
            dx[k] = inverse * ax[k] + dq * bx[k];
            dy[k] = inverse * ay[k] + dq * by[k];
          }
        break;
      case Kind::DivVC: {
        const double inverse = 1 / c;
        for (std::size_t k = 0; k < n; ++k) v[k] = a[k] / c;
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) dx[k] = inverse * ax[k], dy[k] = inverse * ay[k];
        break;
      }
      case Kind::DivCV:
        for (std::size_t k = 0; k < n; ++k) v[k] = finite(a[k]) ? c / a[k] : kNaN;
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) {
            const double dq = -v[k] / a[k];
            dx[k] = dq * ax[k];
            dy[k] = dq * ay[k];
          }
        break;
      case Kind::Neg:
        for (std::size_t k = 0; k < n; ++k) v[k] = -a[k];
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) dx[k] = -ax[k], dy[k] = -ay[k];
        break;
      case Kind::Square:
        for (std::size_t k = 0; k < n; ++k) v[k] = a[k] * a[k];
        if (kGradient)
          for (std::size_t k = 0; k < n; ++k) {
            const double d = 2 * a[k];
            dx[k] = d * ax[k];
            dy[k] = d * ay[k];
          }
        break;
      // The other operations, point by point through their jets; a point whose argument or
      // result is not finite becomes NaN (so no infinity is hidden by, say, atan(∞)).
      case Kind::UnaryV:
        for (std::size_t k = 0; k < n; ++k) {
          const Jet1 j = unary_jet(step.op, a[k], kGradient);
          const bool ok = finite(a[k]) && finite(j.f);
          v[k] = ok ? j.f : kNaN;
          if (kGradient) {
            const bool slope = ok && finite(j.d);
            dx[k] = slope ? j.d * ax[k] : kNaN, dy[k] = slope ? j.d * ay[k] : kNaN;
          }
        }
        break;
      case Kind::BinaryVV:
        for (std::size_t k = 0; k < n; ++k) {
          const Jet2 j = binary_jet(step.op, a[k], b[k], kGradient, true);
          const bool ok = finite(a[k]) && finite(b[k]) && finite(j.f);
          v[k] = ok ? j.f : kNaN;
          if (kGradient) {
            const bool slope = ok && finite(j.da) && finite(j.db);
            dx[k] = slope ? j.da * ax[k] + j.db * bx[k] : kNaN;
            dy[k] = slope ? j.da * ay[k] + j.db * by[k] : kNaN;
          }
        }
        break;
      case Kind::BinaryVC:
        for (std::size_t k = 0; k < n; ++k) {
          const Jet2 j = binary_jet(step.op, a[k], c, kGradient, false);
          const bool ok = finite(a[k]) && finite(j.f);
          v[k] = ok ? j.f : kNaN;
          if (kGradient) {
            const bool slope = ok && finite(j.da);
            dx[k] = slope ? j.da * ax[k] : kNaN, dy[k] = slope ? j.da * ay[k] : kNaN;
          }
        }
        break;
      case Kind::BinaryCV:
        for (std::size_t k = 0; k < n; ++k) {
          const Jet2 j = binary_jet(step.op, c, a[k], kGradient, true);
          const bool ok = finite(a[k]) && finite(j.f);
          v[k] = ok ? j.f : kNaN;
          if (kGradient) {
            const bool slope = ok && finite(j.db);
            dx[k] = slope ? j.db * ax[k] : kNaN, dy[k] = slope ? j.db * ay[k] : kNaN;
          }
        }
        break;
    }
  }
  const std::size_t r = static_cast<std::size_t>(result_) * kBlock;
  for (std::size_t k = 0; k < n; ++k) {
    const double value = v_[r + k];
    if (!kGradient) {
      f[k] = finite(value) ? value : kNaN;
      continue;
    }
    const double px = gx_[r + k], py = gy_[r + k];
    const bool slope = finite(value) && finite(px) && finite(py);
    f[k] = finite(value) ? value : kNaN;
    gx[k] = slope ? px : kNaN;
    gy[k] = slope ? py : kNaN;
  }
}

void GradientProgram::evaluate(const double* x, const double* y, std::size_t n, double* f, double* gx,
                               double* gy) const {
  for (std::size_t i = 0; i < n; i += kBlock) {
    const std::size_t m = std::min(kBlock, n - i);
    run_block<true>(x + i, y + i, m, f + i, gx + i, gy + i);
  }
}

void GradientProgram::values(const double* x, const double* y, std::size_t n, double* f) const {
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
  for (std::size_t s = 0; s < steps_.size(); ++s) {
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
