import ReactMarkdown from 'react-markdown'
import rehypeSanitize from 'rehype-sanitize'

/**
 * User-written text (app notes, descriptions) as markdown: raw HTML is not rendered, what
 * markdown makes is sanitized, and unsafe URLs (`javascript:` and the like) are dropped.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown space-y-3 text-sm leading-6 [&_a]:text-blue-700 [&_a]:underline dark:[&_a]:text-blue-400 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 dark:[&_code]:bg-slate-800 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-auto [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        rehypePlugins={[rehypeSanitize, relevelHeadings]}
        components={{
          h3: ({ children }) => <h3 className="text-base font-semibold">{children}</h3>,
          h4: ({ children }) => <h4 className="font-semibold">{children}</h4>,
          h5: ({ children }) => <h5 className="font-medium">{children}</h5>,
          h6: ({ children }) => <h6 className="font-medium">{children}</h6>,
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  )
}

interface HastNode {
  type: string
  tagName?: string
  children?: HastNode[]
}

const HEADING = /^h([1-6])$/

/**
 * The page owns h1 and h2, so user headings start at h3, and never skip a level going down
 * (notes that open with `##` or jump from `#` to `###` would break the page's outline).
 */
function relevelHeadings() {
  return (tree: HastNode) => {
    const headings: Array<{ node: HastNode; depth: number }> = []
    const walk = (node: HastNode) => {
      const match = node.type === 'element' ? HEADING.exec(node.tagName ?? '') : null
      if (match) headings.push({ node, depth: Number(match[1]) })
      node.children?.forEach(walk)
    }
    walk(tree)
    const top = Math.min(...headings.map((h) => h.depth))
    let previous = 2
    for (const heading of headings) {
      const level = Math.min(6, 3 + heading.depth - top, previous + 1)
      heading.node.tagName = `h${level}`
      previous = level
    }
  }
}
