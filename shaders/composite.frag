#version 450 core
// Final image: opaque colour, translucent layers resolved over it, then outlines from structure-id and depth
// discontinuities (dark between structures, gold around the selection), over a soft background gradient. The id
// target holds, per pixel, the structure id + 1 (0: background, 0x7FFFFFFF: an overlay) with the top bit set where
// the structure is selected, and the bits of its depth: every texel fetch counts on llvmpipe (this pass was the
// dearest of a full-size frame), so a neighbour is one fetch, and the selection's halo is looked for only when there
// is a selection.
uniform sampler2D uColor;
uniform usampler2D uIds; // id, depth bits
uniform sampler2D uAccum;
uniform sampler2D uReveal;
uniform int uAnySelected;
uniform vec3 uBackgroundTop;
uniform vec3 uBackgroundBottom;
uniform float uOutlineWidth; // in pixels of the render target
uniform int uHasTranslucent;

in vec2 vUv;
out vec4 outColor;

bool selectedId(uint id) {
    return (id & 0x80000000u) != 0u;
}

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 size = textureSize(uIds, 0);
    uvec2 here = texelFetch(uIds, p, 0).rg;
    uint id = here.r;
    vec3 bg = mix(uBackgroundBottom, uBackgroundTop, vUv.y);
    vec3 c = id == 0u ? bg : texelFetch(uColor, p, 0).rgb;

    // Outlines: compare ids and depths with the four neighbours at distance uOutlineWidth.
    int r = max(1, int(uOutlineWidth + 0.5));
    float d0 = uintBitsToFloat(here.g);
    float edge = 0.0;
    float selEdge = 0.0;
    bool sel = selectedId(id);
    ivec2 hi = size - 1;
    uvec2 n0 = texelFetch(uIds, min(p + ivec2(r, 0), hi), 0).rg;
    uvec2 n1 = texelFetch(uIds, max(p - ivec2(r, 0), ivec2(0)), 0).rg;
    uvec2 n2 = texelFetch(uIds, min(p + ivec2(0, r), hi), 0).rg;
    uvec2 n3 = texelFetch(uIds, max(p - ivec2(0, r), ivec2(0)), 0).rg;
    bvec4 other = bvec4(n0.r != id, n1.r != id, n2.r != id, n3.r != id);
    vec4 nd = vec4(uintBitsToFloat(n0.g), uintBitsToFloat(n1.g), uintBitsToFloat(n2.g), uintBitsToFloat(n3.g));
    bvec4 step = greaterThan(abs(nd - vec4(d0)), vec4(0.0015 * (1.0 - d0 + 0.02)));
    if (any(other))
        edge = 1.0;
    else if (any(step))
        edge = 0.5;
    if (uAnySelected != 0) {
        bvec4 selNear = bvec4(selectedId(n0.r), selectedId(n1.r), selectedId(n2.r), selectedId(n3.r));
        // A wider halo for the selection.
        int r2 = r * 2 + 1;
        bvec4 selFar = bvec4(selectedId(texelFetch(uIds, min(p + ivec2(r2, 0), hi), 0).r),
                             selectedId(texelFetch(uIds, max(p - ivec2(r2, 0), ivec2(0)), 0).r),
                             selectedId(texelFetch(uIds, min(p + ivec2(0, r2), hi), 0).r),
                             selectedId(texelFetch(uIds, max(p - ivec2(0, r2), ivec2(0)), 0).r));
        if (any(notEqual(selNear, bvec4(sel))))
            selEdge = 1.0;
        else if (any(notEqual(selFar, bvec4(sel))))
            selEdge = 0.6;
    }
    if (id != 0u || edge > 0.0)
        c = mix(c, c * 0.35, edge * 0.55);
    if (selEdge > 0.0)
        c = mix(c, vec3(1.0, 0.78, 0.15), selEdge);

    if (uHasTranslucent != 0) {
        float reveal = texelFetch(uReveal, p, 0).r;
        if (reveal < 0.9999) {
            vec4 accum = texelFetch(uAccum, p, 0);
            vec3 avg = accum.rgb / max(accum.a, 1e-5);
            c = mix(avg, c, reveal);
        }
    }
    outColor = vec4(c, 1.0);
}
