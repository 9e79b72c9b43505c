/**
 * The offline world map: Natural Earth country outlines (world-atlas, 1:110m, bundled into the
 * app by Vite at build time; nothing is fetched) in the Natural Earth projection, as SVG path data.
 */
import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { feature } from 'topojson-client'
import countries from 'world-atlas/countries-110m.json'

export const MAP_WIDTH = 960
export const MAP_HEIGHT = 500

let projection: GeoProjection | null = null
let outlines: { id: string; name: string; d: string }[] | null = null
let sphere: string | null = null

function theProjection(): GeoProjection {
  projection ??= geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'Sphere' })
  return projection
}

/** Each country's outline as path data, computed once on first use (the map's outlines never change). */
export function countryOutlines(): { id: string; name: string; d: string }[] {
  if (outlines) return outlines
  const topo = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const path = geoPath(theProjection())
  outlines = feature(topo, topo.objects.countries).features.map((f, i) => ({ id: String(f.id ?? i), name: f.properties.name, d: path(f) ?? '' }))
  return outlines
}

/** The globe's edge, drawn behind the countries as the sea. */
export function sphereOutline(): string {
  sphere ??= geoPath(theProjection())({ type: 'Sphere' }) ?? ''
  return sphere
}

/** Map coordinates of a place, or null where the projection has none. */
export function projectPoint(lon: number, lat: number): [number, number] | null {
  return theProjection()([lon, lat])
}
