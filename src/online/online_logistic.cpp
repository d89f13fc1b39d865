// online_logistic: logistic regression on the bag-of-words stream of bag_of_words.hpp, the online
// form of the Adam paper's IMDB experiment (Kingma & Ba 2015, Section 6.1),
//   f_t(w) = log(1 + exp(−y_t⟨x_t, w⟩)),   ∇f_t(w) = −y_t·σ(−y_t⟨x_t, w⟩)·x_t,
// sparse: ∇f_t is non-zero only on the words of document t.
//
// The comparator min_{w ∈ domain} Σ_{s≤t} f_s(w) has no closed form. A reference point w_ref is
// kept with its exact loss Σ f_s(w_ref) and gradient, both updated in O(words) as documents
// arrive, so its duality gap (logistic_solver.hpp) certifies min Σ f_s ∈ [loss − gap, loss] at
// every record point for O(d). When the gap exceeds the target 1e-6·(1 + loss), w_ref is
// re-solved, warm-started from itself, by spectral projected gradient, if the solver's work so far
// stays within kWorkPerDocument = 400 document visits per document seen (an amortised cap: for
// long runs re-solves become geometrically spaced), and always at the last record point; at most
// kMaxIterations iterations per solve. The reported tolerance is the gap reached. Memory: every
// document is kept (4 bytes per distinct word + 20 bytes), so T·words is capped at 4·10^7.
#include <memory>
#include <string>

#include "online/bag_of_words.hpp"
#include "online/logistic_loss.hpp"
#include "online/logistic_solver.hpp"
#include "online/problems.hpp"

namespace gs::online {

namespace {

constexpr double kRelativeTolerance = 1e-6;
constexpr double kWorkPerDocument = 400;
constexpr int kMaxIterations = 500;
constexpr double kMaxStoredWords = 4e7;

BagOfWordsParams bag_params(const std::vector<double>& p) {
  BagOfWordsParams b;
  b.d = static_cast<size_t>(p[0]);
  b.words = static_cast<size_t>(p[1]);
  b.zipf = p[2];
  b.label_noise = p[3];
  b.seed = static_cast<uint64_t>(p[4]);
  return b;
}

class OnlineLogistic final : public Problem {
 public:
  OnlineLogistic(const std::vector<double>& params, const Domain& domain)
      : Problem(static_cast<size_t>(params[0]), domain), data_(bag_params(params)) {
    sparse_ = true;
    reference_.w.assign(d_, 0.0);
    reference_.gradient.assign(d_, 0.0);
  }

  double loss_and_gradient(const double* x, double* g) const override {
    const size_t s = t_ - 1;
    const double y = data_.label(s);
    double m = 0;
    for (const uint32_t* j = data_.begin(s); j != data_.end(s); ++j) m += x[*j];
    const double r = -y * logistic_weight(y * m);
    for (const uint32_t* j = data_.begin(s); j != data_.end(s); ++j) g[*j] = r;
    return logistic_loss(y * m);
  }

  void comparator(Comparator& out, bool last) override {
    double gap = domain_.duality_gap(reference_.w.data(), reference_.gradient.data(), d_);
    const double target = kRelativeTolerance * (1 + reference_.loss);
    if (gap > target && (last || static_cast<double>(work_) <= kWorkPerDocument * static_cast<double>(t_))) {
      SolveStats stats = solve_logistic(data_, domain_, reference_, target, kMaxIterations, step_);
      work_ += stats.work;
      gap = stats.gap;
    }
    out.t = t_;
    out.x = reference_.w;
    out.loss = reference_.loss;
    out.tolerance = gap;
  }

 private:
  void draw(uint64_t t) override {
    data_.draw_next();
    add_document(data_, t - 1, reference_);
    support_.assign(data_.begin(t - 1), data_.end(t - 1));
  }

  BagOfWords data_;
  LogisticPoint reference_;
  double step_ = 0;
  uint64_t work_ = 0;
};

std::string check_size(const std::vector<double>& params, uint64_t T) {
  const double stored = static_cast<double>(T) * params[1];
  if (stored <= kMaxStoredWords) return "";
  return "T: online_logistic keeps every document for its comparator, so T × words must be at most 40000000; "
         "got " + check::format_number(static_cast<double>(T)) + " × " + check::format_number(params[1]);
}

}  // namespace

template <>
std::unique_ptr<Problem> OnlineLogisticEntry::make(const std::vector<double>& params, const Domain& domain) {
  return std::make_unique<OnlineLogistic>(params, domain);
}

template <>
ProblemInfo OnlineLogisticEntry::info() {
  using check::ParamType;
  using check::Range;
  return {"online_logistic",
          "Sparse logistic regression (bag of words)",
          R"(f_t(w) = \log\!\big(1 + e^{-y_t\langle x_t, w\rangle}\big),\quad x_t \in \{0,1\}^d \text{ bag of words},\ P(\text{word } j) \propto j^{-s})",
          "A stream of synthetic documents, as in the Adam paper's IMDB experiment: each draws its words from a Zipf "
          "law over d features (a few frequent words, a long tail of rare ones), its label comes from a hidden "
          "sparse linear model and is flipped with probability label_noise, and the loss is logistic. Rare features "
          "are where per-coordinate step sizes (AdaGrad, Adam) beat one global step.",
          "Kingma & Ba, Adam, ICLR 2015, Section 6.1 (IMDB bag-of-words logistic regression); Zipf's law",
          "solved: spectral projected gradient on all documents so far, warm-started, certified by the duality gap "
          "(reported as the tolerance)",
          {dimension_param(1000, "d: vocabulary size (features)"),
           {"words", ParamType::Integer, 20, Range{1, 1000}, 1, 200, "log",
            "words drawn per document (distinct ones become its features): the density"},
           {"zipf", ParamType::Real, 1.1, Range{0, 3}, 0, 2, "linear",
            "s: word j (by rank) is drawn with probability ∝ j⁻ˢ (0: uniform)"},
           {"label_noise", ParamType::Real, 0.05, Range{0, 0.5}, 0, 0.5, "linear",
            "probability that a label is flipped"},
           seed_param()},
          0,
          DomainType::Ball,
          3,
          0,
          check_size};
}

}  // namespace gs::online
