import { useEffect, useId, useState } from 'react'
import { Link, useLocation, useNavigate } from '@tanstack/react-router'
import { useQueryClient } from '@tanstack/react-query'
import { clearSession } from '@/api/session.ts'
import { useSession } from '@/api/use-session.ts'
import { CommandPalette } from './CommandPalette.tsx'
import { ThemeSwitch } from './ThemeSwitch.tsx'
import { safeReturnPath } from '@/lib/return-path.ts'

const navLink = 'rounded-md py-2 text-sm text-slate-700 hover:text-slate-900 xl:py-0 dark:text-slate-300 dark:hover:text-white'
const navActive = { className: 'font-medium text-slate-900 dark:text-white' }
const outlineButton = 'min-h-9 rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900'

/**
 * The header: on wide screens one row; below `xl` (1280 px) the logo, the palette button and a Menu button
 * that opens the links, the theme and the session controls under the bar.
 */
export function AppHeader() {
  const session = useSession()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const pathname = useLocation({ select: (location) => location.pathname })
  // Connect comes back to where it was pressed.
  const href = useLocation({ select: (location) => location.href })
  const [isMenuOpen, setIsMenuOpen] = useState(false)
  const menuId = useId()
  // A link followed from the menu closes it.
  useEffect(() => setIsMenuOpen(false), [pathname])

  const handleDisconnect = () => {
    clearSession()
    queryClient.clear()
    void navigate({ to: '/connect' })
  }
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <nav aria-label="Main" className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 sm:px-6">
        <Link to="/" className="flex items-center gap-2 font-semibold">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" className="h-6 w-6" />
          Clarifai Console
        </Link>
        <div className="ml-auto flex items-center gap-2 xl:order-last xl:gap-3">
          {session && <CommandPalette />}
          <button
            type="button"
            aria-expanded={isMenuOpen}
            aria-controls={menuId}
            onClick={() => setIsMenuOpen((open) => !open)}
            onKeyDown={(event) => event.key === 'Escape' && setIsMenuOpen(false)}
            className={`${outlineButton} xl:hidden`}
          >
            Menu
          </button>
        </div>
        <div
          id={menuId}
          onKeyDown={(event) => event.key === 'Escape' && setIsMenuOpen(false)}
          className={`${isMenuOpen ? 'flex' : 'hidden'} w-full flex-col gap-3 border-t border-slate-200 pt-2 xl:flex xl:w-auto xl:flex-1 xl:flex-row xl:items-center xl:gap-5 xl:border-0 xl:pt-0 dark:border-slate-800`}
        >
          <div className="flex flex-col xl:flex-row xl:items-center xl:gap-5">
            <Link to="/" className={navLink} activeProps={navActive} activeOptions={{ exact: true }}>
              Home
            </Link>
            <Link to="/explore" className={navLink} activeProps={navActive}>
              Explore
            </Link>
            <Link to="/evaluation-file" className={navLink} activeProps={navActive}>
              Open evaluation file
            </Link>
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm xl:ml-auto">
            {session?.isDemo && (
              <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" title="Connected to the built-in demo API: the data is generated, not your account.">
                Demo data
              </span>
            )}
            <ThemeSwitch />
            {session ? (
              <>
                <span className="text-slate-600 dark:text-slate-400">
                  User <span className="font-mono text-slate-900 dark:text-slate-100">{session.userId}</span>
                </span>
                <button type="button" onClick={handleDisconnect} className={outlineButton}>
                  Disconnect
                </button>
              </>
            ) : (
              <Link to="/connect" search={{ redirect: safeReturnPath(href) }} className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">
                Connect
              </Link>
            )}
          </div>
        </div>
      </nav>
    </header>
  )
}
