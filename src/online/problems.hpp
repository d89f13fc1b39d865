// The online problems of the regret lab, one file each; registry.cpp lists them in UI order.
#pragma once

#include "online/problem.hpp"

namespace gs::online {

ProblemInfo reddi_info();               // reddi.cpp
ProblemInfo online_linear_info();       // drift_problems.cpp
ProblemInfo online_quadratic_info();    // drift_problems.cpp
ProblemInfo sparse_adversarial_info();  // sparse_adversarial.cpp
ProblemInfo online_logistic_info();     // online_logistic.cpp

// Parameters shared by several problems.
optim::HyperInfo dimension_param(double default_value, const char* description);
optim::HyperInfo seed_param();

}  // namespace gs::online
