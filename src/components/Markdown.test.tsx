// @vitest-environment jsdom
import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Markdown } from './Markdown.tsx'

describe('Markdown', () => {
  it('renders markdown and drops scripts, handlers and javascript: links', () => {
    const { container } = render(
      <Markdown
        text={'# Notes\n\n- one\n- **two**\n\n<script>window.pwned = 1</script><img src=x onerror="window.pwned=1">\n\n[click](javascript:alert(1)) [ok](https://example.com)'}
      />,
    )
    expect(container.querySelector('h1')).toBeNull()
    expect(container.querySelector('h3')?.textContent).toBe('Notes')
    expect(container.querySelectorAll('li')).toHaveLength(2)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('[onerror]')).toBeNull()
    const links = [...container.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual([null, 'https://example.com'])
    expect(links[1]?.getAttribute('rel')).toContain('noopener')
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined()
  })

  it('starts user headings at h3 and never skips a level going down', () => {
    const levels = (text: string) => [...render(<Markdown text={text} />).container.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => h.tagName)
    expect(levels('## Intro\n\n#### Deep\n\n## Next\n\n### Sub')).toEqual(['H3', 'H4', 'H3', 'H4'])
    expect(levels('# A\n\n###### B')).toEqual(['H3', 'H4'])
    expect(levels('#### Only')).toEqual(['H3'])
  })
})
