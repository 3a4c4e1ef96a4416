import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/**
 * A box that scrolls sideways when its content (a wide table) is wider than the screen, so the
 * page itself never is. While it actually scrolls it is a named region in the tab order, so
 * keyboard users can scroll it too. It is `relative` so absolutely placed children (screen-reader
 * only labels in header cells) are clipped with it instead of widening the page.
 */
export function ScrollRegion({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [isScrollable, setIsScrollable] = useState(false)
  useLayoutEffect(() => {
    const node = ref.current
    if (!node) return
    const measure = () => setIsScrollable(node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(node)
    if (node.firstElementChild) observer.observe(node.firstElementChild)
    return () => observer.disconnect()
  }, [])
  return (
    <div
      ref={ref}
      role={isScrollable ? 'region' : undefined}
      aria-label={isScrollable ? label : undefined}
      tabIndex={isScrollable ? 0 : undefined}
      className={`relative overflow-x-auto ${className}`}
    >
      {children}
    </div>
  )
}
