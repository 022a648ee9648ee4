#pragma once
// Work spread over threads, items handed out one at a time (their costs can differ by orders of magnitude: the skin
// against a small bone). The calling thread works too; it returns when every item is done. Callers write results by
// index, so the outcome does not depend on the thread count.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace myoatlas::core {

// The threads to use when the caller does not say: one per core, at most 8.
[[nodiscard]] inline unsigned defaultThreads() {
    return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

// Runs work(i) for every i in [begin, end) on up to `threads` threads.
template <class F> void forEachIndex(size_t begin, size_t end, unsigned threads, F&& work) {
    std::atomic<size_t> next{begin};
    auto run = [&] {
        for (size_t i = next++; i < end; i = next++)
            work(i);
    };
    const size_t count = end > begin ? end - begin : 0;
    std::vector<std::thread> pool;
    for (size_t t = 1; t < std::min<size_t>(threads, count); ++t)
        pool.emplace_back(run);
    run();
    for (auto& t : pool)
        t.join();
}

} // namespace myoatlas::core
