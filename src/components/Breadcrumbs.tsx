import { Link, type LinkProps } from '@tanstack/react-router'

export interface Crumb {
  label: string
  /** Where the crumb leads; the last crumb (the current page) has none. */
  link?: LinkProps
}

/** The crumbs every app-scoped page starts with: the user, then the app. */
export function appCrumbs(user: string, app: string): Crumb[] {
  return [
    { label: user, link: { to: '/$user', params: { user } } },
    { label: app, link: { to: '/$user/$app', params: { user, app } } },
  ]
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-slate-600 dark:text-slate-400">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex items-center gap-1">
            {index > 0 && <span aria-hidden="true">/</span>}
            {item.link ? (
              <Link {...item.link} className="font-mono hover:text-slate-900 hover:underline dark:hover:text-white">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-mono text-slate-900 dark:text-slate-100">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
