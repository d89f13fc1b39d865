// Objectives a config defines, beside the catalog's fixed ones: a typed formula (formula/) and an
// objective made of data points (data/), together the user objectives. The core reaches them only
// through this interface and the kinds registered with register_kind() (user_objectives.hpp
// registers both), so a wasm module whose bindings do not register them, the core module the web
// component loads, does not contain their code (README, "The web component").
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"
#include "objectives/objective_info.hpp"

namespace gs::objectives {

// A user objective as its config defines it, with its parameters bound. Evaluations are
// bit-identical whichever call makes them (one point or many, value alone or with the gradient).
// They may use scratch space of the object, so one object serves one thread at a time (each
// Objective made from a config shares it; the engine is single-threaded per wasm instance).
class DefinedObjective {
 public:
  virtual ~DefinedObjective() = default;
  // Its registry metadata: the name, the LaTeX of what was typed, parameters (their values are the
  // defaults), the view and the default start.
  virtual const ObjectiveInfo& info() const = 0;
  // Whether a step's gradient is a minibatch's rather than the whole objective's.
  virtual bool stochastic() const { return false; }
  // f and the whole objective's gradient at n points.
  virtual void evaluate(const double* x, const double* y, std::size_t n, double* f, double* gx, double* gy) const = 0;
  // f and step t's gradient (a minibatch's when stochastic()) at n points.
  virtual void evaluate_step(const double* x, const double* y, std::size_t n, double* f, double* gx, double* gy,
                             std::uint64_t t) const {
    evaluate(x, y, n, f, gx, gy);
  }
  // Whether hessian() gives the exact Hessian (a typed formula's, by forward-mode second-order
  // automatic differentiation); the data objectives have none.
  virtual bool has_hessian() const { return false; }
  // The exact Hessian {f_xx, f_xy, f_yy} at (x, y); false where it is not finite or not available.
  virtual bool hessian(double, double, double h[3]) const {
    h[0] = h[1] = h[2] = NAN;
    return false;
  }
  // f alone at n points.
  virtual void values(const double* x, const double* y, std::size_t n, double* f) const = 0;
  // Why the value (or, with `gradient`, the gradient) at (x, y) is not finite.
  virtual Exit exit_at(double x, double y, bool gradient) const = 0;
  // The minima known or found in its view, the lowest ones marked global.
  virtual std::vector<Minimum> minima() const = 0;
  // Its own fields of a config (engine::objective_json: e.g. expr, params with ranges, view) and of
  // a registry entry (engine::objective_info_json: e.g. expr, or the data points).
  virtual void write_config(json::Value& objective) const = 0;
  virtual void write_entry(json::Value& entry) const = 0;
};

// A kind of user objective: the config names it answers to, the keys its config may hold, how it
// reads them, and the objective the registry lists under each name.
struct DefinedKind {
  std::vector<std::string_view> names;
  std::vector<std::string_view> keys;  // every key its config object may hold, "name" and "noise" too
  // Reads the config object `config` (nullptr when the config is the name alone) at `path`; `seed`
  // is the config's noise seed. Returns false with an error naming the field.
  bool (*parse)(std::string_view name, const json::Value* config, const std::string& path, std::uint64_t seed,
                std::shared_ptr<const DefinedObjective>& out, std::string& error);
  // The registry's objective of that name: its standard formula or data set.
  std::shared_ptr<const DefinedObjective> (*standard)(std::string_view name);
};

// Adds a kind: its standard objectives join registry() (after the catalog's, in registration
// order). Call before the first registry(); registering a kind twice does nothing.
void register_kind(const DefinedKind& kind);
// The registered kind answering to `name`, or nullptr.
const DefinedKind* kind_of(std::string_view name);
// The registry's objective of a registered kind called `name`, or nullptr.
std::shared_ptr<const DefinedObjective> standard_defined(std::string_view name);

// The user objectives' names, known to every module so that one without them can say which
// module has them.
inline constexpr std::string_view kUserObjectiveNames[] = {"formula", "least_squares", "logistic"};
bool is_user_objective(std::string_view name);

}  // namespace gs::objectives
