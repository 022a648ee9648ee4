// Shared lighting: a soft key light from the viewer's upper left, a fill from the right, a sky/ground ambient and a
// rim term that outlines forms against the background (reads well on a projector).
uniform vec3 uEye;
uniform vec3 uKeyDir;  // towards the light, world space
uniform vec3 uFillDir;

vec3 shade(vec3 base, vec3 n, vec3 world, float rimStrength) {
    vec3 v = normalize(uEye - world);
    if (dot(n, v) < 0.0)
        n = -n; // two-sided: inner walls of open meshes shade like outer ones
    float key = max(dot(n, uKeyDir), 0.0);
    float fill = max(dot(n, uFillDir), 0.0);
    float hemi = 0.5 + 0.5 * n.y;
    vec3 ambient = mix(vec3(0.30, 0.28, 0.30), vec3(0.46, 0.46, 0.50), hemi);
    vec3 h = normalize(uKeyDir + v);
    float spec = pow(max(dot(n, h), 0.0), 40.0) * 0.18;
    float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0) * rimStrength;
    vec3 c = base * (ambient + 0.62 * key + 0.22 * fill) + vec3(spec) + rim * vec3(0.9, 0.92, 1.0);
    return c;
}
