#pragma once
// One-page patient handout (PDF or PNG, chosen by the file extension) drawn with cairo: a title, the picture of the
// explanation, plain-language text, one self-care step with its dosage and safety notes, and the attribution line.
#include "io/image_io.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myoatlas::io {

struct HandoutContent {
    std::string title;                      // "Pain at the side of your head"
    Image image;                            // the explanation rendered on the body; may be empty
    std::string imageCaption;               // under the picture
    std::vector<std::string> explanation;   // plain-language paragraphs
    std::string selfCareTitle;              // "Self-care: massage ball"
    std::vector<std::string> selfCareSteps; // numbered
    std::vector<std::string> dosage;        // "How long: 30-90 s per spot", ...
    std::vector<std::string> safety;        // "Stop if ...", "Do not ..."
    std::string attribution;                // required licence line, printed at the foot of the page
    std::string footer;                     // e.g. "Made with MyoAtlas on 2024-05-01"
};

enum class HandoutFormat { Pdf, Png };
// From the extension (.pdf / .png, any case); throws core::UsageError otherwise.
[[nodiscard]] HandoutFormat handoutFormatFor(const std::filesystem::path& path);

// The A4 page as the bytes of a file (PDF: vector text; PNG: 150 dpi).
[[nodiscard]] std::string renderHandout(HandoutFormat format, const HandoutContent& content);
// Renders the page, then replaces the file atomically (an existing handout survives any failure). Throws
// core::DataError naming the file.
void writeHandout(const std::filesystem::path& path, const HandoutContent& content);

} // namespace myoatlas::io
