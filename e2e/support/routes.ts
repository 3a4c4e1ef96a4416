import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * One example address per page of the console. Checks that walk every page (layout, axe) iterate
 * this list, and `routePatterns()` holds it to the route tree: a new page fails those checks until
 * it is listed here.
 */
export const ROUTES: ReadonlyArray<{ pattern: string; url: string }> = [
  { pattern: '/', url: '/' },
  { pattern: '/connect', url: '/connect' },
  { pattern: '/evaluation-file', url: '/evaluation-file' },
  { pattern: '/explore/', url: '/explore' },
  { pattern: '/explore/$operation', url: '/explore/ListModels?user_app_id.user_id=demo&user_app_id.app_id=general-vision&per_page=5' },
  { pattern: '/$user/', url: '/demo' },
  { pattern: '/$user/$app/', url: '/demo/general-vision' },
  { pattern: '/$user/$app/models/', url: '/demo/general-vision/models' },
  { pattern: '/$user/$app/models/$model/', url: '/demo/general-vision/models/scenes-classifier' },
  { pattern: '/$user/$app/models/$model/versions/$version', url: '/demo/general-vision/models/scenes-classifier/versions/6902817918ca4696d45963b7b9c81e26' },
  { pattern: '/$user/$app/datasets/', url: '/demo/general-vision/datasets' },
  { pattern: '/$user/$app/datasets/$dataset/', url: '/demo/general-vision/datasets/baseline-2024' },
  { pattern: '/$user/$app/datasets/$dataset/versions/$version', url: '/demo/wildlife-camera-traps/datasets/trap-raw/versions/36ffd13b8c7f7c527c798675181410bb' },
  { pattern: '/$user/$app/evaluations/', url: '/demo/general-vision/evaluations' },
  { pattern: '/$user/$app/evaluations/$evaluation', url: '/demo/manufacturing-defects/evaluations/d91d36e9e8d8980cd693508f9746496e' },
  { pattern: '/$user/$app/tasks/', url: '/demo/general-vision/tasks' },
  { pattern: '/$user/$app/tasks/$task', url: '/demo/retail-shelf-audit/tasks/434813dfd43347d6af53ca915e144256' },
  // Not a route of its own: the view every unknown address gets.
  { pattern: '(not found)', url: '/demo/general-vision/models/no-such-model' },
]

/** Every page path the router knows (layout-only parents excluded), read from the generated tree. */
export function routePatterns(): string[] {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  const tree = readFileSync(path.join(root, 'src/routeTree.gen.ts'), 'utf8')
  const block = tree.slice(tree.indexOf('export interface FileRoutesByFullPath'))
  const paths = [...block.slice(0, block.indexOf('}')).matchAll(/^\s+'([^']+)':/gm)].map((m) => m[1] as string)
  // A path that is the prefix of an index child (`/explore` of `/explore/`) is only a layout.
  return paths.filter((p) => !paths.includes(`${p}/`))
}
