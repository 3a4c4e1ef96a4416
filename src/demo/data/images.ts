// Offline thumbnails: tiny deterministic SVGs as data: URIs (no extra route, no network).
import { hashString } from '@/demo/prng'

const PALETTE = ['1f77b4', 'ff7f0e', '2ca02c', 'd62728', '9467bd', '8c564b', 'e377c2', '7f7f7f', 'bcbd22', '17becf', '3b5b92', 'c44e52']
const BACKGROUNDS = ['eef2f7', 'f7f1e8', 'edf7ee', 'f5eef7', 'f2f2f2', 'e8f4f8', 'fbf3e4', 'eeeeff']

function encode(svg: string): string {
  return 'data:image/svg+xml,' + svg.replace(/</g, '%3C').replace(/>/g, '%3E').replace(/#/g, '%23').replace(/ /g, '%20')
}

/** A 64x48 picture: background plus one shape whose color follows `colorKey` (e.g. a concept). */
export function svgThumb(key: string, colorKey: string): string {
  const h = hashString(key)
  const c = PALETTE[hashString(colorKey) % PALETTE.length] ?? '777777'
  const bg = BACKGROUNDS[h % BACKGROUNDS.length] ?? 'ffffff'
  const x = 14 + (h >>> 4) % 36
  const y = 12 + (h >>> 10) % 24
  const r = 7 + (h >>> 16) % 9
  const shape =
    (h >>> 20) % 2 === 0
      ? `<circle cx='${x}' cy='${y}' r='${r}' fill='#${c}'/>`
      : `<rect x='${x - r}' y='${y - r}' width='${2 * r}' height='${2 * r}' rx='3' fill='#${c}'/>`
  return encode(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 48'><rect width='64' height='48' fill='#${bg}'/>${shape}</svg>`)
}

export interface Box {
  top: number
  left: number
  bottom: number
  right: number
  colorKey: string
}

/** A 64x48 picture with outlined boxes where the regions are (normalized coordinates). */
export function svgWithBoxes(key: string, boxes: Box[]): string {
  const bg = BACKGROUNDS[hashString(key) % BACKGROUNDS.length] ?? 'ffffff'
  const rects = boxes
    .map((b) => {
      const c = PALETTE[hashString(b.colorKey) % PALETTE.length] ?? '777777'
      const x = Math.round(b.left * 64)
      const y = Math.round(b.top * 48)
      const w = Math.max(1, Math.round((b.right - b.left) * 64))
      const hh = Math.max(1, Math.round((b.bottom - b.top) * 48))
      return `<rect x='${x}' y='${y}' width='${w}' height='${hh}' fill='#${c}' fill-opacity='.5'/>`
    })
    .join('')
  return encode(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 48'><rect width='64' height='48' fill='#${bg}'/>${rects}</svg>`)
}
