// The seeded bag-of-words documents of the paper lab (data/sparse_dataset.hpp).
#include <gtest/gtest.h>

#include "data/sparse_dataset.hpp"

namespace gs {
namespace {

data::BagOfWordsTaskParams small_params() {
  data::BagOfWordsTaskParams p;
  p.train = 600;
  p.test = 200;
  return p;
}

TEST(DataBagOfWords, CsrIsWellFormed) {
  const data::SparseDataset d = data::make_bag_of_words(small_params());
  for (const data::SparseSet* set : {&d.train, &d.test}) {
    const data::CsrMatrix& x = set->x;
    ASSERT_EQ(x.offsets.size(), x.rows + 1);
    ASSERT_EQ(set->labels.size(), x.rows);
    EXPECT_EQ(x.cols, 10000u);
    EXPECT_EQ(x.indices.size(), x.values.size());
    for (size_t r = 0; r < x.rows; ++r) {
      ASSERT_LT(x.offsets[r], x.offsets[r + 1]);
      for (uint32_t k = x.offsets[r]; k < x.offsets[r + 1]; ++k) {
        EXPECT_LT(x.indices[k], 10000u);
        EXPECT_EQ(x.values[k], 1.0f);
        if (k > x.offsets[r]) {
          EXPECT_LT(x.indices[k - 1], x.indices[k]);
        }
      }
    }
  }
  EXPECT_EQ(d.train.x.rows, 600u);
  EXPECT_EQ(d.test.x.rows, 200u);
}

TEST(DataBagOfWords, DocumentsHoldAFewHundredWordsAndBothClasses) {
  const data::SparseDataset d = data::make_bag_of_words(small_params());
  const double distinct = double(d.train.x.nonzeros()) / double(d.train.x.rows);
  EXPECT_GT(distinct, 100);  // 300 Zipf draws, repeats merged
  EXPECT_LT(distinct, 300);
  double positive = 0;
  for (float y : d.train.labels) positive += y;
  EXPECT_GT(positive / 600, 0.4);
  EXPECT_LT(positive / 600, 0.6);
}

TEST(DataBagOfWords, SeedReproducesEveryDocument) {
  const data::SparseDataset a = data::make_bag_of_words(small_params());
  const data::SparseDataset b = data::make_bag_of_words(small_params());
  EXPECT_EQ(a.train.x.indices, b.train.x.indices);
  EXPECT_EQ(a.test.x.offsets, b.test.x.offsets);
  EXPECT_EQ(a.train.labels, b.train.labels);
  data::BagOfWordsTaskParams other = small_params();
  other.seed = 2;
  EXPECT_NE(data::make_bag_of_words(other).train.x.indices, a.train.x.indices);
}

TEST(DataBagOfWords, TestDocumentsContinueTheTrainingStream) {
  data::BagOfWordsTaskParams longer = small_params();
  longer.train = 800;
  longer.test = 1;
  const data::SparseDataset a = data::make_bag_of_words(small_params());
  const data::SparseDataset b = data::make_bag_of_words(longer);
  for (size_t r = 0; r < 200; ++r) {
    const auto& ta = a.test.x;
    const auto& tb = b.train.x;
    ASSERT_EQ(ta.offsets[r + 1] - ta.offsets[r], tb.offsets[600 + r + 1] - tb.offsets[600 + r]) << r;
    EXPECT_EQ(a.test.labels[r], b.train.labels[600 + r]);
  }
}

}  // namespace
}  // namespace gs
