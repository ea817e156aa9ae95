#pragma once
#include <algorithm>
#include <thread>
#include <vector>

namespace tfn {
namespace detail {

template <typename To, typename From>
inline To convert_element(From x) {
  if constexpr (std::is_same_v<To, bool>) return x != From(0);
  else return static_cast<To>(x);
}

// Axis reversal of an array with dims d (row-major offsets Q, column-major offsets P).
// kToCol: src is row-major. Blocks of the (first, last) axis pair keep both sides cache-friendly.
template <bool kToCol, typename From, typename To>
void reverse_axes(const From* src, To* dst, const Dims& d) {
  std::size_t r = d.size();
  std::int64_t n = num_elements(d);
  if (n == 0) return;
  if (r <= 1) {
    for (std::int64_t i = 0; i < n; ++i) dst[i] = convert_element<To>(src[i]);
    return;
  }
  Dims P(r), Q(r);
  P[0] = 1;
  for (std::size_t k = 1; k < r; ++k) P[k] = P[k - 1] * d[k - 1];
  Q[r - 1] = 1;
  for (std::size_t k = r - 1; k-- > 0;) Q[k] = Q[k + 1] * d[k + 1];
  const std::int64_t rows = d[0], cols = d[r - 1];
  const std::int64_t row_q = Q[0], col_p = P[r - 1];
  const std::int64_t middle = n / (rows * cols);
  constexpr std::int64_t B = 32;

  auto work = [&](std::int64_t r0, std::int64_t r1) {
    Dims idx(r, 0);
    std::int64_t in_base = 0, out_base = 0;
    for (std::int64_t m = 0; m < middle; ++m) {
      for (std::int64_t ib = r0; ib < r1; ib += B) {
        std::int64_t ie = std::min(ib + B, r1);
        for (std::int64_t jb = 0; jb < cols; jb += B) {
          std::int64_t je = std::min(jb + B, cols);
          for (std::int64_t i = ib; i < ie; ++i) {
            for (std::int64_t j = jb; j < je; ++j) {
              std::int64_t rm = in_base + i * row_q + j;      // row-major offset
              std::int64_t cm = out_base + i + j * col_p;     // column-major offset
              if constexpr (kToCol) dst[cm] = convert_element<To>(src[rm]);
              else dst[rm] = convert_element<To>(src[cm]);
            }
          }
        }
      }
      // Next middle index (axes 1 .. r-2), last of them fastest.
      for (std::size_t k = r - 2; k >= 1; --k) {
        if (++idx[k] < d[k]) { in_base += Q[k]; out_base += P[k]; break; }
        in_base -= Q[k] * (d[k] - 1);
        out_base -= P[k] * (d[k] - 1);
        idx[k] = 0;
      }
    }
  };
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  unsigned n_threads = n >= (1 << 22) ? std::min<unsigned>(hw, static_cast<unsigned>(std::max<std::int64_t>(1, rows / B))) : 1;
  if (n_threads <= 1) { work(0, rows); return; }
  std::vector<std::thread> threads;
  std::int64_t per = ((rows + n_threads - 1) / n_threads + B - 1) / B * B;
  for (unsigned t = 0; t < n_threads; ++t) {
    std::int64_t a = t * per, b = std::min(rows, a + per);
    if (a >= b) break;
    threads.emplace_back(work, a, b);
  }
  for (auto& th : threads) th.join();
}

}  // namespace detail

template <typename From, typename To>
void rowmajor_to_colmajor(const From* src, To* dst, const Dims& shape) {
  detail::reverse_axes<true>(src, dst, shape);
}

template <typename From, typename To>
void colmajor_to_rowmajor(const From* src, To* dst, const Dims& shape) {
  detail::reverse_axes<false>(src, dst, shape);
}

}  // namespace tfn
