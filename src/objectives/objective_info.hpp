// An objective's registry metadata (names, LaTeX, parameters with ranges, view box, default start)
// and its known minima: what each catalog entry (catalog/<name>.hpp) declares about itself; and
// why an objective has no finite value at a point.
#pragma once

#include <string>
#include <vector>

namespace gs::objectives {

struct ParamInfo {
  const char* name;
  double default_value, min, max;
  const char* description;
};

// A known minimum; `global` marks the global ones (every global minimum is listed; some
// objectives also list notable local minima).
struct Minimum {
  double x, y, value;
  bool global;
};

struct ObjectiveInfo {
  const char* name;          // config name, e.g. "rosenbrock"
  const char* display_name;  // e.g. "Rosenbrock"
  const char* latex;         // f(x, y) in LaTeX
  const char* description;   // one line, for the UI
  std::vector<ParamInfo> params;
  double view[4];           // default view box: xmin, xmax, ymin, ymax
  double default_start[2];  // x, y
};

// Why an objective's value or gradient at a point is not finite: a typed formula may leave its
// domain there; every objective may overflow.
struct Exit {
  bool left_domain = false;  // an argument outside an operation's domain, or no derivative there
  std::string message;       // e.g. "log of a number ≤ 0 at column 5"; "" when the result is finite
  bool finite() const { return message.empty(); }
};

}  // namespace gs::objectives
