import { useCallback, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type Ref } from 'react'

/**
 * A box that scrolls sideways when its content (a wide table) is wider than the screen, so the
 * page itself never is. While it actually scrolls it is a named region in the tab order, so
 * keyboard users can scroll it too. It is `relative` so absolutely placed children (screen-reader
 * only labels in header cells) are clipped with it instead of widening the page.
 */
export function ScrollRegion({
  label,
  className = '',
  style,
  scrollRef,
  children,
}: {
  label: string
  className?: string
  /** A `maxHeight` here makes the box scroll down too (a long table with its own scroll region). */
  style?: CSSProperties
  /** The scrolling element, for a virtualizer that follows its scroll position. */
  scrollRef?: Ref<HTMLDivElement>
  children: ReactNode
}) {
  const ref = useRef<HTMLDivElement>(null)
  const setRef = useCallback(
    (node: HTMLDivElement | null) => {
      ref.current = node
      if (typeof scrollRef === 'function') scrollRef(node)
      else if (scrollRef) scrollRef.current = node
    },
    [scrollRef],
  )
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
      ref={setRef}
      role={isScrollable ? 'region' : undefined}
      aria-label={isScrollable ? label : undefined}
      tabIndex={isScrollable ? 0 : undefined}
      style={style}
      className={`relative overflow-x-auto ${style?.maxHeight !== undefined ? 'overflow-y-auto' : ''} ${className}`}
    >
      {children}
    </div>
  )
}
