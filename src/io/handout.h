#pragma once
// One-page patient handout (PDF or PNG, chosen by the file extension) drawn with cairo: a title, two pictures side
// by side (where the pain comes from and goes, and the self-care on the body), plain-language text, the self-care
// steps with their dosage and safety notes, a ruled box for the therapist's notes, and the attribution line.
#include "io/image_io.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myoatlas::io {

struct HandoutContent {
    std::string title;                                    // "Pain at the side of your head"
    Image image;                                          // the explanation rendered on the body; may be empty
    std::string imageCaption;                             // under the picture
    Image careImage;                                      // the self-care technique on the body; may be empty
    std::string careCaption;                              // under it
    std::string notesTitle = "Notes from your therapist"; // a ruled box to write in; empty: none
    std::vector<std::string> explanation;                 // plain-language paragraphs
    std::string selfCareTitle;                            // "Self-care: massage ball"
    std::vector<std::string> selfCareSteps;               // numbered
    std::vector<std::string> dosage;                      // "How long: 30-90 s per spot", ...
    std::vector<std::string> safety;                      // "Stop if ...", "Do not ..."
    std::string attribution;                              // required licence line, printed at the foot of the page
    std::string footer;                                   // e.g. "Made with MyoAtlas on 2024-05-01"
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
