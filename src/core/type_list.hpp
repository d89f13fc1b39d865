// A compile-time list of entry types (optimizer rules, objectives, online problems, labs): the one place
// that lists the entries of a catalog, in UI order. Code that needs an entry's metadata iterates
// for_each; code that runs an entry visits it by position, so a module links only the parts of
// the entries it calls (the core module lists the online problems without linking them).
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace gs {

template <class... Entries>
struct TypeList {
  static constexpr size_t size = sizeof...(Entries);

  // f(Entry{}, index) for every entry, in list order.
  template <class F>
  static void for_each(F&& f) {
    for_each_impl(f, std::index_sequence_for<Entries...>{});
  }

  // f(Entry{}) for the entry at `index`; f's result for it (value-initialised past the end).
  template <class F>
  static auto visit(size_t index, F&& f) {
    using Result = decltype(f(std::declval<std::tuple_element_t<0, std::tuple<Entries...>>>()));
    return visit_impl<Result>(index, f, std::index_sequence_for<Entries...>{});
  }

 private:
  template <class F, size_t... i>
  static void for_each_impl(F& f, std::index_sequence<i...>) {
    (f(Entries{}, i), ...);
  }
  template <class Result, class F, size_t... i>
  static Result visit_impl(size_t index, F& f, std::index_sequence<i...>) {
    Result result{};
    (void)((index == i ? (result = f(Entries{}), true) : false) || ...);
    return result;
  }
};

}  // namespace gs
