#include "io/handout.h"

#include "core/atomic_file.h"

#include "core/error.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo.h>
#include <cctype>
#include <memory>
#include <sstream>
#include <vector>

namespace myoatlas::io {
namespace {

constexpr double kPageW = 595.0, kPageH = 842.0; // A4 in points
constexpr double kMargin = 48.0;
constexpr double kPngScale = 150.0 / 72.0;
const char* kFont = "DejaVu Sans";

struct Colour {
    double r, g, b;
};
constexpr Colour kInk{0.10, 0.11, 0.13}, kAccent{0.72, 0.36, 0.05}, kMuted{0.38, 0.40, 0.44}, kWarn{0.65, 0.10, 0.08};

class Page {
public:
    explicit Page(cairo_t* cr, bool draw = true) : cr_(cr), draw_(draw) {}
    double y = kMargin;
    double left = kMargin, right = kPageW - kMargin; // the column text is set in

    // Word-wrapped text block; returns nothing, advances y.
    void paragraph(const std::string& text, double size, Colour c, bool bold = false, double indent = 0.0,
                   const std::string& bullet = "") {
        cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
        cairo_set_source_rgb(cr_, c.r, c.g, c.b);
        const double x0 = left + indent, width = right - x0;
        double lineH = size * 1.35;
        if (!bullet.empty() && draw_) {
            cairo_move_to(cr_, x0 - size * 1.3, y + size);
            cairo_show_text(cr_, bullet.c_str());
        }
        std::istringstream words(text);
        std::string word, line;
        auto flush = [&] {
            if (draw_) {
                cairo_move_to(cr_, x0, y + size);
                cairo_show_text(cr_, line.c_str());
            }
            y += lineH;
            line.clear();
        };
        while (words >> word) {
            std::string candidate = line.empty() ? word : line + " " + word;
            cairo_text_extents_t ext;
            cairo_text_extents(cr_, candidate.c_str(), &ext);
            if (ext.x_advance > width && !line.empty()) {
                flush();
                line = word;
            } else {
                line = candidate;
            }
        }
        if (!line.empty())
            flush();
        y += size * 0.35;
    }
    void gap(double h) { y += h; }
    void rule() {
        if (!draw_) {
            y += 10;
            return;
        }
        cairo_set_source_rgb(cr_, 0.85, 0.86, 0.88);
        cairo_set_line_width(cr_, 0.8);
        cairo_move_to(cr_, left, y);
        cairo_line_to(cr_, right, y);
        cairo_stroke(cr_);
        y += 10;
    }
    // A ruled box to write in, `h` points high.
    void notesBox(const std::string& title, double h) {
        if (draw_) {
            cairo_set_source_rgb(cr_, 0.55, 0.57, 0.60);
            cairo_set_line_width(cr_, 0.8);
            cairo_rectangle(cr_, left, y, right - left, h);
            cairo_stroke(cr_);
            cairo_set_source_rgb(cr_, 0.85, 0.86, 0.88);
            for (double ly = y + 40; ly < y + h - 8; ly += 22) {
                cairo_move_to(cr_, left + 10, ly);
                cairo_line_to(cr_, right - 10, ly);
                cairo_stroke(cr_);
            }
        }
        const double top = y;
        y += 6;
        left += 10;
        paragraph(title, 11, kAccent, true);
        left -= 10;
        y = top + h + 6;
    }
    // The picture scaled into the column, at most maxH high.
    void image(const Image& img, double maxH) {
        if (img.empty() || maxH <= 0.0)
            return;
        if (!draw_) {
            y += std::min((right - left) / img.width, maxH / img.height) * img.height + 6;
            return;
        }
        // cairo wants premultiplied BGRA (native-endian ARGB32).
        auto surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height);
        unsigned char* data = cairo_image_surface_get_data(surface);
        int stride = cairo_image_surface_get_stride(surface);
        for (int yy = 0; yy < img.height; ++yy)
            for (int xx = 0; xx < img.width; ++xx) {
                const uint8_t* p = img.pixel(xx, yy);
                uint8_t* q = data + static_cast<size_t>(yy) * stride + xx * 4;
                unsigned a = p[3];
                q[0] = static_cast<uint8_t>(p[2] * a / 255);
                q[1] = static_cast<uint8_t>(p[1] * a / 255);
                q[2] = static_cast<uint8_t>(p[0] * a / 255);
                q[3] = static_cast<uint8_t>(a);
            }
        cairo_surface_mark_dirty(surface);
        double maxW = right - left;
        double s = std::min(maxW / img.width, maxH / img.height);
        double w = img.width * s, h = img.height * s;
        double x = left + (maxW - w) / 2;
        cairo_save(cr_);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_clip(cr_);
        cairo_translate(cr_, x, y);
        cairo_scale(cr_, s, s);
        cairo_set_source_surface(cr_, surface, 0, 0);
        // The PDF keeps the picture at its own resolution (an embedded image), not resampled to the page.
        cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
        cairo_paint(cr_);
        cairo_restore(cr_);
        cairo_surface_destroy(surface);
        y += h + 6;
    }

private:
    cairo_t* cr_;
    bool draw_ = true;
};

// What is going on, from `page.y` on.
void drawExplanation(Page& page, const HandoutContent& c) {
    page.paragraph("What is going on", 13, kAccent, true);
    for (const auto& p : c.explanation)
        page.paragraph(p, 10, kInk);
}

// The self-care steps and their dosage.
void drawCare(Page& page, const HandoutContent& c) {
    if (c.selfCareTitle.empty())
        return;
    page.paragraph(c.selfCareTitle, 13, kAccent, true);
    int n = 1;
    for (const auto& s : c.selfCareSteps)
        page.paragraph(s, 10, kInk, false, 15, std::to_string(n++) + ".");
    for (const auto& d : c.dosage)
        page.paragraph(d, 9, kInk, false, 15, "-");
}

void drawSafety(Page& page, const HandoutContent& c) {
    if (c.safety.empty())
        return;
    page.paragraph("Safety", 12, kWarn, true);
    for (const auto& s : c.safety)
        page.paragraph(s, 9, kInk, false, 15, "!");
}

constexpr double kColumnGap = 14.0;
constexpr double kColumnW = (kPageW - 2 * kMargin - kColumnGap) / 2;

// Two columns from `top`: the pattern's picture, its caption and the explanation on the left; the self-care
// picture, its caption and steps on the right (a sheet without a self-care picture keeps the column for the
// steps). Pictures at most imageH high. Returns the height of the taller column.
double drawColumns(cairo_t* cr, const HandoutContent& c, double top, double imageH, bool draw) {
    Page left(cr, draw), right(cr, draw);
    left.y = right.y = top;
    left.right = kMargin + kColumnW;
    right.left = left.right + kColumnGap;
    left.image(c.image, imageH);
    if (!c.image.empty() && !c.imageCaption.empty())
        left.paragraph(c.imageCaption, 9, kMuted);
    left.gap(4);
    drawExplanation(left, c);
    right.image(c.careImage, imageH);
    if (!c.careImage.empty() && !c.careCaption.empty())
        right.paragraph(c.careCaption, 9, kMuted);
    right.gap(4);
    drawCare(right, c);
    return std::max(left.y, right.y) - top;
}

void drawPage(cairo_t* cr, const HandoutContent& c) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    constexpr double kFootTop = kPageH - kMargin - 36;
    constexpr double kNotesH = 72.0;
    Page page(cr);
    page.paragraph(c.title, 22, kInk, true);
    page.rule();
    // The pictures get what the text and the notes box leave above the footer (at most square in their column):
    // measure everything with no picture first.
    Page measure(cr, false);
    measure.y = 0;
    drawSafety(measure, c);
    const double notes = c.notesTitle.empty() ? 0.0 : kNotesH + 10;
    const double columns = drawColumns(cr, c, 0.0, 0.0, false);
    const double imageH = std::min(kColumnW, kFootTop - page.y - columns - measure.y - notes - 24);
    page.y += drawColumns(cr, c, page.y, imageH, true) + 6;
    drawSafety(page, c);
    if (!c.notesTitle.empty()) {
        page.gap(4);
        page.notesBox(c.notesTitle, std::max(kNotesH, kFootTop - page.y - 8));
    }
    // Foot of the page: attribution (required by the BodyParts3D licence) and the footer.
    Page foot(cr);
    foot.y = kFootTop;
    foot.rule();
    foot.paragraph(c.attribution, 7.5, kMuted);
    if (!c.footer.empty())
        foot.paragraph(c.footer, 7.5, kMuted);
}

