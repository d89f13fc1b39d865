// The objective catalog's list: the one place that names every objective, in UI order. The
// registry, the Objective class (single runs and heatmap grids) and the sweep's lane passes all
// read it.
#pragma once

#include "core/type_list.hpp"
#include "objectives/catalog/ackley.hpp"
#include "objectives/catalog/beale.hpp"
#include "objectives/catalog/booth.hpp"
#include "objectives/catalog/goldstein_price.hpp"
#include "objectives/catalog/himmelblau.hpp"
#include "objectives/catalog/local_minima.hpp"
#include "objectives/catalog/quadratic.hpp"
#include "objectives/catalog/rastrigin.hpp"
#include "objectives/catalog/rosenbrock.hpp"
#include "objectives/catalog/saddle.hpp"
#include "objectives/catalog/styblinski_tang.hpp"

namespace gs::objectives::catalog {

using AllObjectives = TypeList<Rosenbrock, Beale, Himmelblau, Booth, Quadratic, Saddle, Rastrigin, Ackley,
                               StyblinskiTang, GoldsteinPrice, LocalMinima>;

}  // namespace gs::objectives::catalog
