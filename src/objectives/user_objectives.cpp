#include "objectives/user_objectives.hpp"

#include "objectives/data/data_objective.hpp"
#include "objectives/defined_objective.hpp"
#include "objectives/formula/formula_objective.hpp"

namespace gs::objectives {

void register_user_objectives() {
  register_kind(formula::formula_kind());
  register_kind(data::data_kind());
}

}  // namespace gs::objectives