void check(cairo_status_t status, const std::filesystem::path& path) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw core::DataError(path.string(),
                              std::string("cannot write the handout: ") + cairo_status_to_string(status));
}

} // namespace

HandoutFormat handoutFormatFor(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (ext == ".pdf")
        return HandoutFormat::Pdf;
    if (ext == ".png")
        return HandoutFormat::Png;
    throw core::UsageError("handout output must end in .pdf or .png (got '" + path.string() + "')");
}

std::string renderHandout(HandoutFormat format, const HandoutContent& content) {
    std::string bytes;
    auto append = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    const std::filesystem::path name = format == HandoutFormat::Pdf ? "handout.pdf" : "handout.png";
    if (format == HandoutFormat::Pdf) {
        cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, kPageW, kPageH);
        check(cairo_surface_status(surface), name);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, content.title.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "MyoAtlas");
        cairo_t* cr = cairo_create(surface);
        drawPage(cr, content);
        cairo_show_page(cr);
        auto status = cairo_status(cr);
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        auto finished = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        check(status, name);
        check(finished, name);
        return bytes;
    }
    int w = static_cast<int>(kPageW * kPngScale), h = static_cast<int>(kPageH * kPngScale);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, kPngScale, kPngScale);
    drawPage(cr, content);
    auto status = cairo_status(cr);
    cairo_destroy(cr);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream(surface, append, &bytes);
    cairo_surface_destroy(surface);
    check(status, name);
    return bytes;
}

void writeHandout(const std::filesystem::path& path, const HandoutContent& content) {
    // The whole page is rendered in memory first, then replaces the file atomically: a failure at any point leaves
    // an earlier handout of the same name as it was.
    core::writeFileAtomically(path, renderHandout(handoutFormatFor(path), content));
}

} // namespace myoatlas::io
