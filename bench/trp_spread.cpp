// The referral animation as a class sees it, on the real body: for each trigger point, the frame that
// `myoatlas render --trp ID --time T` draws (no --view: the camera faces the pattern and frames the knot and the
// whole zone) at t = 0 and at t = 3 s, and how many image rows differ between the two. A row differs when at least
// 3 of its pixels change by more than 24 of 255 in some channel (the knot and the body are the same in both frames;
// 24 leaves out resampling noise, far below the heat ramp's smallest step over the grey body).
// Usage: trp_spread [--all] [--size WxH] [--out DIR] [ID ...]
//   Prints one row per trigger point (id, side, rows that differ, their share of the height, yaw of the view) and a
//   summary; exits 1 when a trigger point named on the command line (with --all: any) differs over less than a
//   third of the height. --out writes both frames of each as PNG.
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "app/heat_feature.h"
#include "app/render_command.h"
#include "core/error.h"
#include "io/body_loader.h"
#include "io/image_io.h"
#include "platform/egl_context.h"
#include "render/renderer.h"
#include "scene/options.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace myoatlas;

namespace {

int differingRows(const core::Image& a, const core::Image& b) {
    int rows = 0;
    for (int y = 0; y < a.height; ++y) {
        int changed = 0;
        for (int x = 0; x < a.width && changed < 3; ++x) {
            const uint8_t *p = a.pixel(x, y), *q = b.pixel(x, y);
            for (int c = 0; c < 3; ++c)
                if (std::abs(int(p[c]) - int(q[c])) > 24) {
                    ++changed;
                    break;
                }
        }
        rows += changed >= 3 ? 1 : 0;
    }
    return rows;
}

} // namespace

int main(int argc, char** argv) {
    bool all = false;
    std::string size = "480x360", outDir;
    std::vector<std::string> ids;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--all")
            all = true;
        else if (a == "--size" && i + 1 < argc)
            size = argv[++i];
        else if (a == "--out" && i + 1 < argc)
            outDir = argv[++i];
        else
            ids.push_back(a);
    }
    try {
        auto [w, h] = scene::parseSize(size);
        if (!outDir.empty())
            std::filesystem::create_directories(outDir);
        io::LoadOptions lo;
        lo.dataDir = io::locateData(std::nullopt);
        anatomy::Body body = io::loadBody(lo);
        anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas");
        anatomy::AtlasResolver resolver(atlas, body);
        app::FeatureContext context{body, &atlas, &resolver, {}};
        if (all)
            for (const auto& t : atlas.triggerPoints)
                if (std::find(ids.begin(), ids.end(), t.id) == ids.end())
                    ids.push_back(t.id);

        platform::EglContext gl;
        render::Renderer renderer(body);
        app::FeatureHost host(context, renderer);
        app::HeatFeature* heat = nullptr;
        for (auto& f : host.features())
            if (auto* hf = dynamic_cast<app::HeatFeature*>(f.get()))
                heat = hf;
        if (!heat)
            throw core::Error("no heat feature");
        const float aspect = static_cast<float>(w) / static_cast<float>(h);
        int pass = 0, fail = 0;
        double now = 0.0;
        std::printf("%-12s %-5s %6s %6s %7s\n", "trp", "side", "rows", "share", "yaw_deg");
        for (const auto& id : ids) {
            const anatomy::TriggerPoint* trp = atlas.triggerPoint(id);
            if (!trp) {
                std::printf("%-12s unknown\n", id.c_str());
                ++fail;
                continue;
            }
            const bool right = trp->sides.empty() || std::find(trp->sides.begin(), trp->sides.end(),
                                                               anatomy::Side::Right) != trp->sides.end();
            const std::string side = right ? "right" : "left";
            core::Image frames[2];
            float yaw = 0.0f;
            for (int k = 0; k < 2; ++k) {
                app::RenderRequest request;
                request.triggerPoints = {id};
                request.side = side;
                request.time = k == 0 ? 0.0f : 3.0f;
                scene::AppState state;
                scene::applyStillRequest(context, request, state, aspect);
                host.update(state, now += 0.1);
                heat->finishPending();
                host.update(state, now += 0.1);
                if (auto pose = heat->framing(state, aspect))
                    state.view.camera = *pose;
                yaw = state.view.camera.yaw;
                std::vector<uint8_t> dimmed;
                host.sync(dimmed);
                render::FrameInputs in;
                in.view = &state.view;
                in.width = w;
                in.height = h;
                in.supersample = 1;
                in.dimmed = dimmed;
                in.time = request.time;
                in.heatPulse = host.heatPulse();
                (void)renderer.render(in);
                frames[k] = renderer.readPixels();
                if (!outDir.empty()) {
                    std::string file = id;
                    std::replace(file.begin(), file.end(), '/', '_'); // LONGISS-T10/L1
                    io::writePng(outDir + "/" + file + (k == 0 ? "_t0.png" : "_t3.png"), frames[k]);
                }
            }
            const int rows = differingRows(frames[0], frames[1]);
            const bool ok = 3 * rows >= h;
            (ok ? pass : fail) += 1;
            std::printf("%-12s %-5s %6d %6.2f %7.0f %s\n", id.c_str(), side.c_str(), rows,
                        static_cast<double>(rows) / h, static_cast<double>(std::remainder(yaw, 6.2831853f)) * 57.2958,
                        ok ? "" : "LESS THAN A THIRD");
            std::fflush(stdout);
        }
        std::printf("%d of %zu trigger points differ over at least a third of the height\n", pass, ids.size());
        return fail == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "trp_spread: %s\n", e.what());
        return 2;
    }
}
