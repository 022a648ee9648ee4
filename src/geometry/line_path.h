#pragma once
// The path of an Anatomy Trains line: a smooth polyline that visits the line's stations in order and runs through
// each of its track muscles, along the muscle's centreline or, for a sheet or dome, over its surface (not a straight
// line between landmarks).
#include "geometry/mesh.h"

#include <glm/vec3.hpp>
#include <span>
#include <vector>

namespace myoatlas::geometry {

struct LineWaypoint {
    enum class Kind { Station, Track };
    // How the line runs through a track: along the muscle's medial centreline (fusiform and strap muscles), or over
    // its surface from where the line arrives toward where it goes next (sheets and domes whose centreline would
    // lie in the hollow they enclose; a crossing such as the linea alba). Auto picks the centreline when it stays
    // inside the muscle.
    enum class Route { Auto, Centreline, Surface };
    Kind kind = Kind::Station;
    glm::vec3 point{0.0f};           // Station: the point (a resolved landmark)
    std::vector<const Mesh*> meshes; // Track: the muscle's meshes (not owned; alive during buildLinePath)
    Route route = Route::Auto;

    [[nodiscard]] static LineWaypoint station(const glm::vec3& p) { return {Kind::Station, p, {}, Route::Auto}; }
    [[nodiscard]] static LineWaypoint track(std::vector<const Mesh*> meshes, Route route = Route::Auto) {
        return {Kind::Track, glm::vec3(0.0f), std::move(meshes), route};
    }
};

struct LinePathOptions {
    float sampleSpacing = 0.004f; // metres between output samples
    float controlSpacing = 0.02f; // centreline points are thinned to about this spacing before smoothing
    float centrelineSliceSpacing = 0.015f;
    float minJoinAngleCos = 0.0f; // a track's leading/trailing centreline point is dropped while the turn into
                                  // it is sharper than this (cos of the turn angle; 0 = more than 90 degrees)
    float smoothing = 0.012f;     // metres: width of the final Laplacian smoothing (stations and ends pinned);
                                  // removes centroid wobble shorter than a few cm. 0: none
    // Route::Auto keeps the centreline when at least this share of its interior points lie inside the muscle or
    // within surfaceTolerance of it; centreline points further out are moved onto the surface.
    float minCentrelineInside = 0.8f;
    float surfaceTolerance = 0.003f;
    int relaxIterations = 12; // smoothing passes over a track's control points that keep them on the muscle
};

struct WaypointVisit {
    LineWaypoint::Kind kind = LineWaypoint::Kind::Station;
    // Station: arc length of the sample nearest the station and its distance. Track: the arc length where the path
    // enters and leaves the track's centreline (begin <= end), arcLength their mean, distance the largest gap from
    // any used centreline point to the path.
    float arcLength = 0.0f;
    float begin = 0.0f;
    float end = 0.0f;
    float distance = 0.0f;
    std::vector<glm::vec3> centreline; // Track: the control points used, in order (for tests and debug drawing)
    LineWaypoint::Route route = LineWaypoint::Route::Auto; // Track: the route taken (Centreline or Surface)
};

struct LinePath {
    std::vector<glm::vec3> points;     // evenly spaced samples, first and last included
    std::vector<float> arcLength;      // per sample
    std::vector<WaypointVisit> visits; // one per waypoint, in input order
    float length = 0.0f;
};

// Builds the path. Each centreline track is oriented so the line enters at the end nearer the previous waypoint
// and leaves toward the next (minimising the two join distances); a surface track is the surfaceRoute from where
// the line arrives, aimed at the next waypoint. The track's points are thinned, and joined to its neighbours by a
// centripetal Catmull-Rom spline through all control points (C1, no cusps); a centreline end point that would
// make the line double back at a join (a station beyond the muscle's tip, overlapping tracks) is dropped. The
// evenly resampled spline is then smoothed with the stations pinned, so the path passes exactly through every
// station and within a few millimetres of every centreline point (WaypointVisit::distance says how far).
// An empty input gives an empty path; a single station a one-point path.
[[nodiscard]] LinePath buildLinePath(std::span<const LineWaypoint> waypoints, const LinePathOptions& options = {});

} // namespace myoatlas::geometry
