import '@testing-library/jest-dom/vitest'

// jsdom has no layout: its scrollTo only logs "not implemented"; the router calls it on navigation.
if (typeof window !== 'undefined') {
  window.scrollTo = () => {}
}
