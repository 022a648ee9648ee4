#include "render/renderer.h"

#include "anatomy/fascia_sheets.h"
#include "core/error.h"
#include "geometry/frustum.h"
#include "geometry/tube_builder.h"
#include "render/gl_program.h"
#include "scene/colormap.h"
#include "scene/lod_select.h"
#include "scene/palette.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <glm/geometric.hpp>
#include <utility>

namespace myoatlas::render {
namespace {

struct StructureInfoGpu {
    glm::vec4 color;
    glm::vec4 params;
    glm::vec4 material; // fascia sheen and fibre direction (anatomy::fasciaMaterial); zero for other tissues
};

GLuint makeTexture(GLenum internal, int w, int h, GLenum filter) {
    GLuint t = 0;
    glCreateTextures(GL_TEXTURE_2D, 1, &t);
    glTextureStorage2D(t, 1, internal, w, h);
    glTextureParameteri(t, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(filter));
    glTextureParameteri(t, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(filter));
    glTextureParameteri(t, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTextureParameteri(t, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return t;
}

void checkFramebuffer(GLuint fbo, const char* what) {
    GLenum status = glCheckNamedFramebufferStatus(fbo, GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw core::GpuError(std::string("framebuffer '") + what + "' is incomplete (status 0x" +
                             std::to_string(status) + ")");
}

} // namespace

struct Renderer::Targets {
    int w = 0, h = 0;
    int hullW = 0, hullH = 0; // the envelope's distances at half resolution: only compared against, never shown
    GLuint color = 0, ids = 0, depth = 0, accum = 0, reveal = 0, final = 0, hull = 0;
    GLuint sceneFbo = 0, oitFbo = 0, finalFbo = 0, hullFbo = 0;
    ~Targets() {
        GLuint tex[] = {color, ids, depth, accum, reveal, final, hull};
        glDeleteTextures(7, tex);
        GLuint fbos[] = {sceneFbo, oitFbo, finalFbo, hullFbo};
        glDeleteFramebuffers(4, fbos);
    }
};

struct Renderer::GpuOverlay {
    GLuint vao = 0, vbo = 0, ibo = 0;
    GLsizei count = 0;
    float flowSpeed = 0.0f, flowWavelength = 0.12f;
    bool onTop = false;
    bool fadeFarSide = true;
};

// The GL objects holding the body, and where each structure's indices lie in them.
struct Renderer::Gpu {
    GLuint vao = 0, vbo = 0, ibo = 0, idVbo = 0, scalarVbo = 0, ssbo = 0, emptyVao = 0;
    GLuint heatRamp = 0;
    bool anySelected = false;      // this frame: the composite looks for the selection's outline
    std::vector<GLsizei> counts;   // per structure index count
    std::vector<size_t> offsets;   // per structure byte offset into the index buffer
    std::vector<GLint> baseVertex; // per structure first vertex
    struct Level {
        GLsizei count = 0;
        size_t offset = 0;
    };
    std::vector<std::vector<Level>> lods; // per structure, its chain of simplified index lists, finest first
    // Occlusion culling works on pieces of structures (geometry::clusterMesh): each list of indices holds its
    // triangles piece by piece. Per structure, its pieces' boxes (a little enlarged) and its first piece's number;
    // per structure and list (0 full, k level k - 1), where each piece starts in the index buffer (indices).
    std::vector<std::vector<geometry::Aabb>> boxes;
    std::vector<uint32_t> firstPiece;
    std::vector<std::vector<std::vector<uint32_t>>> pieceStarts;
    uint32_t pieces = 0;
    size_t vertices = 0, indices = 0;             // what the buffers hold
    size_t vertexCapacity = 0, indexCapacity = 0; // what they can hold (BodyBuffers' room)
    // Box tests: instances (min, max, slot) uploaded per test, a flag per piece set by the boxes that show.
    GLuint boxVao = 0, boxInstances = 0, shownNow = 0, shownAfter = 0;
    // The per-piece buffers, sized for `pieces` (the box tests' instances and answers).
    void makePieceBuffers() {
        if (boxInstances != 0) {
            GLuint old[] = {boxInstances, shownNow, shownAfter};
            glDeleteBuffers(3, old);
        }
        const GLsizeiptr flags = static_cast<GLsizeiptr>(std::max<uint32_t>(1, pieces) * sizeof(uint32_t));
        glCreateBuffers(1, &boxInstances);
        glNamedBufferStorage(boxInstances, flags * 8, nullptr, GL_DYNAMIC_STORAGE_BIT);
        glVertexArrayVertexBuffer(boxVao, 0, boxInstances, 0, 8 * sizeof(float));
        glCreateBuffers(1, &shownNow);
        glCreateBuffers(1, &shownAfter);
        glNamedBufferStorage(shownNow, flags, nullptr, GL_DYNAMIC_STORAGE_BIT);
        glNamedBufferStorage(shownAfter, flags, nullptr, GL_DYNAMIC_STORAGE_BIT);
        recheck.clear();
    }
    std::vector<uint32_t> recheck; // pieces whose boxes were tested after the last frame; shownAfter holds the answer
};

struct ShaderPrograms {
    GlProgram opaque{"body_opaque"};
    GlProgram oit{"body_translucent"};
    GlProgram composite{"composite"};
    GlProgram overlay{"overlay"};
    GlProgram hull{"hull"};
    GlProgram box{"occlusion_box"};
};

std::shared_ptr<ShaderPrograms> compileShaderPrograms() {
    if (!epoxy_has_gl_extension("GL_ARB_direct_state_access") && epoxy_gl_version() < 45)
        throw core::GpuError("OpenGL 4.5 is required (have " + std::to_string(epoxy_gl_version()) + ")");
    return std::make_shared<ShaderPrograms>();
}

void warmUpPipelines(const std::shared_ptr<ShaderPrograms>& programs, int windowWidth, int windowHeight) {
    // A muscle drawn opaque, and the skin, faded as the window shows it by default (the translucent pass).
    anatomy::Body body;
    const std::vector<glm::vec3> path{{0.0f, 0.0f, 0.0f}, {0.0f, 0.3f, 0.0f}};
    geometry::TubeOptions tube;
    for (const float radius : {0.05f, 0.08f}) {
        tube.radius = radius;
        body.meshes.push_back(geometry::buildTube(path, tube).mesh);
    }
    body.structures.resize(2);
    body.structures[0].category = anatomy::Category::Muscle;
    body.structures[0].layer = anatomy::Layer::SuperficialMuscle;
    body.structures[1].fma = "FMA7163";
    body.structures[1].category = anatomy::Category::Skin;
    body.structures[1].layer = anatomy::Layer::Skin;
    body.updateBounds();
    Renderer renderer(body, prepareBodyUpload(body, 1), programs);
    scene::ViewState view;
    view.camera.target = glm::vec3(0.0f, 0.15f, 0.0f);
    view.camera.distance = 1.0f;
    view.selection = {0};
    FrameInputs in;
    in.view = &view;
    in.width = 10;
    in.height = 6;
    // Without a window (EGL surfaceless) there is no framebuffer to blit to: only the passes are run.
    const bool window = glCheckNamedFramebufferStatus(0, GL_DRAW_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    renderer.render(in);
    if (window) {
        renderer.blitToScreen(std::max(1, windowWidth), std::max(1, windowHeight));
        renderer.blitToScreen(in.width, in.height);
    }
    in.supersample = 2;
    renderer.render(in);
    if (window)
        renderer.blitToScreen(in.width, in.height);
    glFinish();
    checkGl("warming up the pipelines");
}

namespace {

// The body's buffers hold this much room after the body (an eighth of it, and at least a little): the fascia and
// the modelled muscles need about a twentieth.
size_t withRoom(size_t count, size_t least) {
    return count + std::max(count / 8, least);
}

// Puts `bytes` of `data` (null: zeros) at `used` bytes into `buffer`, which holds `capacity` bytes: in place when
// they fit, else into a larger buffer that takes over what `buffer` held (which is deleted).
void appendToBuffer(GLuint& buffer, size_t used, size_t& capacity, const void* data, size_t bytes) {
    if (bytes == 0)
        return;
    if (used + bytes > capacity) {
        GLuint larger = 0;
        glCreateBuffers(1, &larger);
        glNamedBufferStorage(larger, static_cast<GLsizeiptr>(used + bytes), nullptr, GL_DYNAMIC_STORAGE_BIT);
        if (used > 0)
            glCopyNamedBufferSubData(buffer, larger, 0, 0, static_cast<GLsizeiptr>(used));
        glDeleteBuffers(1, &buffer);
        buffer = larger;
        capacity = used + bytes;
    }
    if (data)
        glNamedBufferSubData(buffer, static_cast<GLintptr>(used), static_cast<GLsizeiptr>(bytes), data);
    else
        glClearNamedBufferSubData(buffer, GL_R32F, static_cast<GLintptr>(used), static_cast<GLsizeiptr>(bytes), GL_RED,
                                  GL_FLOAT, nullptr);
}

// A whole body's layout in new vertex, id and index buffers (`out`) that hold this many vertices and indices: the
// content at once where it fills them, else at their start with the rest left for later.
void storeBody(const BodyUpload& upload, size_t vertexCapacity, size_t indexCapacity, GLuint out[3]) {
    glCreateBuffers(3, out);
    auto store = [](GLuint buffer, size_t capacity, const void* data, size_t bytes) {
        if (capacity == bytes) {
            glNamedBufferStorage(buffer, static_cast<GLsizeiptr>(std::max<size_t>(1, bytes)), data, 0);
            return;
        }
        glNamedBufferStorage(buffer, static_cast<GLsizeiptr>(capacity), nullptr, GL_DYNAMIC_STORAGE_BIT);
        if (bytes > 0)
            glNamedBufferSubData(buffer, 0, static_cast<GLsizeiptr>(bytes), data);
    };
    const size_t vertices = upload.ids.size();
    store(out[0], vertexCapacity * 6 * sizeof(float), upload.interleaved.data(), vertices * 6 * sizeof(float));
    store(out[1], vertexCapacity * sizeof(uint32_t), upload.ids.data(), vertices * sizeof(uint32_t));
    store(out[2], indexCapacity * sizeof(uint32_t), upload.indices.data(), upload.indices.size() * sizeof(uint32_t));
}

} // namespace

BodyBuffers::BodyBuffers(const BodyUpload& upload) {
    if (upload.vertexOrigin != 0 || upload.indexOrigin != 0)
        throw core::Error("body buffers are made from a whole body's layout, not from one laid out after another");
    vertices_ = upload.ids.size();
    indices_ = upload.indices.size();
    vertexCapacity_ = withRoom(vertices_, 16384);
    indexCapacity_ = withRoom(indices_, 65536);
    GLuint buffers[3];
    storeBody(upload, vertexCapacity_, indexCapacity_, buffers);
    vbo_ = buffers[0];
    idVbo_ = buffers[1];
    ibo_ = buffers[2];
    checkGl("BodyBuffers upload");
}

BodyBuffers::~BodyBuffers() {
    const GLuint buffers[] = {vbo_, idVbo_, ibo_};
    glDeleteBuffers(3, buffers); // zero names (taken over by a renderer) are ignored
}

Renderer::Renderer(const anatomy::Body& body) : Renderer(body, prepareBodyUpload(body)) {}

Renderer::Renderer(const anatomy::Body& body, BodyUpload upload, std::shared_ptr<ShaderPrograms> programs)
    : Renderer(body, std::move(upload), BodyUpload{}, std::move(programs)) {}

Renderer::Renderer(const anatomy::Body& body, BodyUpload upload, BodyUpload added,
                   std::shared_ptr<ShaderPrograms> programs, const std::shared_ptr<BodyBuffers>& buffers)
    : body_(body) {
    const bool twoParts = added.structures > 0;
    if ((twoParts ? added.structures : upload.structures) != body.size())
        throw core::Error("the prepared upload has " + std::to_string(twoParts ? added.structures : upload.structures) +
                          " structures, the body " + std::to_string(body.size()));
    if (upload.vertexOrigin != 0 || upload.indexOrigin != 0)
        throw core::Error("a renderer is made from a whole body's layout, not from one laid out after another");
    if (buffers && buffers->vbo_ == 0)
        throw core::Error("the body's buffers were taken over by another renderer");
    // The body's part: in the buffers made from it, else in the layout.
    const size_t bodyVertices = buffers ? buffers->vertices_ : upload.ids.size();
    const size_t bodyIndices = buffers ? buffers->indices_ : upload.indices.size();
    if (twoParts && (added.vertexOrigin != bodyVertices || added.indexOrigin != bodyIndices ||
                     added.interleaved.size() != added.ids.size() * 6))
        throw core::Error("the added structures' layout does not go after the body's");
    programs_ = programs ? std::move(programs) : compileShaderPrograms();
    gpu_ = std::make_unique<Gpu>();

    gpu_->counts.assign(upload.counts.begin(), upload.counts.end());
    gpu_->offsets = std::move(upload.offsets);
    gpu_->baseVertex.assign(upload.baseVertex.begin(), upload.baseVertex.end());
    gpu_->lods.resize(upload.structures);
    for (uint32_t s = 0; s < upload.structures; ++s)
        for (const auto& l : upload.lods[s])
            gpu_->lods[s].push_back({static_cast<GLsizei>(l.count), l.offset});
    lodErrors_ = std::move(upload.lodErrors);
    gpu_->pieceStarts = std::move(upload.pieceStarts);
    gpu_->boxes = std::move(upload.boxes);
    gpu_->firstPiece = std::move(upload.firstPiece);
    gpu_->pieces = upload.pieces;
    glCreateVertexArrays(1, &gpu_->vao);
    // One interleaved position+normal buffer, a structure-id stream and index buffer for all meshes, the body's
    // part then the added one; a scalar (heat) stream, zero.
    if (buffers) {
        gpu_->vbo = std::exchange(buffers->vbo_, 0);
        gpu_->idVbo = std::exchange(buffers->idVbo_, 0);
        gpu_->ibo = std::exchange(buffers->ibo_, 0);
        gpu_->vertexCapacity = buffers->vertexCapacity_;
        gpu_->indexCapacity = buffers->indexCapacity_;
    } else {
        gpu_->vertexCapacity = bodyVertices + added.ids.size();
        gpu_->indexCapacity = bodyIndices + added.indices.size();
        GLuint made[3];
        storeBody(upload, gpu_->vertexCapacity, gpu_->indexCapacity, made);
        gpu_->vbo = made[0];
        gpu_->idVbo = made[1];
        gpu_->ibo = made[2];
    }
    gpu_->vertices = bodyVertices;
    gpu_->indices = bodyIndices;
    glCreateBuffers(1, &gpu_->scalarVbo);
    glNamedBufferStorage(gpu_->scalarVbo,
                         static_cast<GLsizeiptr>(std::max<size_t>(1, gpu_->vertexCapacity) * sizeof(float)), nullptr,
                         GL_DYNAMIC_STORAGE_BIT);
    glClearNamedBufferData(gpu_->scalarVbo, GL_R32F, GL_RED, GL_FLOAT, nullptr);
    if (twoParts) {
        appendLayout(added);
        growListsTo(body.size());
        adoptLists(added);
        gpu_->pieces = added.pieces;
    }
    glVertexArrayVertexBuffer(gpu_->vao, 0, gpu_->vbo, 0, 6 * sizeof(float));
    glVertexArrayVertexBuffer(gpu_->vao, 1, gpu_->idVbo, 0, sizeof(uint32_t));
    glVertexArrayVertexBuffer(gpu_->vao, 2, gpu_->scalarVbo, 0, sizeof(float));
    glVertexArrayElementBuffer(gpu_->vao, gpu_->ibo);
    glEnableVertexArrayAttrib(gpu_->vao, 0);
    glVertexArrayAttribFormat(gpu_->vao, 0, 3, GL_FLOAT, GL_FALSE, 0);
    glVertexArrayAttribBinding(gpu_->vao, 0, 0);
    glEnableVertexArrayAttrib(gpu_->vao, 1);
    glVertexArrayAttribFormat(gpu_->vao, 1, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float));
    glVertexArrayAttribBinding(gpu_->vao, 1, 0);
    glEnableVertexArrayAttrib(gpu_->vao, 2);
    glVertexArrayAttribIFormat(gpu_->vao, 2, 1, GL_UNSIGNED_INT, 0);
    glVertexArrayAttribBinding(gpu_->vao, 2, 1);
    glEnableVertexArrayAttrib(gpu_->vao, 3);
    glVertexArrayAttribFormat(gpu_->vao, 3, 1, GL_FLOAT, GL_FALSE, 0);
    glVertexArrayAttribBinding(gpu_->vao, 3, 2);

    glCreateBuffers(1, &gpu_->ssbo);
    glNamedBufferStorage(gpu_->ssbo,
                         static_cast<GLsizeiptr>(std::max<size_t>(1, body.size()) * sizeof(StructureInfoGpu)), nullptr,
                         GL_DYNAMIC_STORAGE_BIT);
    glCreateVertexArrays(1, &gpu_->emptyVao);

    glCreateTextures(GL_TEXTURE_2D, 1, &gpu_->heatRamp);
    glTextureStorage2D(gpu_->heatRamp, 1, GL_RGBA8, 256, 1);
    glTextureParameteri(gpu_->heatRamp, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTextureParameteri(gpu_->heatRamp, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTextureParameteri(gpu_->heatRamp, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTextureParameteri(gpu_->heatRamp, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // The one heat ramp (scene/colormap.h): the window, headless renders and handouts paint with the same colours.
    const std::vector<uint8_t> ramp = scene::heatLut(256);
    glTextureSubImage2D(gpu_->heatRamp, 0, 0, 0, 256, 1, GL_RGBA, GL_UNSIGNED_BYTE, ramp.data());

    glCreateVertexArrays(1, &gpu_->boxVao);
    gpu_->makePieceBuffers();
    glVertexArrayBindingDivisor(gpu_->boxVao, 0, 1);
    for (GLuint a = 0; a < 2; ++a) {
        glEnableVertexArrayAttrib(gpu_->boxVao, a);
        glVertexArrayAttribFormat(gpu_->boxVao, a, 3, GL_FLOAT, GL_FALSE, a * 3 * sizeof(float));
        glVertexArrayAttribBinding(gpu_->boxVao, a, 0);
    }
    glEnableVertexArrayAttrib(gpu_->boxVao, 2);
    glVertexArrayAttribIFormat(gpu_->boxVao, 2, 1, GL_UNSIGNED_INT, 6 * sizeof(float));
    glVertexArrayAttribBinding(gpu_->boxVao, 2, 0);
    occlusion_.reset(gpu_->pieces);

    checkGl("Renderer upload");
}

void Renderer::fillStructures(BodyUpload tail) {
    if (tail.vertexOrigin != gpu_->vertices || tail.indexOrigin != gpu_->indices || tail.structures != body_.size() ||
        tail.interleaved.size() != tail.ids.size() * 6)
        throw core::Error("fillStructures: the layout does not go after this renderer's buffers");
    appendLayout(tail);
    glVertexArrayVertexBuffer(gpu_->vao, 0, gpu_->vbo, 0, 6 * sizeof(float));
    glVertexArrayVertexBuffer(gpu_->vao, 1, gpu_->idVbo, 0, sizeof(uint32_t));
    glVertexArrayVertexBuffer(gpu_->vao, 2, gpu_->scalarVbo, 0, sizeof(float));
    glVertexArrayElementBuffer(gpu_->vao, gpu_->ibo);
    adoptLists(tail);
    gpu_->pieces = tail.pieces;
    gpu_->makePieceBuffers();
    occlusion_.reset(gpu_->pieces); // what was hidden is learnt again over the next frames
    checkGl("Renderer fillStructures");
}

void Renderer::appendLayout(const BodyUpload& tail) {
    // Into the buffers' room, else into larger buffers (the old content copied over on the GL side).
    const size_t added = tail.ids.size();
    size_t vertexBytes = gpu_->vertexCapacity * 6 * sizeof(float), idBytes = gpu_->vertexCapacity * sizeof(uint32_t),
           scalarBytes = gpu_->vertexCapacity * sizeof(float), indexBytes = gpu_->indexCapacity * sizeof(uint32_t);
    appendToBuffer(gpu_->vbo, gpu_->vertices * 6 * sizeof(float), vertexBytes, tail.interleaved.data(),
                   added * 6 * sizeof(float));
    appendToBuffer(gpu_->idVbo, gpu_->vertices * sizeof(uint32_t), idBytes, tail.ids.data(), added * sizeof(uint32_t));
    appendToBuffer(gpu_->scalarVbo, gpu_->vertices * sizeof(float), scalarBytes, nullptr,
                   added * sizeof(float)); // heat kept; the room is zero already, a larger buffer is cleared
    appendToBuffer(gpu_->ibo, gpu_->indices * sizeof(uint32_t), indexBytes, tail.indices.data(),
                   tail.indices.size() * sizeof(uint32_t));
    gpu_->vertexCapacity = vertexBytes / (6 * sizeof(float));
    gpu_->indexCapacity = indexBytes / sizeof(uint32_t);
    gpu_->vertices += added;
    gpu_->indices += tail.indices.size();
}

void Renderer::growListsTo(size_t structures) {
    gpu_->counts.resize(structures, 0);
    gpu_->offsets.resize(structures, 0);
    gpu_->baseVertex.resize(structures, 0);
    gpu_->lods.resize(structures);
    lodErrors_.resize(structures);
    gpu_->pieceStarts.resize(structures);
    gpu_->boxes.resize(structures);
    gpu_->firstPiece.resize(structures, 0);
}

void Renderer::adoptLists(BodyUpload& tail) {
    // The structures the layout placed (every placed structure has its full list's pieces).
    for (uint32_t s = 0; s < tail.pieceStarts.size(); ++s) {
        if (tail.pieceStarts[s].empty())
            continue;
        gpu_->counts[s] = static_cast<GLsizei>(tail.counts[s]);
        gpu_->offsets[s] = tail.offsets[s];
        gpu_->baseVertex[s] = tail.baseVertex[s];
        gpu_->lods[s].clear();
        for (const auto& l : tail.lods[s])
            gpu_->lods[s].push_back({static_cast<GLsizei>(l.count), l.offset});
        lodErrors_[s] = std::move(tail.lodErrors[s]);
        gpu_->pieceStarts[s] = std::move(tail.pieceStarts[s]);
        gpu_->boxes[s] = std::move(tail.boxes[s]);
        gpu_->firstPiece[s] = tail.firstPiece[s];
    }
}

Renderer::~Renderer() {
    overlays_.clear();
    setOverlays({});
    GLuint buffers[] = {gpu_->vbo,  gpu_->ibo,          gpu_->idVbo,    gpu_->scalarVbo,
                        gpu_->ssbo, gpu_->boxInstances, gpu_->shownNow, gpu_->shownAfter};
    glDeleteBuffers(8, buffers);
    GLuint vaos[] = {gpu_->vao, gpu_->emptyVao, gpu_->boxVao};
    glDeleteVertexArrays(3, vaos);
    glDeleteTextures(1, &gpu_->heatRamp);
}

void Renderer::setHeat(uint32_t structure, std::span<const float> values) {
    if (structure >= body_.size() || values.size() != body_.meshes[structure].vertexCount())
        throw core::Error("heat values do not match the structure's vertex count");
    glNamedBufferSubData(gpu_->scalarVbo, static_cast<GLintptr>(gpu_->baseVertex[structure] * sizeof(float)),
                         static_cast<GLsizeiptr>(values.size() * sizeof(float)), values.data());
    if (std::find(heatStructures_.begin(), heatStructures_.end(), structure) == heatStructures_.end())
        heatStructures_.push_back(structure);
}

void Renderer::clearHeat() {
    for (uint32_t s : heatStructures_) {
        std::vector<float> zeros(body_.meshes[s].vertexCount(), 0.0f);
        glNamedBufferSubData(gpu_->scalarVbo, static_cast<GLintptr>(gpu_->baseVertex[s] * sizeof(float)),
                             static_cast<GLsizeiptr>(zeros.size() * sizeof(float)), zeros.data());
    }
    heatStructures_.clear();
}

void Renderer::setOverlays(std::vector<OverlayMesh> overlays) {
    for (auto& o : overlays_) {
        glDeleteVertexArrays(1, &o.vao);
        glDeleteBuffers(1, &o.vbo);
        glDeleteBuffers(1, &o.ibo);
    }
    overlays_.clear();
    for (const auto& o : overlays) {
        if (o.mesh.indices.empty())
            continue;
        GpuOverlay g;
        std::vector<float> data;
        data.reserve(o.mesh.vertexCount() * 11);
        for (size_t v = 0; v < o.mesh.vertexCount(); ++v) {
            const auto& p = o.mesh.positions[v];
            glm::vec3 n = v < o.mesh.normals.size() ? o.mesh.normals[v] : glm::vec3(0, 1, 0);
            glm::vec4 c = v < o.colors.size() ? o.colors[v] : glm::vec4(1.0f);
            float param = v < o.params.size() ? o.params[v] : 0.0f;
            data.insert(data.end(), {p.x, p.y, p.z, n.x, n.y, n.z, c.r, c.g, c.b, c.a, param});
        }
        glCreateVertexArrays(1, &g.vao);
        glCreateBuffers(1, &g.vbo);
        glCreateBuffers(1, &g.ibo);
        glNamedBufferStorage(g.vbo, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), 0);
        glNamedBufferStorage(g.ibo, static_cast<GLsizeiptr>(o.mesh.indices.size() * sizeof(uint32_t)),
                             o.mesh.indices.data(), 0);
        glVertexArrayVertexBuffer(g.vao, 0, g.vbo, 0, 11 * sizeof(float));
        glVertexArrayElementBuffer(g.vao, g.ibo);
        const GLint sizes[] = {3, 3, 4, 1};
        GLuint offset = 0;
        for (GLuint a = 0; a < 4; ++a) {
            glEnableVertexArrayAttrib(g.vao, a);
            glVertexArrayAttribFormat(g.vao, a, sizes[a], GL_FLOAT, GL_FALSE, offset * sizeof(float));
            glVertexArrayAttribBinding(g.vao, a, 0);
            offset += static_cast<GLuint>(sizes[a]);
        }
        g.count = static_cast<GLsizei>(o.mesh.indices.size());
        g.flowSpeed = o.flowSpeed;
        g.flowWavelength = o.flowWavelength;
        g.onTop = o.onTop;
        g.fadeFarSide = o.fadeFarSide;
        overlays_.push_back(g);
    }
    checkGl("setOverlays");
}

void Renderer::ensureTargets(int w, int h) {
    if (targets_ && targets_->w == w && targets_->h == h)
        return;
    targets_.reset();
    auto t = std::make_unique<Targets>();
    t->w = w;
    t->h = h;
    t->color = makeTexture(GL_RGBA8, w, h, GL_NEAREST);
    t->ids = makeTexture(GL_RG32UI, w, h, GL_NEAREST); // id and depth: one fetch per neighbour in the composite
    t->depth = makeTexture(GL_DEPTH_COMPONENT24, w, h, GL_NEAREST);
    t->accum = makeTexture(GL_RGBA16F, w, h, GL_NEAREST);
    t->reveal = makeTexture(GL_R16F, w, h, GL_NEAREST);
    t->final = makeTexture(GL_RGBA8, w, h, GL_LINEAR);
    glCreateFramebuffers(1, &t->sceneFbo);
    glNamedFramebufferTexture(t->sceneFbo, GL_COLOR_ATTACHMENT0, t->color, 0);
    glNamedFramebufferTexture(t->sceneFbo, GL_COLOR_ATTACHMENT1, t->ids, 0);
    glNamedFramebufferTexture(t->sceneFbo, GL_DEPTH_ATTACHMENT, t->depth, 0);
    const GLenum two[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glNamedFramebufferDrawBuffers(t->sceneFbo, 2, two);
    checkFramebuffer(t->sceneFbo, "scene");
    glCreateFramebuffers(1, &t->oitFbo);
    glNamedFramebufferTexture(t->oitFbo, GL_COLOR_ATTACHMENT0, t->accum, 0);
    glNamedFramebufferTexture(t->oitFbo, GL_COLOR_ATTACHMENT1, t->reveal, 0);
    glNamedFramebufferTexture(t->oitFbo, GL_DEPTH_ATTACHMENT, t->depth, 0);
    glNamedFramebufferDrawBuffers(t->oitFbo, 2, two);
    checkFramebuffer(t->oitFbo, "translucent");
    glCreateFramebuffers(1, &t->finalFbo);
    glNamedFramebufferTexture(t->finalFbo, GL_COLOR_ATTACHMENT0, t->final, 0);
    checkFramebuffer(t->finalFbo, "final");
    t->hullW = std::max(1, w / 2);
    t->hullH = std::max(1, h / 2);
    t->hull = makeTexture(GL_RG32F, t->hullW, t->hullH, GL_NEAREST);
    glCreateFramebuffers(1, &t->hullFbo);
    glNamedFramebufferTexture(t->hullFbo, GL_COLOR_ATTACHMENT0, t->hull, 0);
    checkFramebuffer(t->hullFbo, "body envelope");
    targets_ = std::move(t);
    checkGl("ensureTargets");
}

void Renderer::uploadStructureInfo(const FrameInputs& in) {
    const auto& view = *in.view;
    std::vector<StructureInfoGpu> info(body_.size());
    gpu_->anySelected = false;
    for (uint32_t s = 0; s < body_.size(); ++s) {
        const auto& st = body_.structures[s];
        bool sel = view.isSelected(s);
        gpu_->anySelected = gpu_->anySelected || sel;
        bool heat = std::find(heatStructures_.begin(), heatStructures_.end(), s) != heatStructures_.end();
        bool dim = !in.dimmed.empty() && s < in.dimmed.size() && in.dimmed[s];
        info[s].color = glm::vec4(scene::structureColor(st), view.opacity(body_, s));
        info[s].params =
            glm::vec4(sel ? 1.0f : 0.0f, in.hovered == s ? 1.0f : 0.0f, heat ? 1.0f : 0.0f, dim ? 1.0f : 0.0f);
        info[s].material = anatomy::fasciaMaterial(st);
    }
    glNamedBufferSubData(gpu_->ssbo, 0, static_cast<GLsizeiptr>(info.size() * sizeof(StructureInfoGpu)), info.data());
}

FrameStats Renderer::render(const FrameInputs& in) {
    if (!in.view)
        throw core::Error("Renderer::render without a view state");
    FrameStats stats;
    int ss = std::clamp(in.supersample, 1, 4);
    int w = std::max(1, in.width * ss), h = std::max(1, in.height * ss);
    outWidth_ = in.width;
    outHeight_ = in.height;
    ensureTargets(w, h);
    uploadStructureInfo(in);

    const auto& view = *in.view;
    float aspect = static_cast<float>(w) / static_cast<float>(h);
    glm::mat4 viewProj = view.camera.projection(aspect) * view.camera.view();
    glm::vec3 eye = view.camera.eye();
    // Key light from the viewer's upper left, fill from the right, both following the camera.
    glm::mat4 v = view.camera.view();
    glm::vec3 right(v[0][0], v[1][0], v[2][0]), up(v[0][1], v[1][1], v[2][1]);
    glm::vec3 back = glm::normalize(eye - view.camera.target);
    glm::vec3 key = glm::normalize(back * 0.9f + up * 0.7f - right * 0.5f);
    glm::vec3 fill = glm::normalize(back * 0.6f + right * 0.8f - up * 0.2f);

    // Pixels per metre at unit distance, for the level-of-detail choice: output pixels, so that supersampling
    // sharpens edges without asking for more triangles.
    const float pixelsPerMetreAtOne = scene::pixelsPerMetreAtUnitDistance(view.camera.fovY, in.height);
    // Visible structures by pass. Opaque ones are drawn nearest first, so that early depth testing rejects the
    // fragments of what they hide (close-ups are bound by fragment work on llvmpipe).
    struct Opaque {
        float key;
        uint32_t structure;
        size_t level;
        bool whole; // drawn whole, untested (occlusion off, a small mesh, or the eye at its boxes)
    };
    std::vector<Opaque> opaque;
    std::vector<GLsizei> tCounts;
    std::vector<const void*> tOffsets;
    const geometry::Frustum frustum(viewProj); // close-ups (a technique's contact) leave most of the body out
    readOcclusionCounts();
    occlusion_.beginFrame();
    const float nearPlane = view.camera.nearPlane();
    for (auto layer : anatomy::kAllLayers) {
        for (uint32_t s = 0; s < body_.size(); ++s) {
            if (body_.structures[s].layer != layer || !view.isVisible(body_, s))
                continue;
            if (gpu_->counts[s] == 0)
                continue; // no triangles (the fascia's structures while it is generated): nothing at any level
            if (in.cull && !frustum.intersects(body_.structures[s].bounds)) {
                stats.culledStructures++;
                continue;
            }
            float a = view.opacity(body_, s);
            bool translucent = a < 0.995f;
            // A structure carrying heat keeps full detail: thin patterns would turn blocky on the simplified mesh.
            bool heated = std::find(heatStructures_.begin(), heatStructures_.end(), s) != heatStructures_.end();
            const float nearest = std::sqrt(body_.structures[s].bounds.distance2(eye));
            size_t level = heated ? 0 : scene::selectLod(lodErrors_[s], nearest, pixelsPerMetreAtOne, in.lodPixels);
            bool lod = level > 0;
            GLsizei count = lod ? gpu_->lods[s][level - 1].count : gpu_->counts[s];
            size_t offset = lod ? gpu_->lods[s][level - 1].offset : gpu_->offsets[s];
            if (!translucent) {
                // Layer by layer (outer ones hide inner ones), nearest first within a layer. Only opaque
                // structures hide others; translucent ones are always drawn.
                float key = static_cast<float>(anatomy::index(layer)) * 100.0f + nearest;
                bool whole =
                    !in.occlusion || !scene::worthTesting(static_cast<size_t>(count / 3),
                                                          scene::eyeNearBounds(gpu_->boxes[s], eye, nearPlane));
                opaque.push_back({key, s, level, whole});
                continue; // counted as its pieces are drawn
            }
            tCounts.push_back(count);
            tOffsets.push_back(reinterpret_cast<const void*>(offset));
            stats.drawnStructures++;
            stats.lodStructures += lod ? 1 : 0;
            stats.drawnTriangles += static_cast<size_t>(count / 3);
            stats.translucentStructures++;
        }
    }
    std::stable_sort(opaque.begin(), opaque.end(), [](const Opaque& a, const Opaque& b) { return a.key < b.key; });

    glViewport(0, 0, w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, targets_->sceneFbo);
    const float black[] = {0, 0, 0, 0};
    const GLuint zeroId[] = {0, 0x3F800000u, 0, 0}; // no structure, at depth 1.0
    glClearBufferfv(GL_COLOR, 0, black);
    glClearBufferuiv(GL_COLOR, 1, zeroId);
    glClearDepth(1.0);
    glClear(GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, gpu_->ssbo);
    glBindTextureUnit(0, gpu_->heatRamp);
    glBindVertexArray(gpu_->vao);
    for (GlProgram* p : {&programs_->opaque, &programs_->oit}) {
        p->set("uViewProj", viewProj);
        p->set("uEye", eye);
        p->set("uKeyDir", key);
        p->set("uFillDir", fill);
        p->set("uHeatRamp", 0);
        p->set("uHeatPulse", in.heatPulse);
    }

    // Opaque structures nearest first, piece by piece, in one multi-draw (a structure's neighbouring pieces in one
    // range), but for the pieces hidden last frame: their boxes are tested against the depth drawn so far (it only
    // comes nearer later, so a box hidden now stays hidden), then comes the one wait of the frame for the answers,
    // then the pieces that showed are drawn. Whatever is skipped was hidden in this very frame: the image is the
    // same as drawing everything, and nothing appears a frame late.
    struct Piece {
        uint32_t structure, piece; // piece: global number
        uint32_t begin, end;       // indices into the index buffer
    };
    std::vector<Piece> tests, recheck;
    std::vector<GLsizei> counts;
    std::vector<const void*> offsets;
    std::vector<uint8_t> drawnNow(body_.size(), 0);
    auto addRange = [&](uint32_t s, uint32_t begin, uint32_t end) {
        if (end <= begin)
            return;
        const void* at = reinterpret_cast<const void*>(static_cast<size_t>(begin) * sizeof(uint32_t));
        // Continues the previous range of the same structure: one longer range.
        if (!counts.empty() && reinterpret_cast<size_t>(offsets.back()) + counts.back() * sizeof(uint32_t) ==
                                   static_cast<size_t>(begin) * sizeof(uint32_t))
            counts.back() += static_cast<GLsizei>(end - begin);
        else {
            counts.push_back(static_cast<GLsizei>(end - begin));
            offsets.push_back(at);
        }
        stats.drawnTriangles += (end - begin) / 3;
        drawnNow[s] = 1;
    };
    auto drawBody = [&] {
        if (!counts.empty()) {
            programs_->opaque.use();
            glMultiDrawElements(GL_TRIANGLES, counts.data(), GL_UNSIGNED_INT, offsets.data(),
                                static_cast<GLsizei>(counts.size()));
        }
        counts.clear();
        offsets.clear();
    };
    for (const Opaque& o : opaque) {
        const auto& starts = gpu_->pieceStarts[o.structure][o.level];
        if (o.whole) {
            addRange(o.structure, starts.front(), starts.back());
            drawnNow[o.structure] = 1; // drawn, even when it has no triangle to draw
            continue;
        }
        for (size_t k = 0; k + 1 < starts.size(); ++k) {
            Piece p{o.structure, gpu_->firstPiece[o.structure] + static_cast<uint32_t>(k), starts[k], starts[k + 1]};
            if (p.end <= p.begin)
                continue; // no triangle of this piece at this level
            if (occlusion_.hiddenLastFrame(p.piece)) {
                tests.push_back(p);
                continue;
            }
            addRange(p.structure, p.begin, p.end);
            if (occlusion_.dueForRecheck(p.piece))
                recheck.push_back(p);
        }
    }
    drawBody();
    // Box tests: depth test only, nothing written, both sides (a box cut by the far plane still shows its near
    // side); a box that shows marks its piece in `shown`.
    std::vector<float> instances;
    auto testBoxes = [&](const std::vector<Piece>& list, GLuint shown) {
        const uint32_t zero = 0;
        glClearNamedBufferData(shown, GL_R32UI, GL_RED_INTEGER, GL_UNSIGNED_INT, &zero);
        instances.clear();
        for (const Piece& p : list) {
            const auto& b = gpu_->boxes[p.structure][p.piece - gpu_->firstPiece[p.structure]];
            float slot;
            std::memcpy(&slot, &p.piece, sizeof slot);
            instances.insert(instances.end(), {b.min.x, b.min.y, b.min.z, b.max.x, b.max.y, b.max.z, slot, 0.0f});
        }
        glNamedBufferSubData(gpu_->boxInstances, 0, static_cast<GLsizeiptr>(instances.size() * sizeof(float)),
                             instances.data());
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        glDepthMask(GL_FALSE);
        glDepthFunc(GL_LEQUAL);
        glDisable(GL_CULL_FACE);
        programs_->box.use();
        programs_->box.set("uViewProj", viewProj);
        glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 2, shown);
        glBindVertexArray(gpu_->boxVao);
        glDrawArraysInstanced(GL_TRIANGLES, 0, 36, static_cast<GLsizei>(list.size()));
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glDepthMask(GL_TRUE);
        glDepthFunc(GL_LESS);
        glEnable(GL_CULL_FACE);
        glBindVertexArray(gpu_->vao);
        glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
    };
    if (!tests.empty()) {
        testBoxes(tests, gpu_->shownNow);
        std::vector<uint32_t> shown(gpu_->pieces, 0);
        glGetNamedBufferSubData(gpu_->shownNow, 0, static_cast<GLsizeiptr>(shown.size() * sizeof(uint32_t)),
                                shown.data());
        for (const Piece& p : tests) {
            if (shown[p.piece] == 0) {
                stats.occludedPieces++;
                continue; // still hidden: tested again next frame
            }
            occlusion_.seen(p.piece, true);
            addRange(p.structure, p.begin, p.end);
            recheck.push_back(p);
        }
        drawBody();
    }
    for (const Opaque& o : opaque) {
        if (!drawnNow[o.structure]) {
            stats.occludedStructures++;
            continue;
        }
        stats.drawnStructures++;
        stats.lodStructures += o.level > 0 ? 1 : 0;
    }
    gpu_->recheck.clear();
    if (!recheck.empty() && scene::OcclusionHistory::rechecks(ss)) {
        // Whether the pieces drawn still show once every opaque structure is in: read by the next frame (this one
        // is finished by then: no wait), which tests the hidden ones before drawing them.
        testBoxes(recheck, gpu_->shownAfter);
        for (const Piece& p : recheck)
            gpu_->recheck.push_back(p.piece);
    }
    programs_->overlay.set("uGhost", 0);
    drawOverlays(in, viewProj, false);
    checkGl("opaque pass");
    bool hasTranslucent = !tCounts.empty();
    if (hasTranslucent) {
        glBindFramebuffer(GL_FRAMEBUFFER, targets_->oitFbo);
        const float one[] = {1, 1, 1, 1};
        glClearBufferfv(GL_COLOR, 0, black);
        glClearBufferfv(GL_COLOR, 1, one);
        glDepthMask(GL_FALSE);
        glEnable(GL_BLEND);
        glBlendFunci(0, GL_ONE, GL_ONE);
        glBlendFunci(1, GL_ZERO, GL_ONE_MINUS_SRC_COLOR);
        glBindVertexArray(gpu_->vao);
        programs_->oit.use();
        glMultiDrawElements(GL_TRIANGLES, tCounts.data(), GL_UNSIGNED_INT, tOffsets.data(),
                            static_cast<GLsizei>(tCounts.size()));
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
        checkGl("translucent pass");
    }

    glBindFramebuffer(GL_FRAMEBUFFER, targets_->finalFbo);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    auto& c = programs_->composite;
    c.use();
    glBindTextureUnit(0, targets_->color);
    glBindTextureUnit(1, targets_->ids);
    glBindTextureUnit(3, targets_->accum);
    glBindTextureUnit(4, targets_->reveal);
    c.set("uColor", 0);
    c.set("uIds", 1);
    c.set("uAccum", 3);
    c.set("uReveal", 4);
    c.set("uAnySelected", gpu_->anySelected ? 1 : 0);
    c.set("uBackgroundTop", in.backgroundTop);
    c.set("uBackgroundBottom", in.backgroundBottom);
    c.set("uOutlineWidth", static_cast<float>(ss));
    c.set("uHasTranslucent", hasTranslucent ? 1 : 0);
    glBindVertexArray(gpu_->emptyVao);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    // Markers that must read through every layer go over the finished image, with a depth test among
    // themselves only; those in the far half of the body fade (measured against the skin's entry and exit).
    bool anyOnTop = std::any_of(overlays_.begin(), overlays_.end(), [](const GpuOverlay& o) { return o.onTop; });
    if (anyOnTop) {
        bool fade = std::any_of(overlays_.begin(), overlays_.end(),
                                [](const GpuOverlay& o) { return o.onTop && o.fadeFarSide; });
        bool hull = fade && drawHull(viewProj, eye);
        auto& p = programs_->overlay;
        p.set("uHull", 6);
        p.set("uHullScale", static_cast<float>(targets_->hullW) / static_cast<float>(w));
        glBindTextureUnit(6, targets_->hull);
        glBindFramebuffer(GL_FRAMEBUFFER, targets_->finalFbo);
        glViewport(0, 0, w, h);
        glNamedFramebufferTexture(targets_->finalFbo, GL_DEPTH_ATTACHMENT, targets_->depth, 0);
        glEnable(GL_DEPTH_TEST);
        glClear(GL_DEPTH_BUFFER_BIT);
        glEnable(GL_BLEND); // faded fragments blend; the image keeps its opaque alpha
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
        drawOverlays(in, viewProj, true, hull);
        glDisable(GL_BLEND);
        p.set("uGhost", 0);
        glNamedFramebufferTexture(targets_->finalFbo, GL_DEPTH_ATTACHMENT, 0, 0);
        glDisable(GL_DEPTH_TEST);
    }
    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    checkGl("composite");
    return stats;
}

void Renderer::readOcclusionCounts() {
    if (gpu_->recheck.empty())
        return;
    std::vector<uint32_t> shown(gpu_->pieces, 1);
    glGetNamedBufferSubData(gpu_->shownAfter, 0, static_cast<GLsizeiptr>(shown.size() * sizeof(uint32_t)),
                            shown.data());
    for (uint32_t piece : gpu_->recheck)
        occlusion_.seen(piece, shown[piece] != 0);
    gpu_->recheck.clear();
}

void Renderer::drawOverlays(const FrameInputs& in, const glm::mat4& viewProj, bool onTop, bool hullReady) {
    if (overlays_.empty())
        return;
    auto& p = programs_->overlay;
    p.use();
    p.set("uViewProj", viewProj);
    p.set("uEye", in.view->camera.eye());
    glm::vec3 back = glm::normalize(in.view->camera.eye() - in.view->camera.target);
    p.set("uKeyDir", glm::normalize(back + glm::vec3(0, 0.7f, 0)));
    p.set("uFillDir", back);
    p.set("uTime", in.time);
    glDisable(GL_CULL_FACE);
    for (const auto& o : overlays_) {
        if (o.onTop != onTop)
            continue;
        if (onTop)
            p.set("uGhost", o.fadeFarSide && hullReady ? 1 : 0);
        p.set("uFlowSpeed", o.flowSpeed);
        p.set("uFlowWavelength", o.flowWavelength);
        glBindVertexArray(o.vao);
        glDrawElements(GL_TRIANGLES, o.count, GL_UNSIGNED_INT, nullptr);
    }
    glEnable(GL_CULL_FACE);
}

bool Renderer::drawHull(const glm::mat4& viewProj, const glm::vec3& eye) {
    std::optional<uint32_t> skin = body_.skin();
    if (!skin)
        return false;
    glBindFramebuffer(GL_FRAMEBUFFER, targets_->hullFbo);
    glViewport(0, 0, targets_->hullW, targets_->hullH);
    const float far[] = {1.0e6f, 1.0e6f, 0.0f, 0.0f};
    glClearBufferfv(GL_COLOR, 0, far);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendEquation(GL_MIN);
    auto& h = programs_->hull;
    h.use();
    h.set("uViewProj", viewProj);
    h.set("uEye", eye);
    glBindVertexArray(gpu_->vao);
    // The simplified skin is close enough to tell near from far, at a fraction of the cost.
    const auto& lods = gpu_->lods[*skin];
    bool lod = !lods.empty();
    glDrawElements(GL_TRIANGLES, lod ? lods.front().count : gpu_->counts[*skin], GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(lod ? lods.front().offset : gpu_->offsets[*skin]));
    glBlendEquation(GL_FUNC_ADD);
    glDisable(GL_BLEND);
    checkGl("body envelope");
    return true;
}

core::Image Renderer::readPixels() const {
    core::Image img;
    if (!targets_)
        return img;
    // Filter the supersampled frame down to the output size through a linear blit.
    GLuint tex = 0, fbo = 0;
    glCreateTextures(GL_TEXTURE_2D, 1, &tex);
    glTextureStorage2D(tex, 1, GL_RGBA8, outWidth_, outHeight_);
    glCreateFramebuffers(1, &fbo);
    glNamedFramebufferTexture(fbo, GL_COLOR_ATTACHMENT0, tex, 0);
    glBlitNamedFramebuffer(targets_->finalFbo, fbo, 0, 0, targets_->w, targets_->h, 0, 0, outWidth_, outHeight_,
                           GL_COLOR_BUFFER_BIT, targets_->w == outWidth_ ? GL_NEAREST : GL_LINEAR);
    img.width = outWidth_;
    img.height = outHeight_;
    img.rgba.resize(static_cast<size_t>(outWidth_) * outHeight_ * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTextureImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, static_cast<GLsizei>(img.rgba.size()), img.rgba.data());
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    img.flipVertically();
    return img;
}

void Renderer::bindFinalTarget(int& width, int& height) const {
    if (!targets_)
        throw core::Error("bindFinalTarget before the first frame");
    glBindFramebuffer(GL_FRAMEBUFFER, targets_->finalFbo);
    width = targets_->w;
    height = targets_->h;
}

void Renderer::blitToScreen(int width, int height) const {
    if (!targets_)
        return;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width, height); // the UI drawn next uses the whole window
    glBlitNamedFramebuffer(targets_->finalFbo, 0, 0, 0, targets_->w, targets_->h, 0, 0, width, height,
                           GL_COLOR_BUFFER_BIT, targets_->w == width ? GL_NEAREST : GL_LINEAR);
}

} // namespace myoatlas::render
