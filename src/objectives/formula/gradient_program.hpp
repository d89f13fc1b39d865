// A compiled formula lowered for runs: f and its exact gradient (first-order forward-mode
// automatic differentiation) at many points at once. Each instruction is applied to a whole block
// of points before the next one (column at a time), so the interpreter's dispatch is paid once
// per instruction and block and the arithmetic loops vectorise over SIMD lanes.
//
// The parameters are bound once: every instruction that depends on neither x nor y becomes a
// constant. The arithmetic operations (+, −, ·, /, negation, u^2) are written out on the columns;
// every other operation calls its scalar jet (jets.hpp) point by point. A point's result does not
// depend on how many points are evaluated with it, so a sweep's runs have the bits of a single
// run at the same point.
//
// Where a value on the way is not finite, f and ∇f are NaN at that point; where only a derivative
// is not (as at sqrt(0)), ∇f is. exit_at() then says why: the formula left its domain (log of a negative number, division by 0,
// a derivative that does not exist, as at sqrt(0)) or a value overflowed.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "objectives/formula/program.hpp"
#include "objectives/objective_info.hpp"

namespace gs::formula {

// Why an evaluation at a point has no finite result.
using Exit = objectives::Exit;

class GradientProgram {
 public:
  GradientProgram() = default;
  // `parameters` in the program's parameter order (program.parameter_count of them).
  GradientProgram(const Program& program, std::span<const double> parameters);

  // f, ∂f/∂x and ∂f/∂y at the points (x[k], y[k]), k < n; f has the bits values() gives.
  void evaluate(const double* x, const double* y, std::size_t n, double* f, double* gx, double* gy) const;
  // f alone (NaN where a value on the way is not finite).
  void values(const double* x, const double* y, std::size_t n, double* f) const;
  // Why evaluate() (gradient = true) or values() gives NaN at (x, y); finite() if it does not.
  Exit exit_at(double x, double y, bool gradient) const;

  enum class Kind {
    Constant, X, Y,
    AddVV, AddVC, SubVV, SubVC, SubCV, MulVV, MulVC, DivVV, DivVC, DivCV, Neg, Square,
    UnaryV, BinaryVV, BinaryVC, BinaryCV,
  };
  struct Step {
    Kind kind;
    Op op = Op::Add;
    int a = -1, b = -1;  // operand steps (a varying operand's column; a constant's value is in c)
    double c = 0;        // Constant: its value; *VC / *CV: the constant operand
    int column = 1;      // the operation's column in the formula
  };
  const std::vector<Step>& steps() const { return steps_; }
  // A value with its gradient: one point of a step.
  struct Point {
    double v, x, y;
  };

 private:
  template <bool kGradient>
  void run_block(const double* x, const double* y, std::size_t n, double* f, double* gx, double* gy) const;
  // One point with the same arithmetic as run_block (the kinds' functions are shared), without
  // the columns' loops.
  template <bool kGradient>
  void run_point(double x, double y, double* f, double* gx, double* gy) const;

  std::vector<Step> steps_;
  std::vector<int> run_;                    // the steps evaluated: the varying ones, and the result
  int result_ = -1;                         // the step holding f
  Exit constant_exit_;                      // why a constant part has no finite value, if it has none
  mutable std::vector<double> v_, gx_, gy_;  // scratch columns: step × kBlock
  mutable std::vector<Point> point_;         // scratch of run_point: one per step
};

}  // namespace gs::formula
