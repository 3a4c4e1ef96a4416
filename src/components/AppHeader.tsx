import { Link, useNavigate } from '@tanstack/react-router'
import { useQueryClient } from '@tanstack/react-query'
import { clearSession } from '@/api/session.ts'
import { useSession } from '@/api/use-session.ts'
import { CommandPalette } from './CommandPalette.tsx'

export function AppHeader() {
  const session = useSession()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const handleDisconnect = () => {
    clearSession()
    queryClient.clear()
    void navigate({ to: '/connect' })
  }
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-5 px-4 py-3 sm:px-6">
        <Link to="/" className="flex items-center gap-2 font-semibold">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" className="h-6 w-6" />
          Clarifai Console
        </Link>
        <Link to="/" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white" activeProps={{ className: 'font-medium text-slate-900 dark:text-white' }} activeOptions={{ exact: true }}>
          Home
        </Link>
        <Link to="/explore" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white" activeProps={{ className: 'font-medium text-slate-900 dark:text-white' }}>
          Explore
        </Link>
        <Link to="/evaluation-file" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white" activeProps={{ className: 'font-medium text-slate-900 dark:text-white' }}>
          Open evaluation file
        </Link>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {session && <CommandPalette />}
          {session?.isDemo && (
            <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" title="Connected to the built-in demo API: the data is generated, not your account.">
              Demo data
            </span>
          )}
          {session ? (
            <>
              <span className="text-slate-600 dark:text-slate-400">
                User <span className="font-mono text-slate-900 dark:text-slate-100">{session.userId}</span>
              </span>
              <button type="button" onClick={handleDisconnect} className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
                Disconnect
              </button>
            </>
          ) : (
            <Link to="/connect" className="rounded-md bg-blue-700 px-3 py-1 font-medium text-white hover:bg-blue-800">
              Connect
            </Link>
          )}
        </div>
      </nav>
    </header>
  )
}
