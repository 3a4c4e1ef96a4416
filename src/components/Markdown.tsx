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
        rehypePlugins={[rehypeSanitize]}
        components={{
          // The page owns h1 and h2: user headings start below them.
          h1: ({ children }) => <h3 className="text-base font-semibold">{children}</h3>,
          h2: ({ children }) => <h4 className="font-semibold">{children}</h4>,
          h3: ({ children }) => <h5 className="font-medium">{children}</h5>,
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
