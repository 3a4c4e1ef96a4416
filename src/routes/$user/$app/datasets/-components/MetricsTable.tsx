import { Link, type LinkProps } from '@tanstack/react-router'
import { downloadText } from '@/components/DataTable.tsx'
import { toCsv } from '@/lib/csv.ts'
import { keysWithMatrix, metricKeyLabel, metricKeys, metricRows } from '@/lib/datasets.ts'
import { formatCount } from '@/lib/format.ts'
import { ScrollRegion } from '@/components/ScrollRegion.tsx'

interface MetricsTableProps {
  metrics: unknown
  /** The key whose region location matrix is shown below. */
  selectedKey: string | undefined
  linkForKey: (key: string) => LinkProps
  fileName: string
}

/** One column per key of `DatasetVersion.metrics` ("/" and one per input type), one row per count. */
export function MetricsTable({ metrics, selectedKey, linkForKey, fileName }: MetricsTableProps) {
  const keys = metricKeys(metrics)
  const rows = metricRows(metrics, keys)
  const withMatrix = new Set(keysWithMatrix(metrics))
  if (keys.length === 0 || rows.length === 0) {
    return <p className="text-sm text-slate-500">No metrics yet: the API computes them once the version is ready.</p>
  }
  const handleExport = () =>
    downloadText(
      `${fileName}.csv`,
      toCsv(
        ['metric', ...keys],
        rows.map((row) => [row.field, ...row.values.map((v) => v ?? '')]),
      ),
    )
  return (
    <div className="space-y-2">
      <ScrollRegion label="Counts of this version" className="rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-sm">
          <caption className="sr-only">Counts of this version, whole and per input type</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                Metric
              </th>
              {keys.map((key) => (
                <th key={key} scope="col" className="px-3 py-2 text-right font-medium" title={key}>
                  {withMatrix.has(key) && key !== selectedKey ? (
                    <Link {...linkForKey(key)} className="text-blue-700 hover:underline dark:text-blue-400" aria-label={`${metricKeyLabel(key)}: show its region locations`}>
                      {metricKeyLabel(key)}
                    </Link>
                  ) : (
                    <span aria-current={key === selectedKey ? 'true' : undefined} className={key === selectedKey ? 'text-slate-900 dark:text-white' : undefined}>
                      {metricKeyLabel(key)}
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row" className="px-3 py-1.5 text-left font-normal" title={row.field}>
                  {row.label}
                </th>
                {row.values.map((value, i) => (
                  <td key={keys[i]} className="px-3 py-1.5 text-right">
                    {formatCount(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="flex justify-end">
        <button type="button" onClick={handleExport} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
          Export CSV
        </button>
      </div>
    </div>
  )
}
