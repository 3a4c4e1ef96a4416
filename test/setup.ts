import '@testing-library/jest-dom/vitest'

// jsdom has no layout: its scrollTo only logs "not implemented"; the router calls it on navigation.
if (typeof window !== 'undefined') {
  window.scrollTo = () => {}
}

// findBy*/waitFor give up after 1 s by default; a loaded 2-core CI machine can take longer to
// render a route tree against the stand-in. Slower is fine, never wrong.
if (typeof window !== 'undefined') {
  const { configure } = await import('@testing-library/dom')
  configure({ asyncUtilTimeout: 5000 })
}
