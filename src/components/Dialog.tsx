import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'

export interface DialogProps {
  /** The accessible name; or `labelledBy` to name it by a heading inside. */
  label?: string
  labelledBy?: string
  /** Called for Esc, a click outside and any close control inside. */
  onClose: () => void
  /** Focused when the dialog opens; otherwise the first focusable element inside. */
  initialFocus?: RefObject<HTMLElement | null>
  /** Extra classes for the panel (size, position). */
  className?: string
  children: ReactNode
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * The one modal dialog of the console, on the native `<dialog>` opened with `showModal()`: it sits
 * in the top layer (no ancestor's transform or backdrop filter can clip it), the page behind it is
 * inert, Esc and a click outside close it, Tab stays inside, and focus returns to what had it
 * before. Mount it to open it; unmount it to close it.
 */
export function Dialog({ label, labelledBy, onClose, initialFocus, className = '', children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    initialFocus?.current?.focus()
    // Esc: the parent owns the open state, so ask it rather than letting the browser close.
    const handleCancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', handleCancel)
    return () => {
      dialog.removeEventListener('cancel', handleCancel)
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [initialFocus])

  // The <dialog> covers the viewport around the panel, so a click on the <dialog> itself is a
  // click outside. Both ends must be outside: a text selection dragged out of the panel is not.
  const pressedOutside = useRef(false)
  const handleMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    pressedOutside.current = event.target === event.currentTarget
  }
  const handleClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget && pressedOutside.current) onCloseRef.current()
    pressedOutside.current = false
  }

  // The page behind is inert, but Tab from the last control would still reach the browser's UI.
  const handleKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0)
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (!first || !last) return
    if (event.shiftKey && (document.activeElement === first || !event.currentTarget.contains(document.activeElement))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return createPortal(
    <dialog
      ref={ref}
      aria-label={label}
      aria-labelledby={labelledBy}
      onMouseDown={handleMouseDown}
      onClick={handleClick}
      onKeyDown={handleKeyDown}
      className={`m-0 max-h-none max-w-none bg-transparent text-inherit backdrop:bg-slate-950/50 open:flex ${dialogFrame}`}
    >
      <div className={`relative flex max-h-full w-full flex-col overflow-hidden rounded-xl border border-slate-300 bg-white text-slate-900 shadow-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${className}`}>
        {children}
      </div>
    </dialog>,
    document.body,
  )
}

/**
 * The `<dialog>` covers the viewport (clicks on its padding are "outside") and centres the panel
 * horizontally; the panel's own classes choose its height and vertical place.
 */
const dialogFrame = 'fixed inset-0 h-full w-full items-start justify-center p-3 sm:p-6 sm:pt-[10vh]'
