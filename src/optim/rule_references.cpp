// The rules' readable reference kernels (the oracle the SIMD kernels are tested against, and the
// JS API's stepReference), apart from the SIMD kernels so that they can be compiled for size.
#include <array>

#include "optim/optimizer.hpp"
#include "optim/rules/all.hpp"

namespace gs::optim {

template <class T>
KernelFn<T> reference_kernel(Kind kind) {
  static const auto table = [] {
    std::array<KernelFn<T>, rules::AllRules::size> kernels{};
    rules::AllRules::for_each([&](auto rule) {
      using Rule = decltype(rule);
      kernels[rules::kind_of<Rule>().index] = Rule::template reference<T>;
    });
    return kernels;
  }();
  return table[kind.index];
}
template KernelFn<float> reference_kernel<float>(Kind);
template KernelFn<double> reference_kernel<double>(Kind);

}  // namespace gs::optim
