import { useState } from 'react'
import { inputSummary, inputThumbnail } from '@/lib/datasets.ts'
import { imageSize, shapeGeometry, shapesSummary, type RegionShape } from '@/lib/regions.ts'

/**
 * A small picture of an input (image, else video thumbnail), or a line of its text. With
 * `regions` (from the input's annotations), their boxes and polygons are drawn over the picture.
 */
export function InputThumbnail({
  input,
  size = 'sm',
  regions = [],
  predicted = [],
  alt: altText,
}: {
  input: unknown
  /** The picture's text alternative; the input's kind by default. */
  alt?: string
  /** `fill`: as wide as its container, square. */
  size?: 'sm' | 'md' | 'fill'
  /** Regions of the input's annotations (ground truth), drawn solid. */
  regions?: readonly RegionShape[]
  /** Regions a model predicted, drawn dashed. */
  predicted?: readonly RegionShape[]
}) {
  const url = inputThumbnail(input)
  const [natural, setNatural] = useState<{ width: number; height: number } | undefined>(undefined)
  const box = size === 'fill' ? 'aspect-square w-full' : size === 'md' ? 'h-24 w-32' : 'h-8 w-11'
  const shapes = [...regions.map((shape) => ({ shape, isPredicted: false })), ...predicted.map((shape) => ({ shape, isPredicted: true }))]
  if (url) {
    const alt = altText ?? (inputSummary(input) === 'Video' ? 'Video thumbnail' : 'Input image')
    if (shapes.length === 0) {
      return <img src={url} alt={alt} loading="lazy" decoding="async" className={`${box} rounded border border-slate-200 bg-slate-50 object-cover dark:border-slate-700 dark:bg-slate-900`} />
    }
    // The picture is contained, not cropped, and the overlay's view box is the picture's own size
    // with the same fit, so fractions of the image land where they belong.
    const { width, height } = imageSize(input) ?? natural ?? { width: 4, height: 3 }
    const summary = [shapesSummary(regions), predicted.length > 0 ? `predicted ${shapesSummary(predicted)}` : ''].filter(Boolean).join('; ')
    return (
      <span className={`relative inline-block ${box} shrink-0 overflow-hidden rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900`} data-testid="input-regions">
        <img
          src={url}
          alt={`${alt}, ${summary}`}
          loading="lazy"
          decoding="async"
          onLoad={(event) => {
            const { naturalWidth, naturalHeight } = event.currentTarget
            if (naturalWidth > 0 && naturalHeight > 0) setNatural({ width: naturalWidth, height: naturalHeight })
          }}
          className="h-full w-full object-contain"
        />
        <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true" className="pointer-events-none absolute inset-0 h-full w-full">
          {shapes.map(({ shape, isPredicted }, i) => {
            const g = shapeGeometry(shape, width, height)
            const color = isPredicted ? PREDICTED_COLOR : REGION_COLORS[i % REGION_COLORS.length]
            const common = { fill: 'none', stroke: color, strokeWidth: 2, strokeDasharray: isPredicted ? '4 3' : undefined, vectorEffect: 'non-scaling-stroke' as const, 'data-shape': `${isPredicted ? 'predicted' : 'truth'}-${shape.kind}` }
            const title = [isPredicted ? 'predicted' : '', shape.label ?? '', shape.score !== undefined ? shape.score.toFixed(2) : ''].filter(Boolean).join(' ')
            return 'points' in g ? (
              <polygon key={i} points={g.points} {...common}>
                {title && <title>{title}</title>}
              </polygon>
            ) : (
              <rect key={i} x={g.x} y={g.y} width={g.w} height={g.h} {...common}>
                {title && <title>{title}</title>}
              </rect>
            )
          })}
        </svg>
      </span>
    )
  }
  const text = inputSummary(input)
  return (
    <span title={text} className={`${size === 'md' ? 'line-clamp-4 w-32 text-xs' : 'line-clamp-1 max-w-xs text-xs'} text-slate-600 dark:text-slate-400`}>
      {text ?? '—'}
    </span>
  )
}

/** Outline colors that stay visible on light and dark pictures. */
const REGION_COLORS = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2']
const PREDICTED_COLOR = '#facc15'
